package dev.logsentry.core.rules.automata;

import java.util.Arrays;

/**
 * One generation of the DFA cache, in a compact layout: each state is a short row in one pool of
 * ints, as wide as the number of byte classes that state tells apart (its own classes, usually 2 to
 * 6), not one entry per class of the whole NFA. A table of 75,000 states that way takes about 3 MB
 * instead of 40, fits in the processor's cache, and a bounded heap never has to flush it.
 *
 * <p>A state's row starts at its offset {@code p} in {@link #rows}: {@code rows[p - 1]} is the
 * state's number, {@code rows[p]} the offset of its byte map in {@link #maps} (256 bytes: byte to
 * the state's own class plus one), {@code rows[p + 1]} is always 0, and the entry for its class
 * {@code k} (1-based) is {@code rows[p + 1 + k]}. So a byte {@code b} leads from {@code p} to
 * {@code rows[p + 1 + maps[rows[p] + b]]}. An entry is 0 while not built, {@code q} for a target
 * state whose row is at {@code q}, {@code -q} when entering the target matches groups ({@link
 * #accepts}). The dead state's row is at {@link #DEAD} and leads back to itself; the start state's
 * is at {@link #START}.
 *
 * <p>Readers read tables without a lock, so every racy read has a safe answer: a value written once
 * goes from 0 to its final value, and a 0 read too early (a map offset, a map byte, an entry, a
 * state number) leads to the zero map, the always-zero slot or the unused state 0, which all send
 * the reader to the lock. Arrays never grow in place: a table that needs more room is copied into a
 * new one, the old one is no longer written, and rows of a table refer only to maps and states of
 * the same table.
 */
final class DfaTable {
    /** Row offset of the dead state (number 1). */
    static final int DEAD = 2;

    /** Row offset of the start state (number 2). */
    static final int START = 6;

    /** Map offset of the dead state's map (every byte to its class 1); offset 0 is all zeros. */
    static final int DEAD_MAP = 256;

    /** Bytes a state takes besides its members and groups, about (for budgets). */
    static final long STATE_BYTES = 96;

    final int generation;
    final int[] rows;
    final byte[] maps;

    /** Per state: the offset of its row. */
    final int[] rowOf;

    /** Per state: groups matched on entering it (empty if none); null while unknown. */
    final int[][] accepts;

    /** Per state: groups matching at the end of the line from it; null while unknown. */
    final int[][] atEnd;

    final int[][] members;
    final byte[] flags;

    /** Per map (offset / 256): how many classes it has. */
    final int[] mapClasses;

    // in use, written under the lock only
    int count;
    int used;
    int mapCount;

    /** An empty table with only the dead state. */
    DfaTable(int generation) {
        this.generation = generation;
        rows = new int[1024];
        maps = new byte[16 * 256];
        rowOf = new int[64];
        accepts = new int[64][];
        atEnd = new int[64][];
        members = new int[64][];
        flags = new byte[64];
        mapClasses = new int[16];
        Arrays.fill(maps, DEAD_MAP, DEAD_MAP + 256, (byte) 1);
        mapClasses[1] = 1;
        mapCount = 2;
        rows[DEAD - 1] = 1;
        rows[DEAD] = DEAD_MAP;
        rows[DEAD + 2] = DEAD;
        used = DEAD + 3;
        rowOf[1] = DEAD;
        count = 2;
    }

    /** A copy of {@code from} with room for at least the given numbers of ints, states, maps. */
    DfaTable(DfaTable from, int rowInts, int states, int mapsNeeded) {
        generation = from.generation;
        rows = Arrays.copyOf(from.rows, grow(from.rows.length, rowInts));
        int stateCap = grow(from.flags.length, states);
        rowOf = Arrays.copyOf(from.rowOf, stateCap);
        accepts = Arrays.copyOf(from.accepts, stateCap);
        atEnd = Arrays.copyOf(from.atEnd, stateCap);
        members = Arrays.copyOf(from.members, stateCap);
        flags = Arrays.copyOf(from.flags, stateCap);
        int mapCap = grow(from.mapClasses.length, mapsNeeded);
        maps = Arrays.copyOf(from.maps, mapCap * 256);
        mapClasses = Arrays.copyOf(from.mapClasses, mapCap);
        count = from.count;
        used = from.used;
        mapCount = from.mapCount;
    }

    private static int grow(int capacity, int needed) {
        int c = capacity;
        while (c < needed) {
            c *= 2;
        }
        return c;
    }

    /** Whether this table has room for {@code ints} more row ints, a state and a map. */
    boolean fits(int ints, boolean newMap) {
        return used + ints <= rows.length
                && count < flags.length
                && (!newMap || mapCount < mapClasses.length);
    }

    /** The state number of the row at {@code p}. */
    int stateAt(int p) {
        return rows[p - 1];
    }

    /** The class (1-based) byte {@code b} has in the map of the row at {@code p}. */
    int classOf(int p, int b) {
        return maps[rows[p] + b] & 0xff;
    }

    /** How many classes the row at {@code p} has. */
    int classCount(int p) {
        return mapClasses[rows[p] >>> 8];
    }

    /** Heap bytes of this table's arrays (for the cache's bound). */
    long arrayBytes() {
        return 4L * rows.length + maps.length + 4L * mapClasses.length + 29L * flags.length;
    }
}
