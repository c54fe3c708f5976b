package dev.logsentry.core.source;

import dev.logsentry.core.index.GzipFile;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.LineSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Which year an RFC 3164 timestamp ({@code Nov 24 06:00:00}, no year) belongs to: the latest one
 * that does not put the line after its file's modification time (no line was written after it), or
 * after now for sources without a file (followed copies, the journal, merged views). The one answer
 * for the table's Time column, the timeline and the merged view.
 */
public final class YearReference {
    private YearReference() {}

    /** The instant no line of {@code source} is expected after. */
    public static Instant of(LineSource source, Clock clock) {
        Path file =
                source instanceof IndexedFile f
                        ? f.path()
                        : source instanceof GzipFile g ? g.path() : null;
        if (file != null) {
            try {
                return Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                // the file vanished or is unreadable: now is as good a guess as any
            }
        }
        return clock.instant();
    }
}
