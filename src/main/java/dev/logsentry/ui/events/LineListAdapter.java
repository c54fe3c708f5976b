package dev.logsentry.ui.events;

import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.SyslogLine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * Presents a {@link LineSource} (all lines or a {@link RowIndex} subset) to a virtualized table as
 * a list without holding its lines: the table asks only for the rows it shows, and those are
 * decoded and parsed on demand and kept in a small cache. {@link #refresh()} announces rows the
 * index has gained since (indexing, follow mode, a filter still running). {@link #show} swaps the
 * source or row index in place, so the table keeps its cells when a filter changes: a new list
 * would make the table recreate every visible cell and its CSS (0.3-0.5 s with software rendering).
 */
public final class LineListAdapter extends ObservableListBase<LogRow> {
    private static final int CACHE_ROWS = 4096;

    private LineSource source;
    private RowIndex rows;
    private SyslogLine.Parser parser;
    private final Map<Integer, LogRow> cache =
            new LinkedHashMap<>(CACHE_ROWS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, LogRow> eldest) {
                    return size() > CACHE_ROWS;
                }
            };
    private int size;

    public LineListAdapter(LineSource source, RowIndex rows) {
        this.source = source;
        this.rows = rows;
        this.parser = SourceClock.of(source).parser(); // the timeline's year, too
        this.size = clamp(rows.size());
    }

    public LineSource source() {
        return source;
    }

    public RowIndex rows() {
        return rows;
    }

    /**
     * Shows {@code rows} of {@code source} instead, announced as one replacement of every row (the
     * removed rows are not read back); call on the FX thread.
     */
    public void show(LineSource source, RowIndex rows) {
        int before = size;
        if (source != this.source) {
            this.parser = SourceClock.of(source).parser();
        }
        this.source = source;
        this.rows = rows;
        cache.clear();
        size = clamp(rows.size());
        if (before == 0 && size == 0) {
            return;
        }
        int now = size;
        fireChange(
                new ListChangeListener.Change<LogRow>(this) {
                    private boolean next;

                    @Override
                    public boolean next() {
                        if (next) {
                            return false;
                        }
                        next = true;
                        return true;
                    }

                    @Override
                    public void reset() {
                        next = false;
                    }

                    @Override
                    public int getFrom() {
                        return 0;
                    }

                    @Override
                    public int getTo() {
                        return now;
                    }

                    @Override
                    public List<LogRow> getRemoved() {
                        return Collections.nCopies(before, null);
                    }

                    @Override
                    protected int[] getPermutation() {
                        return new int[0];
                    }
                });
    }

    /** Publishes the rows added since the last call; call on the FX thread. */
    public void refresh() {
        int now = clamp(rows.size());
        if (now > size) {
            int from = size;
            size = now;
            beginChange();
            nextAdd(from, now);
            endChange();
        }
    }

    @Override
    public LogRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return cache.computeIfAbsent(index, this::load);
    }

    private LogRow load(int row) {
        long line = rows.lineAt(row);
        String text;
        try {
            text = source.line(line);
        } catch (java.io.IOException | RuntimeException e) {
            text =
                    "\u26a0 cannot read line "
                            + (line + 1)
                            + " of "
                            + source.name()
                            + ": "
                            + e.getMessage();
        }
        return new LogRow(line, text, parser.parse(text), source.name());
    }

    @Override
    public int size() {
        return size;
    }

    private static int clamp(long count) {
        // A TableView addresses rows by int; beyond that the view shows the first 2^31-1 rows.
        return (int) Math.min(Integer.MAX_VALUE - 1L, count);
    }
}
