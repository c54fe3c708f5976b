package dev.logsentry.core.report.delivery;

import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the report to a file, replacing it atomically with mode 0600 (reports quote log lines,
 * which may hold secrets). A symlink or another user's file at that path is refused.
 */
public final class FileDelivery implements Delivery {
    private final Path file;

    public FileDelivery(Path file) {
        this.file = file;
    }

    @Override
    public void deliver(FinishedReport report) throws DeliveryException {
        try {
            SafeFiles.writeAtomically(file, out -> report.content().writeTo(out));
        } catch (IOException e) {
            throw new DeliveryException(
                    "could not write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
