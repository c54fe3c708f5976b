package dev.logsentry.core.browse;

import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.time.LineTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The time of each line for filters and the timeline: the timestamp at its start, or, for a line
 * without one (a continuation, a kernel dump), the time of the nearest line before it that has one.
 * Not thread-safe: one per worker.
 */
final class LineClock {

    /** How far back to look for the time of the line before a chunk's first line. */
    static final int LOOK_BACK = 1000;

    /** A timestamp is at the start of a line: this many bytes are enough to parse it. */
    private static final int HEAD = 48;

    private final LineSource source;
    private final RawLineSource raw;
    private final LineTimes times;
    private Instant current;

    LineClock(LineSource source, LineTimes times) {
        this.source = source;
        this.raw = source instanceof RawLineSource r ? r : null;
        this.times = times;
    }

    /** Positions the clock before {@code line}: finds the time in force there. */
    void seek(long line) throws IOException {
        current = null;
        for (long i = line - 1; i >= 0 && i >= line - LOOK_BACK; i--) {
            Instant t = own(i);
            if (t != null) {
                current = t;
                return;
            }
        }
    }

    /** The time of {@code line}, which must follow the line asked before (or the seek). */
    Instant next(long line) throws IOException {
        Instant t = own(line);
        if (t != null) {
            current = t;
        }
        return current;
    }

    /** The time of the next line given its bytes (saves reading it twice). */
    Instant next(byte[] buf, int off, int len) {
        Instant t =
                times.parse(new String(buf, off, Math.min(HEAD, len), StandardCharsets.ISO_8859_1));
        if (t != null) {
            current = t;
        }
        return current;
    }

    /** The time of {@code line} given its text (saves reading it twice). */
    Instant next(String text) {
        Instant t = times.parse(text);
        if (t != null) {
            current = t;
        }
        return current;
    }

    /** The timestamp written on {@code line} itself, or null. */
    Instant own(long line) throws IOException {
        if (raw != null) {
            byte[] b = raw.rawLine(line);
            return times.parse(
                    new String(b, 0, Math.min(HEAD, b.length), StandardCharsets.ISO_8859_1));
        }
        return times.parse(source.line(line));
    }
}
