package dev.logsentry.core.rules.automata;

import java.util.Arrays;

/**
 * Finds a DFA state by its members, flags and groups matched on entry: an open-addressing table of
 * state numbers over the arrays of a {@link DfaTable}, without an object per state (a map of keys
 * cost about 100 bytes a state, more than the state's own row). Used under the DFA's lock only.
 */
final class StateIndex {
    private int[] slots;
    private int[] hashes;
    private int size;
    private boolean complete;

    StateIndex() {
        clear();
    }

    /** Empties the index; it is complete again (holds every state added from now on). */
    void clear() {
        slots = new int[1024];
        hashes = new int[64];
        size = 0;
        complete = true;
    }

    /** Marks the index as missing states (a table read back is indexed on first need). */
    void incomplete() {
        complete = false;
    }

    boolean complete() {
        return complete;
    }

    /**
     * A well-mixed hash: members are small sorted integers, for which {@link
     * Arrays#hashCode(int[])} collides all the time ({x, y} and {x + 1, y - 31}).
     */
    static int hash(int[] members, byte flags, int[] accepted) {
        long h = 0x9E3779B97F4A7C15L * (flags + 1);
        for (int x : members) {
            h = (h + x) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (int x : accepted) {
            h = (h + x + 0x632BE59BD9B4E019L) * 0x94D049BB133111EBL;
            h ^= h >>> 29;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** The state of {@code t} with these members, flags and groups, or 0. */
    int find(DfaTable t, int[] members, byte flags, int[] accepted, int hash) {
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return 0;
            }
            if (hashes[s] == hash
                    && t.flags[s] == flags
                    && Arrays.equals(t.members[s], members)
                    && Arrays.equals(t.accepts[s], accepted)) {
                return s;
            }
        }
    }

    /** Adds state {@code s} of {@code t}, hashing it. */
    void put(DfaTable t, int s) {
        add(s, hash(t.members[s], t.flags[s], t.accepts[s]));
    }

    /** Adds state {@code s} whose hash is {@code hash}. */
    void add(int s, int hash) {
        if (s >= hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.max(s + 1, hashes.length * 2));
        }
        hashes[s] = hash;
        if (2 * (size + 1) > slots.length) {
            int[] old = slots;
            slots = new int[old.length * 2];
            for (int v : old) {
                if (v != 0) {
                    insert(v, hashes[v]);
                }
            }
        }
        insert(s, hash);
        size++;
    }

    private void insert(int s, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = s;
    }
}
