package dev.logsentry.core.dnscache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<Path> rotated = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path, "@*.{s,u}")) {
            for (Path p : ds) {
                rotated.add(p);
            }
        }
        rotated.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        Path current = path.resolve("current");
        if (Files.isRegularFile(current)) {
            rotated.add(current);
        }
        if (rotated.isEmpty()) {
            throw new IOException(path + ": a directory without multilog files (@*.s, current)");
        }
        return rotated;
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
            try (BufferedReader r = open(f)) {
                long n = 0;
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(parser.parse(line, ++n));
                    if ((n & 16383) == 0) {
                        progress.update(f, total + n);
                        if (cancelled.getAsBoolean()) {
                            return total + n;
                        }
                    }
                }
                total += n;
                progress.update(f, total);
            } catch (IOException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return total;
    }

    private static BufferedReader open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        if (f.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        // dnscache writes ASCII only; Latin-1 never fails and keeps any stray byte visible
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    }
}
