package dev.logsentry.core.source;

import dev.logsentry.core.index.IndexJob;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.time.Tai64n;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A daemontools/multilog log directory: the finished files {@code @<tai64n>.s} (and {@code .u}, cut
 * short by a crash) in label order, which is the order they were written, then {@code current}.
 * Multilog's own bookkeeping files are skipped silently; any other name is skipped with a warning,
 * and nothing else breaks. Lines are shown with their TAI64N label turned into local time as {@code
 * tai64nlocal} prints it when a zone is given; the raw bytes keep the label.
 */
public final class MultilogDirectory extends ConcatenatedSource {
    private static final Pattern ARCHIVE = Pattern.compile("@[0-9a-f]{24}\\.[su]");
    private static final Set<String> BOOKKEEPING =
            Set.of("current", "lock", "state", "newstate", "processed", "previous");

    private final Path dir;
    private final List<Path> files;
    private final List<String> warnings;
    private final ZoneId zone;

    private MultilogDirectory(
            Path dir,
            List<Path> files,
            List<IndexedFile> parts,
            List<String> warnings,
            ZoneId zone) {
        super(
                dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(),
                parts,
                jobs(parts));
        this.dir = dir;
        this.files = List.copyOf(files);
        this.warnings = List.copyOf(warnings);
        this.zone = zone;
    }

    private static List<IndexJob> jobs(List<IndexedFile> parts) {
        List<IndexJob> jobs = new ArrayList<>();
        for (IndexedFile f : parts) {
            jobs.add(f::index);
        }
        return jobs;
    }

    /** Whether {@code dir} looks like a multilog directory: it has {@code current} or archives. */
    public static boolean isMultilog(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isRegularFile(dir.resolve("current"))) {
            return true;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (ARCHIVE.matcher(p.getFileName().toString()).matches()) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * The files of a multilog directory in reading order, and warnings for names that do not belong
     * there.
     */
    public record Listing(List<Path> files, List<String> warnings) {}

    /**
     * Lists {@code dir} in reading order: regular {@code @*.s}/{@code @*.u} files and {@code
     * current}; symbolic links and anything else with those names are skipped with a warning.
     */
    public static Listing list(Path dir) throws SourceException {
        List<String> archives = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean current = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                boolean archive = ARCHIVE.matcher(n).matches();
                // never through a symlink: a link to /etc/shadow in a log directory owned by the
                // log user would otherwise be read with root's rights
                boolean regular = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                if ((archive || n.equals("current")) && !regular) {
                    warnings.add(dir.resolve(n) + ": " + notRegular(p) + ", skipped");
                } else if (archive) {
                    archives.add(n);
                } else if (n.equals("current")) {
                    current = true;
                } else if (!BOOKKEEPING.contains(n)) {
                    warnings.add(dir.resolve(n) + ": not a multilog file name, skipped");
                }
            }
        } catch (IOException e) {
            throw new SourceException(
                    dir,
                    SourceException.Reason.UNREADABLE,
                    "Cannot list " + dir + ": " + e.getMessage(),
                    e);
        }
        // Hex TAI64N labels of equal length sort chronologically as strings.
        archives.sort(null);
        List<Path> files = new ArrayList<>();
        for (String a : archives) {
            files.add(dir.resolve(a));
        }
        if (current) {
            files.add(dir.resolve("current"));
        }
        return new Listing(files, warnings);
    }

    /** What a directory entry is instead of a regular file, for the skip message. */
    private static String notRegular(Path p) {
        if (Files.isSymbolicLink(p)) {
            return "a symbolic link (not followed)";
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory, not a log file";
        }
        return "not a regular file";
    }

    /**
     * Opens a multilog directory.
     *
     * @param zone show labels as local time in this zone (like tai64nlocal), or null for raw
     * @throws SourceException when the directory cannot be listed or no file in it can be opened; a
     *     single file that cannot be opened is skipped with a warning
     */
    public static MultilogDirectory open(Path dir, OpenOptions options, ZoneId zone)
            throws SourceException {
        Listing listing = list(dir);
        if (listing.files().isEmpty()) {
            throw new SourceException(
                    dir,
                    SourceException.Reason.MISSING,
                    dir + " has no multilog files (neither current nor @....s)");
        }
        List<IndexedFile> parts = new ArrayList<>();
        List<Path> opened = new ArrayList<>();
        List<String> warnings = new ArrayList<>(listing.warnings());
        for (Path f : listing.files()) {
            try {
                parts.add(IndexedFile.open(f, options));
                opened.add(f);
            } catch (SourceException e) {
                // One bad file (binary, unreadable, vanished) must not hide the others.
                warnings.add(e.getMessage() + "; skipped");
            }
        }
        if (parts.isEmpty()) {
            throw new SourceException(
                    dir,
                    SourceException.Reason.UNREADABLE,
                    dir + ": no file in it could be opened (" + String.join("; ", warnings) + ")");
        }
        return new MultilogDirectory(dir, opened, parts, warnings, zone);
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    /** The files read, in order. */
    public List<Path> files() {
        return files;
    }

    /** Names that were skipped, as messages naming each file. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String line(long index) throws IOException {
        String raw = super.line(index);
        return zone == null ? raw : Tai64n.toLocal(raw, zone);
    }
}
