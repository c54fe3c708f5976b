package dev.logsentry.core.rules.automata;

import java.util.Arrays;

/**
 * One generation of the DFA cache. State {@code k} has row {@code k << shift} in {@link #trans}
 * (rows are a power of two wide, at least the number of byte classes, so that a row index turns
 * back into a state with a shift); an entry is 0 while not built, {@code p} for a target state
 * whose row is {@code p}, {@code -p} when entering the target state matches groups ({@link
 * #accepts}). State 0 is unused (so 0 can mean "not built"), state 1 is dead (no threads left), the
 * start state is 2. Arrays only ever grow into a new table; a table never changes but for entries
 * going from 0 or null to their final value.
 */
final class DfaTable {
    final int shift;
    final int dead;
    final int start;
    final int generation;
    final int[] trans;

    /** Per state: groups matched on entering it (empty if none); null while unknown. */
    final int[][] accepts;

    /** Per state: groups matching at the end of the line from it; null while unknown. */
    final int[][] atEnd;

    final int[][] members;
    final byte[] flags;

    /** States in use (written under the lock only). */
    int count;

    /** Rows are a power of two wide, at least {@code classes}: the shift of that width. */
    static int shiftFor(int classes) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, classes - 1));
    }

    DfaTable(int classes, int capacity, int generation) {
        this.shift = shiftFor(classes);
        int nc = 1 << shift;
        this.dead = nc;
        this.start = 2 * nc;
        this.generation = generation;
        trans = new int[capacity << shift];
        accepts = new int[capacity][];
        atEnd = new int[capacity][];
        members = new int[capacity][];
        flags = new byte[capacity];
        // the dead state's row leads back to it
        Arrays.fill(trans, nc, 2 * nc, nc);
    }

    DfaTable(DfaTable from, int capacity) {
        this.shift = from.shift;
        this.dead = from.dead;
        this.start = from.start;
        this.generation = from.generation;
        trans = Arrays.copyOf(from.trans, capacity << shift);
        accepts = Arrays.copyOf(from.accepts, capacity);
        atEnd = Arrays.copyOf(from.atEnd, capacity);
        members = Arrays.copyOf(from.members, capacity);
        flags = Arrays.copyOf(from.flags, capacity);
        count = from.count;
    }

    int capacity() {
        return flags.length;
    }
}
