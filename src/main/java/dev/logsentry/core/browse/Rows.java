package dev.logsentry.core.browse;

import java.util.Arrays;

/**
 * An ordered list of line indices of one source: what a table shows (a {@link FilteredView}) or
 * what the user selected. Row {@code i} shows line {@link #lineAt}{@code (i)}.
 */
public interface Rows {

    /** Rows available now (may grow while a view is extended; never shrinks). */
    long size();

    /** The line index shown in {@code row}. */
    long lineAt(long row);

    /** A fixed list of lines, e.g. a table selection; kept in the given order. */
    static Rows of(long... lines) {
        long[] copy = Arrays.copyOf(lines, lines.length);
        return new Rows() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public long lineAt(long row) {
                return copy[Math.toIntExact(row)];
            }
        };
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive). */
    static Rows range(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
        return new Rows() {
            @Override
            public long size() {
                return to - from;
            }

            @Override
            public long lineAt(long row) {
                if (row < 0 || row >= to - from) {
                    throw new IndexOutOfBoundsException("row " + row + " of " + (to - from));
                }
                return from + row;
            }
        };
    }
}
