package dev.logsentry.core.index;

import java.nio.file.Path;

/**
 * A log could not be opened or read. The message is meant for the user as it is: it names the file
 * and says what is wrong, so the UI and the CLI show it without a stack trace.
 */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (for example "open anyway"). */
    public enum Reason {
        /** The path does not exist. */
        MISSING,
        /** The path is a directory or a special file, not a regular file. */
        NOT_A_FILE,
        /** Permission denied or an I/O error while reading. */
        UNREADABLE,
        /** NUL bytes in the first block; can be opened anyway with {@code allowBinary}. */
        BINARY,
        /** The data is damaged (a truncated or corrupt gzip, for example). */
        CORRUPT
    }

    private final transient Path path;
    private final Reason reason;

    public SourceException(Path path, Reason reason, String message) {
        super(message);
        this.path = path;
        this.reason = reason;
    }

    public SourceException(Path path, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.reason = reason;
    }

    /** The file the message is about. */
    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }
}
