package dev.logsentry.core.source.tail;

import java.io.IOException;

/** The check state could not be read, trusted or written; the message names the file. */
public final class StateException extends IOException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateException(String message) {
        super(message);
    }
}
