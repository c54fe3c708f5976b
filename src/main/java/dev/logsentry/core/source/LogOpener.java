package dev.logsentry.core.source;

import dev.logsentry.core.index.GzipFile;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.SourceException;
import java.nio.file.Path;

/**
 * Opens whatever an administrator points at and picks the right reader for it. This is the one
 * entry point the workbench and the CLI use; it returns quickly and leaves the full indexing to the
 * returned job.
 */
public final class LogOpener {
    private LogOpener() {}

    /** Opens with default options (binary files refused). */
    public static OpenedLog open(Path path) throws SourceException {
        return open(path, OpenOptions.DEFAULT);
    }

    /**
     * Opens {@code path}.
     *
     * @throws SourceException with a message naming the file when it cannot be opened
     */
    public static OpenedLog open(Path path, OpenOptions options) throws SourceException {
        if (GzipFile.isGzip(path)) {
            GzipFile gz = GzipFile.open(path, options);
            return new OpenedLog(gz, gz::index, SourceKind.GZIP);
        }
        IndexedFile file = IndexedFile.open(path, options);
        return new OpenedLog(file, file::index, SourceKind.FILE);
    }
}
