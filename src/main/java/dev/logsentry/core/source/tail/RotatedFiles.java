package dev.logsentry.core.source.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the rotated generations of a log next to it, newest first: {@code log.0}, {@code log.1},
 * {@code log.1.gz}, ... (smaller number is newer, as logrotate and savelog number them) and {@code
 * log-YYYYMMDD[.gz]} (later date is newer, logrotate's dateext). Names, not modification times,
 * give the order: compressing a generation later (delaycompress) changes its mtime.
 */
public final class RotatedFiles {
    private RotatedFiles() {}

    /**
     * The rotated generations of {@code log}, newest first; the cron tail and follow mode use it.
     */
    public static List<Path> newestFirst(Path log) throws IOException {
        Path dir = log.toAbsolutePath().getParent();
        String base = log.getFileName().toString();
        Pattern p = Pattern.compile(Pattern.quote(base) + "(?:\\.(\\d{1,4})|-(\\d{8}))(?:\\.gz)?");
        List<Candidate> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(
                    f -> {
                        Matcher m = p.matcher(f.getFileName().toString());
                        if (m.matches() && Files.isRegularFile(f)) {
                            found.add(
                                    m.group(1) != null
                                            ? new Candidate(f, 0, -Long.parseLong(m.group(1)))
                                            : new Candidate(f, 1, Long.parseLong(m.group(2))));
                        }
                    });
        }
        // Numbered generations first (newest = smallest number), then dated ones (newest = latest);
        // for the same generation the uncompressed file comes before the .gz.
        found.sort(
                Comparator.comparingInt(Candidate::scheme)
                        .thenComparing(Comparator.comparingLong(Candidate::rank).reversed())
                        .thenComparing(c -> FileIdentity.isGzip(c.path())));
        return found.stream().map(Candidate::path).toList();
    }

    private record Candidate(Path path, int scheme, long rank) {}
}
