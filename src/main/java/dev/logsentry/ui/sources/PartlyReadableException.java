package dev.logsentry.ui.sources;

import dev.logsentry.core.index.LineSource;

/**
 * Opening stopped part way (a truncated or corrupt .gz): the lines read up to there stay open and
 * are shown; the message says where the file broke.
 */
public final class PartlyReadableException extends Exception {
    private final transient LineSource readable;

    public PartlyReadableException(LineSource readable, Exception cause) {
        super(cause.getMessage(), cause);
        this.readable = readable;
    }

    /** The lines read before the problem. */
    public LineSource readable() {
        return readable;
    }
}
