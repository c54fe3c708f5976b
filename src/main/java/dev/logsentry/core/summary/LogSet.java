package dev.logsentry.core.summary;

import dev.logsentry.core.index.GzipFile;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.MultilogDirectory;
import dev.logsentry.core.source.tail.RotatedFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses what a summary reads, as logwatch does from {@code --logdir} and {@code --logfile}: the
 * live logs, and their rotated archives ({@code .1}, {@code .2.gz}, {@code -20261125.gz}, found by
 * {@link RotatedFiles}) only when the range reaches back into the time they were written (an
 * archive last written before the range starts cannot hold a line of it). Oldest first, so counts
 * and unmatched lines come in time order. Binary files (wtmp, lastlog) are left out.
 */
public final class LogSet {
    private static final Pattern ROTATED =
            Pattern.compile(".*(?:\\.\\d{1,4}|-\\d{8})(?:\\.gz)?$|.*\\.gz$");

    private LogSet() {}

    /** The inputs and what was left out and why. */
    public record Selection(List<SummaryInput> inputs, List<String> warnings) {}

    /**
     * @param logdir the folder ({@code /var/log} by default)
     * @param logfiles files or multilog directories to read (relative to {@code logdir}, or to the
     *     working folder when they start with {@code ./} or {@code ../}); empty for every log in
     *     {@code logdir}
     * @param range decides which archives are read
     */
    public static Selection select(Path logdir, List<String> logfiles, DateRange range) {
        List<SummaryInput> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<Path> bases = new ArrayList<>();
        if (logfiles.isEmpty()) {
            if (!Files.isDirectory(logdir)) {
                warnings.add(logdir + ": not a folder; nothing read");
                return new Selection(out, warnings);
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(logdir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(".")) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        if (MultilogDirectory.isMultilog(p)) {
                            bases.add(p);
                        }
                    } else if (Files.isRegularFile(p) && !ROTATED.matcher(n).matches()) {
                        bases.add(p);
                    }
                }
            } catch (IOException e) {
                warnings.add("cannot list " + logdir + ": " + e.getMessage());
            }
            bases.sort(null);
        } else {
            for (String f : logfiles) {
                Path p = Path.of(f);
                // a name is logwatch's (in logdir); "./x" and "../x" say the working folder
                boolean here = f.startsWith("./") || f.startsWith("../");
                bases.add(
                        p.isAbsolute()
                                ? p
                                : here ? p.toAbsolutePath().normalize() : logdir.resolve(p));
            }
        }
        boolean explicit = !logfiles.isEmpty();
        for (Path base : bases) {
            if (Files.isDirectory(base)) {
                if (MultilogDirectory.isMultilog(base)) {
                    out.add(new SummaryInput.Multilog(base));
                } else {
                    warnings.add(base + ": a folder but not a multilog directory; skipped");
                }
                continue;
            }
            List<Path> generations = new ArrayList<>();
            try {
                List<Path> rotated = RotatedFiles.newestFirst(base);
                for (Path r : rotated) {
                    if (range.mayContainFileModifiedAt(modified(r))) {
                        generations.add(0, r); // oldest first
                    }
                }
            } catch (IOException e) {
                warnings.add("cannot look for rotated files of " + base + ": " + e.getMessage());
            }
            if (Files.exists(base)) {
                generations.add(base);
            } else if (explicit && generations.isEmpty()) {
                warnings.add(base + ": no such file");
            }
            for (Path g : generations) {
                if (!seen.add(g.toAbsolutePath().normalize())) {
                    continue;
                }
                Problem problem = unreadable(g);
                if (problem == null) {
                    out.add(new SummaryInput.LogFile(g));
                } else if (explicit || !problem.binary()) {
                    // binary files in a log folder (wtmp, lastlog) are skipped quietly;
                    // a log that cannot be read is always named
                    warnings.add(problem.message());
                }
            }
        }
        return new Selection(out, warnings);
    }

    /** Why a file cannot be summarised, and whether it is only binary. */
    record Problem(String message, boolean binary) {}

    /** Why a file cannot be summarised (binary, unreadable), or null when it can. */
    static Problem unreadable(Path f) {
        try {
            if (GzipFile.isGzip(f)) {
                return null; // content checked while reading
            }
            try (IndexedFile x = (IndexedFile) LogOpener.open(f).source()) {
                return null;
            }
        } catch (SourceException e) {
            return new Problem(
                    e.getMessage() + "; skipped", e.reason() == SourceException.Reason.BINARY);
        } catch (IOException | ClassCastException e) {
            return new Problem(f + ": " + e.getMessage() + "; skipped", false);
        }
    }

    static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
