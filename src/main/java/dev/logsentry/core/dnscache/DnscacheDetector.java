package dev.logsentry.core.dnscache;

import java.util.List;

/**
 * Recognises a dnscache log from its first lines, so that the workbench can open the DNS
 * perspective by itself: most non-empty lines must parse as dnscache entries, and at least one must
 * be a type only dnscache writes ({@code query}, {@code tx}, {@code sent}, {@code cached}, {@code
 * rr}, {@code stats}).
 */
public final class DnscacheDetector {
    private DnscacheDetector() {}

    /** True when at least 80 % of the non-empty lines are dnscache entries (and there is one). */
    public static boolean looksLikeDnscache(List<String> firstLines) {
        DnscacheParser parser = new DnscacheParser("detector");
        int lines = 0;
        int entries = 0;
        boolean distinctive = false;
        long n = 0;
        for (String line : firstLines) {
            n++;
            if (line == null || line.isBlank()) {
                continue;
            }
            lines++;
            DnscacheEntry e = parser.parse(line, n);
            if (e instanceof DnscacheEntry.Unparsed) {
                continue;
            }
            entries++;
            distinctive |= !(e instanceof DnscacheEntry.Starting);
        }
        return distinctive && entries * 5 >= lines * 4;
    }
}
