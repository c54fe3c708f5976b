package dev.logsentry.core.remote;

import java.io.IOException;

/** A frame the receiver cannot accept; the connection is closed, since it cannot resynchronise. */
public final class FrameException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Rejection reason;

    public FrameException(Rejection reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why, for the counters. */
    public Rejection reason() {
        return reason;
    }
}
