package dev.logsentry.ui.events;

import dev.logsentry.core.index.LineSource;

/**
 * Which lines of a source the table shows, in order: all of them, or a filtered subset. Sizes and
 * positions are read on the FX thread; implementations may grow in the background.
 */
public interface RowIndex {
    /** Number of rows available now. */
    long size();

    /** The source line shown at {@code row}. */
    long lineAt(long row);

    /** The row showing {@code line}, or -1 when the line is not shown. */
    long rowOf(long line);

    /** Every line of a source, in order. */
    static RowIndex all(LineSource source) {
        return new AllRows(source);
    }

    /** Every line of {@code source}: row i is line i. */
    record AllRows(LineSource source) implements RowIndex {
        @Override
        public long size() {
            return source.lineCount();
        }

        @Override
        public long lineAt(long row) {
            return row;
        }

        @Override
        public long rowOf(long line) {
            return line < source.lineCount() ? line : -1;
        }
    }
}
