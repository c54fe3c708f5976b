package dev.logsentry.core.report.delivery;

import java.io.IOException;

/** A report could not be delivered; the check state is then left unchanged. */
public final class DeliveryException extends IOException {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
