package dev.logsentry.ui.events;

import dev.logsentry.core.index.LineSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * Presents a {@link LineSource} to a virtualized table as a list without holding its lines: the
 * table asks only for the rows it shows, and those are decoded on demand and kept in a small cache.
 * {@link #refresh()} announces lines the source has gained since (indexing, follow mode).
 */
public final class LineListAdapter extends ObservableListBase<LogRow> {
    private static final int CACHE_ROWS = 2048;

    private final LineSource source;
    private final Map<Integer, LogRow> cache =
            new LinkedHashMap<>(CACHE_ROWS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, LogRow> eldest) {
                    return size() > CACHE_ROWS;
                }
            };
    private int size;

    public LineListAdapter(LineSource source) {
        this.source = source;
        this.size = clamp(source.lineCount());
    }

    public LineSource source() {
        return source;
    }

    /** Publishes the lines added to the source since the last call; call on the FX thread. */
    public void refresh() {
        int now = clamp(source.lineCount());
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

    private LogRow load(int index) {
        try {
            return new LogRow(index + 1L, source.line(index));
        } catch (IOException e) {
            return new LogRow(index + 1L, "\u26a0 cannot read this line: " + e.getMessage());
        }
    }

    @Override
    public int size() {
        return size;
    }

    private static int clamp(long count) {
        // A TableView addresses rows by int; beyond that the view shows the first 2^31-1 lines.
        return (int) Math.min(Integer.MAX_VALUE - 1L, count);
    }
}
