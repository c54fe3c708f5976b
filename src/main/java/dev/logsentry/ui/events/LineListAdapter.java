package dev.logsentry.ui.events;

import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.SyslogLine;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * Presents a {@link LineSource} (all lines or a {@link RowIndex} subset) to a virtualized table as
 * a list without holding its lines: the table asks only for the rows it shows, and those are
 * decoded and parsed on demand and kept in a small cache. {@link #refresh()} announces rows the
 * index has gained since (indexing, follow mode, a filter still running).
 */
public final class LineListAdapter extends ObservableListBase<LogRow> {
    private static final int CACHE_ROWS = 4096;

    private final LineSource source;
    private final RowIndex rows;
    private final SyslogLine.Parser parser;
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
