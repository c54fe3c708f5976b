package dev.logsentry.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file where LogSentry keeps private data (state, lock, report) is not what it should be: a
 * symbolic link, not a regular file, or owned by another user. Refusing is the only safe answer,
 * because following it could let another user redirect or read what we write.
 */
public final class UnsafeFileException extends IOException {
    private final transient Path path;

    public UnsafeFileException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
