package dev.logsentry.core.check.preview;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which loaded lines contain a literal, remembered for the literals of the last few previews of one
 * set of lines (an {@link EditPreview}). Typing a rule mostly leaves its longest literal as it was
 * or makes it longer, and every line that contains the longer literal contains the shorter one: so
 * the lines found for a literal earlier bound the search for any literal that contains it, and a
 * keystroke searches a few hundred candidate lines instead of all of them.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} literals, each kept only while it occurs in at most a
 * quarter of the lines. Thread-safe.
 */
public final class LiteralHits {
    static final int MAX_ENTRIES = 16;

    private final int lines;
    private final Map<String, int[]> hits =
            new LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    /** For a set of {@code lines} lines. */
    public LiteralHits(int lines) {
        this.lines = lines;
    }

    /** The lines containing {@code literal} (ascending), if remembered; else null. */
    synchronized int[] exact(String literal) {
        return hits.get(literal);
    }

    /**
     * The smallest remembered set of lines that contains every line with {@code literal}: the lines
     * of a remembered literal that {@code literal} contains; null when there is none.
     */
    synchronized int[] narrowest(String literal) {
        int[] best = null;
        for (Map.Entry<String, int[]> e : hits.entrySet()) {
            if ((best == null || e.getValue().length < best.length)
                    && literal.contains(e.getKey())) {
                best = e.getValue();
            }
        }
        return best;
    }

    /** Remembers the lines containing {@code literal} (ascending) when they are few enough. */
    synchronized void put(String literal, int[] lineIndexes) {
        if (lineIndexes.length <= Math.max(1024, lines / 4)) {
            hits.put(literal, lineIndexes);
        }
    }

    /** How many literals are remembered (for tests). */
    synchronized int size() {
        return hits.size();
    }
}
