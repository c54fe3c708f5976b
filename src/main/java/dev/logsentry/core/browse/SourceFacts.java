package dev.logsentry.core.browse;

import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.source.SyslogLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the Properties of a source say about its lines: how many, the bytes, the first and last time
 * stamp, and how many lines are not valid UTF-8 (shown with U+FFFD). Reads at most {@code sample}
 * lines for the encoding count and {@code sample} lines from each end for the times, so it stays
 * quick on a log of gigabytes; {@link #encodingChecked} says how many lines were checked.
 *
 * @param lines lines of the source now
 * @param bytes its size in bytes
 * @param first the first time stamp, or null when none was found near the start
 * @param last the last time stamp, or null when none was found near the end
 * @param badEncoding lines among the checked ones that are not valid UTF-8
 * @param encodingChecked lines checked for encoding (all of them when equal to {@code lines})
 */
public record SourceFacts(
        long lines,
        long bytes,
        Instant first,
        Instant last,
        long badEncoding,
        long encodingChecked) {

    /** Lines read for each question by default. */
    public static final int SAMPLE = 100_000;

    /** Reads the facts of {@code source} (on a background thread: it reads lines). */
    public static SourceFacts of(LineSource source, SourceClock clock, int sample)
            throws IOException {
        long n = source.lineCount();
        SyslogLine.Parser parser = clock.parser();
        Instant first = null;
        for (long i = 0; i < Math.min(n, sample) && first == null; i++) {
            first = parser.parse(source.line(i)).time();
        }
        Instant last = null;
        for (long i = n - 1; i >= Math.max(0, n - sample) && last == null; i--) {
            last = parser.parse(source.line(i)).time();
        }
        long checked = Math.min(n, sample);
        long bad = 0;
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (long i = 0; i < checked; i++) {
            if (!valid(source, i, utf8)) {
                bad++;
            }
        }
        return new SourceFacts(n, source.size(), first, last, bad, checked);
    }

    private static boolean valid(LineSource source, long line, CharsetDecoder utf8)
            throws IOException {
        if (source instanceof RawLineSource raw) {
            try {
                utf8.reset().decode(ByteBuffer.wrap(raw.rawLine(line)));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        return source.line(line).indexOf('\ufffd') < 0;
    }
}
