package dev.logsentry.core.browse;

import java.util.HashMap;
import java.util.Map;

/**
 * Line counts per verdict at a fine time resolution, coarsened when there are too many bins: the
 * first pass of a {@link TimeHistogram}, before the span (and so the bar width) is known. Each bin
 * also keeps the first line (in file order) that falls in it, for click-to-jump.
 */
final class FineBins {

    /** Resolutions in seconds; each divides the next, so bins can always be merged. */
    private static final long[] LADDER = {1, 10, 60, 600, 3600, 86_400, 864_000, 8_640_000};

    private static final int MAX_BINS = 40_000;

    /** Slots of a bin: counts per verdict code (0..4), then the first line. */
    static final int FIRST_LINE = VerdictStore.NONE + 1;

    private int level;
    private Map<Long, long[]> bins = new HashMap<>();
    long untimed;

    long resolution() {
        return LADDER[level];
    }

    Map<Long, long[]> bins() {
        return bins;
    }

    void add(long epochSecond, int verdictCode, long line) {
        long key = Math.floorDiv(epochSecond, LADDER[level]);
        long[] bin = bins.get(key);
        if (bin == null) {
            if (bins.size() >= MAX_BINS && level < LADDER.length - 1) {
                coarsen(level + 1);
                add(epochSecond, verdictCode, line);
                return;
            }
            bin = new long[FIRST_LINE + 1];
            bin[FIRST_LINE] = line;
            bins.put(key, bin);
        }
        bin[verdictCode]++;
        if (line < bin[FIRST_LINE]) {
            bin[FIRST_LINE] = line;
        }
    }

    /** Adds {@code other}'s counts into this. */
    void merge(FineBins other) {
        if (other.level > level) {
            coarsen(other.level);
        } else if (other.level < level) {
            other.coarsen(level);
        }
        for (Map.Entry<Long, long[]> e : other.bins.entrySet()) {
            long[] mine = bins.get(e.getKey());
            if (mine == null) {
                bins.put(e.getKey(), e.getValue().clone());
                continue;
            }
            add(mine, e.getValue());
        }
        untimed += other.untimed;
        while (bins.size() > MAX_BINS && level < LADDER.length - 1) {
            coarsen(level + 1);
        }
    }

    private void coarsen(int newLevel) {
        long factor = LADDER[newLevel] / LADDER[level];
        Map<Long, long[]> coarse = new HashMap<>();
        for (Map.Entry<Long, long[]> e : bins.entrySet()) {
            long key = Math.floorDiv(e.getKey(), factor);
            long[] bin = coarse.get(key);
            if (bin == null) {
                coarse.put(key, e.getValue());
            } else {
                add(bin, e.getValue());
            }
        }
        bins = coarse;
        level = newLevel;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < FIRST_LINE; i++) {
            into[i] += from[i];
        }
        into[FIRST_LINE] = Math.min(into[FIRST_LINE], from[FIRST_LINE]);
    }
}
