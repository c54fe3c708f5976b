package dev.logsentry.core.browse;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keyboard jumps: to the next or previous line with a verdict (next attack, next violation, next
 * anything reportable), in the whole source or among the rows of a view, and to the next or
 * previous quick-search match (F3, Shift+F3). Verdict jumps read only the compact verdict store and
 * skip whole chunks that hold none of the wanted verdicts, so they answer at once even across
 * millions of lines. Search reads lines and may take a while: run it off the UI thread.
 *
 * <p>All methods return -1 when there is no such line; they may be called from any thread.
 */
public final class Navigation {

    /** The verdicts a logcheck report shows: the default for "next event". */
    public static final Set<Verdict> REPORTABLE =
            Set.copyOf(EnumSet.of(Verdict.ATTACK, Verdict.VIOLATION, Verdict.UNUSUAL));

    private final ClassifiedSource classified;

    public Navigation(ClassifiedSource classified) {
        this.classified = classified;
    }

    /**
     * The first classified line after {@code fromLine} whose verdict is in {@code verdicts} (use -1
     * to search from the first line), or -1.
     */
    public long nextLine(long fromLine, Set<Verdict> verdicts) {
        int wanted = mask(verdicts);
        long end = classified.classifiedCount();
        VerdictStore store = classified.store();
        boolean attack = classified.attackSeen();
        long line = Math.max(0, fromLine + 1);
        while (line < end) {
            VerdictStore.Chunk chunk = store.chunk(line);
            long chunkEnd = Math.min(end, (line | (VerdictStore.CHUNK - 1)) + 1);
            if ((chunk.mask() & wanted) != 0) {
                for (; line < chunkEnd; line++) {
                    if ((wanted & (1 << chunk.verdict(offset(line), attack))) != 0) {
                        return line;
                    }
                }
            }
            line = chunkEnd;
        }
        return -1;
    }

    /**
     * The last classified line before {@code fromLine} whose verdict is in {@code verdicts} (use
     * {@code Long.MAX_VALUE} to search from the end), or -1.
     */
    public long previousLine(long fromLine, Set<Verdict> verdicts) {
        int wanted = mask(verdicts);
        VerdictStore store = classified.store();
        boolean attack = classified.attackSeen();
        long line = Math.min(fromLine, classified.classifiedCount()) - 1;
        while (line >= 0) {
            VerdictStore.Chunk chunk = store.chunk(line);
            long chunkStart = line & ~((long) VerdictStore.CHUNK - 1);
            if ((chunk.mask() & wanted) != 0) {
                for (; line >= chunkStart; line--) {
                    if ((wanted & (1 << chunk.verdict(offset(line), attack))) != 0) {
                        return line;
                    }
                }
            }
            line = chunkStart - 1;
        }
        return -1;
    }

    /**
     * The first row after {@code fromRow} of {@code rows} (a view of this source) whose line has a
     * verdict in {@code verdicts}, or -1. Rows not classified yet are not considered.
     */
    public long nextRow(Rows rows, long fromRow, Set<Verdict> verdicts) {
        if (rows instanceof FilteredView v && v.filter().isAll()) {
            return nextLine(fromRow, verdicts); // rows are lines
        }
        int wanted = mask(verdicts);
        long classifiedEnd = classified.classifiedCount();
        for (long row = Math.max(0, fromRow + 1), n = rows.size(); row < n; row++) {
            long line = rows.lineAt(row);
            if (line < classifiedEnd && (wanted & (1 << classified.verdictCode(line))) != 0) {
                return row;
            }
        }
        return -1;
    }

    /** The last row before {@code fromRow} whose line has a verdict in {@code verdicts}, or -1. */
    public long previousRow(Rows rows, long fromRow, Set<Verdict> verdicts) {
        if (rows instanceof FilteredView v && v.filter().isAll()) {
            return previousLine(fromRow, verdicts);
        }
        int wanted = mask(verdicts);
        long classifiedEnd = classified.classifiedCount();
        for (long row = Math.min(fromRow, rows.size()) - 1; row >= 0; row--) {
            long line = rows.lineAt(row);
            if (line < classifiedEnd && (wanted & (1 << classified.verdictCode(line))) != 0) {
                return row;
            }
        }
        return -1;
    }

    /**
     * The first row after {@code fromRow} whose line contains a match of {@code query} (F3), or -1
     * when there is none or {@code cancelled} turned true.
     *
     * @throws IOException when a line cannot be read
     */
    public long nextMatch(Rows rows, long fromRow, QuickText query, BooleanSupplier cancelled)
            throws IOException {
        for (long row = Math.max(0, fromRow + 1), n = rows.size(); row < n; row++) {
            if ((row & 1023) == 0 && cancelled.getAsBoolean()) {
                return -1;
            }
            if (matches(rows.lineAt(row), query)) {
                return row;
            }
        }
        return -1;
    }

    /** The last row before {@code fromRow} whose line matches {@code query} (Shift+F3), or -1. */
    public long previousMatch(Rows rows, long fromRow, QuickText query, BooleanSupplier cancelled)
            throws IOException {
        for (long row = Math.min(fromRow, rows.size()) - 1; row >= 0; row--) {
            if ((row & 1023) == 0 && cancelled.getAsBoolean()) {
                return -1;
            }
            if (matches(rows.lineAt(row), query)) {
                return row;
            }
        }
        return -1;
    }

    private boolean matches(long line, QuickText query) throws IOException {
        if (query.isEmpty()) {
            return false; // an empty search finds nothing rather than every line
        }
        LineSource source = classified.source();
        if (source instanceof RawLineSource raw) {
            byte[] bytes = raw.rawLine(line);
            return query.matches(bytes, 0, bytes.length);
        }
        return query.matches(source.line(line));
    }

    private static int offset(long line) {
        return (int) (line & (VerdictStore.CHUNK - 1));
    }

    private static int mask(Set<Verdict> verdicts) {
        int m = 0;
        for (Verdict v : verdicts) {
            m |= 1 << v.ordinal();
        }
        return m;
    }
}
