package dev.logsentry.core.workspace;

import dev.logsentry.core.dnscache.DnscacheDetector;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.MergedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells what an opened source holds from its type and its first lines. Lines are read raw where the
 * source can (a multilog directory shows its TAI64N labels as local time, but dnscache's parser
 * reads the labels), so a dnscache multilog directory is recognised as {@code logsentry dnscache}
 * recognises it. Reads the source: never on a UI thread.
 */
public final class KindDetector {
    /** How many lines are looked at. */
    static final int SAMPLE = 40;

    private KindDetector() {}

    public static ContentKind detect(LineSource lines) {
        if (lines instanceof JournalSource) {
            return ContentKind.JOURNAL;
        }
        if (lines instanceof MergedSource) {
            return ContentKind.MERGED;
        }
        List<String> first = new ArrayList<>();
        try {
            for (long i = 0; i < Math.min(SAMPLE, lines.lineCount()); i++) {
                first.add(
                        lines instanceof RawLineSource raw
                                ? new String(raw.rawLine(i), StandardCharsets.UTF_8)
                                : lines.line(i));
            }
        } catch (IOException e) {
            return ContentKind.SYSLOG; // unreadable lines: the viewer reports them where shown
        }
        return DnscacheDetector.looksLikeDnscache(first)
                ? ContentKind.DNSCACHE
                : ContentKind.SYSLOG;
    }
}
