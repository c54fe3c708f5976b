package dev.logsentry.core.source.tail;

import java.io.IOException;
import java.nio.file.Path;

/** Another check run holds the state directory's lock; this run must not touch the state. */
public final class LockHeldException extends IOException {
    public LockHeldException(Path lockFile) {
        super(
                "another logsentry check is running (lock "
                        + lockFile
                        + " is held); try again when it has finished");
    }
}
