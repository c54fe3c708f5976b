package dev.logsentry.core.dnscache;

import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.io.IoErrors;
import dev.logsentry.core.source.MultilogDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads dnscache logs: plain files (labelled by multilog/tai64n or not), {@code .gz} files, and
 * multilog directories, whose rotated {@code @*.s} files are read oldest first (their names are
 * TAI64N labels, so name order is time order) and then {@code current}.
 */
public final class DnscacheLogReader {
    private DnscacheLogReader() {}

    /** Progress callback: bytes of the current file read so far, lines so far. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (file, lines) -> {};

        void update(Path file, long lines);
    }

    /** The files to read for {@code path}, in order. */
    public static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        MultilogDirectory.Listing listing;
        try {
            listing = MultilogDirectory.list(path);
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (listing.files().isEmpty()) {
            throw new IOException(path + ": a directory without multilog files (@*.s, current)");
        }
        return listing.files();
    }

    /**
     * What a list of paths comes to: the files to read, in order, and a message for every path or
     * directory entry that cannot be read. Files found in a multilog directory are opened without
     * following symbolic links.
     *
     * @param files the files to read, in order
     * @param inDirectory the files that were found in a directory (not named by the user)
     * @param problems one message per bad path (missing, unreadable, a directory without multilog
     *     files, a symbolic link or directory where a log file should be), each naming it
     * @param warnings names in a multilog directory that are not multilog's, skipped
     */
    public record Inputs(
            List<Path> files,
            Set<Path> inDirectory,
            List<String> problems,
            List<String> warnings) {}

    /** Expands every path it can; the others are named in {@link Inputs#problems()}. */
    public static Inputs inputs(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        Set<Path> inDirectory = new HashSet<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) {
                problems.add(p + ": no such file or directory");
            } else if (!Files.isDirectory(p)) {
                files.add(p); // named by the user: a symbolic link is theirs to give
            } else {
                try {
                    MultilogDirectory.Listing listing = MultilogDirectory.list(p);
                    for (String w : listing.warnings()) {
                        (w.endsWith("not a multilog file name, skipped") ? warnings : problems)
                                .add(w);
                    }
                    if (listing.files().isEmpty()) {
                        problems.add(p + ": a directory without multilog files (@*.s, current)");
                    }
                    files.addAll(listing.files());
                    inDirectory.addAll(listing.files());
                } catch (SourceException e) {
                    problems.add(p + ": cannot list the directory (" + reason(e) + ")");
                }
            }
        }
        return new Inputs(files, inDirectory, problems, warnings);
    }

    private static String reason(SourceException e) {
        return e.getCause() instanceof IOException io ? IoErrors.reason(io) : e.getMessage();
    }

    /**
     * Parses every line of every readable file of {@code inputs} into {@code sink}, in order. A
     * file that cannot be opened or fails part way (a damaged {@code .gz}) is named in a message to
     * {@code problems} with the reason, and the next file is read; the lines read before the
     * failure stay read.
     *
     * @return the number of lines read
     */
    public static long readEach(
            Inputs inputs, Consumer<DnscacheEntry> sink, Consumer<String> problems) {
        long[] total = {0};
        Consumer<DnscacheEntry> counting =
                e -> {
                    total[0]++;
                    sink.accept(e);
                };
        for (Path f : inputs.files()) {
            DnscacheParser parser = new DnscacheParser(f.toString());
            try (InputStream in = open(f, inputs.inDirectory().contains(f))) {
                readLines(in, parser, counting, f, 0, Progress.NONE, () -> false);
            } catch (IOException e) {
                problems.accept(f + ": " + IoErrors.reason(e));
            }
        }
        return total[0];
    }

    /** The files of several paths, each expanded, in the given order. */
    public static List<Path> expandAll(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(expand(p));
        }
        return files;
    }

    /**
     * Parses every line of {@code files} into {@code sink}, in order.
     *
     * @param cancelled polled every 16384 lines; reading stops quietly when it turns true
     * @return the number of lines read
     * @throws IOException naming the file when one cannot be read
     */
    public static long read(
            List<Path> files,
            Consumer<DnscacheEntry> sink,
            Progress progress,
            BooleanSupplier cancelled)
            throws IOException {
        long total = 0;
        for (Path f : files) {
            DnscacheParser parser = new DnscacheParser(f.toString());
            try (InputStream in = open(f, false)) {
                total = readLines(in, parser, sink, f, total, progress, cancelled);
                if (total < 0) {
                    return -total;
                }
            } catch (IOException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return total;
    }

    /**
     * Splits the stream into lines on '\n' (a '\r' before it is dropped) straight from bytes:
     * dnscache writes ASCII, so each line becomes a Latin-1 String without a decoding pass. A line
     * longer than {@link #MAX_LINE} keeps its beginning, which then fails to parse and is reported.
     *
     * @return the running line total, negated when cancelled
     */
    private static long readLines(
            InputStream in,
            DnscacheParser parser,
            Consumer<DnscacheEntry> sink,
            Path f,
            long total,
            Progress progress,
            BooleanSupplier cancelled)
            throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        long n = 0;
        boolean skipping = false; // inside the tail of an over-long line
        while (true) {
            int nl = -1;
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0) {
                if (!skipping) {
                    sink.accept(parser.parse(text(buf, start, nl), ++n));
                } else {
                    skipping = false;
                }
                start = nl + 1;
                if ((n & 16383) == 0) {
                    progress.update(f, total + n);
                    if (cancelled.getAsBoolean()) {
                        return -(total + n);
                    }
                }
                continue;
            }
            if (start > 0) { // move the partial line to the front
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                if (buf.length < MAX_LINE) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                } else { // keep the beginning as the line, drop the rest up to its newline
                    if (!skipping) {
                        sink.accept(parser.parse(text(buf, 0, end), ++n));
                    }
                    skipping = true;
                    end = 0;
                }
            }
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                if (end > start && !skipping) { // a last line without its newline
                    sink.accept(parser.parse(text(buf, start, end), ++n));
                }
                progress.update(f, total + n);
                return total + n;
            }
            end += r;
        }
    }

    /** Longest line kept whole; dnscache lines are under 400 bytes. */
    static final int MAX_LINE = 1 << 20;

    private static String text(byte[] buf, int from, int to) {
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static InputStream open(Path f, boolean noFollow) throws IOException {
        if (Files.isDirectory(f)) {
            throw new IOException("a directory, not a log file");
        }
        InputStream in =
                noFollow
                        ? Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)
                        : Files.newInputStream(f);
        if (f.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
