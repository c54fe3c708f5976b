package dev.logsentry.core.source;

import dev.logsentry.core.index.GzipFile;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.SourceException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** Opens {@code path} with multilog labels shown in the system time zone. */
    public static OpenedLog open(Path path, OpenOptions options) throws SourceException {
        return open(path, options, ZoneId.systemDefault());
    }

    /**
     * Opens {@code path}: a multilog directory, a gzip file (recognised by its magic bytes, not its
     * name) or a plain file.
     *
     * @param zone multilog labels are shown as local time in this zone, like tai64nlocal; null
     *     shows them raw
     * @throws SourceException with a message naming the file when it cannot be opened
     */
    public static OpenedLog open(Path path, OpenOptions options, ZoneId zone)
            throws SourceException {
        Objects.requireNonNull(options, "options");
        if (Files.isDirectory(path)) {
            if (!MultilogDirectory.isMultilog(path)) {
                throw new SourceException(
                        path,
                        SourceException.Reason.NOT_A_FILE,
                        path
                                + " is a directory but not a multilog directory (no current, no"
                                + " @....s files); open the log files in it instead");
            }
            MultilogDirectory ml = MultilogDirectory.open(path, options, zone);
            return new OpenedLog(ml, ml::index, SourceKind.MULTILOG);
        }
        if (GzipFile.isGzip(path)) {
            GzipFile gz = GzipFile.open(path, options);
            return new OpenedLog(gz, gz::index, SourceKind.GZIP);
        }
        IndexedFile file = IndexedFile.open(path, options);
        return new OpenedLog(file, file::index, SourceKind.FILE);
    }

    /**
     * The log files in a folder, for "Open Folder" on a folder that is not a multilog directory:
     * regular, non-hidden files (plain or .gz), sorted by name, so {@code syslog}, {@code
     * syslog.1}, {@code syslog.2.gz} come together.
     */
    public static List<Path> logFilesIn(Path dir) throws SourceException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new SourceException(
                    dir,
                    SourceException.Reason.UNREADABLE,
                    "Cannot list " + dir + ": " + e.getMessage(),
                    e);
        }
        out.sort(null);
        return out;
    }
}
