package dev.logsentry.core.rules.automata;

import java.util.Arrays;

/** A state's members, flags and groups matched on entry, as a hash key. */
final class StateKey {
    private final int[] items;
    private final byte flags;
    private final int[] accepted;
    private final int hash;

    StateKey(int[] items, byte flags, int[] accepted) {
        this.items = items;
        this.flags = flags;
        this.accepted = accepted;
        this.hash = hash(items, flags, accepted);
    }

    /**
     * A well-mixed hash: members are small sorted integers, for which {@link
     * Arrays#hashCode(int[])} collides all the time ({x, y} and {x + 1, y - 31}), and a map of tens
     * of thousands of states then degrades into long bucket scans.
     */
    private static int hash(int[] items, byte flags, int[] accepted) {
        long h = 0x9E3779B97F4A7C15L * (flags + 1);
        for (int x : items) {
            h = (h + x) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (int x : accepted) {
            h = (h + x + 0x632BE59BD9B4E019L) * 0x94D049BB133111EBL;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey k
                && k.hash == hash
                && k.flags == flags
                && Arrays.equals(k.items, items)
                && Arrays.equals(k.accepted, accepted);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
