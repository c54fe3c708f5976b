package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Hands the dnscache lines of one input to the per-host {@link DnscacheService.Stream}s in log
 * order while several threads read parts of the input: part k's lines go straight to the stream
 * once parts 0 to k-1 are done, and are held until then. A part holds at most {@link #MAX_HELD}
 * lines; then it waits for its turn (the parts before it are already running, so this ends), which
 * bounds the memory whatever the log's size.
 */
final class DnscacheOrder {
    static final int MAX_HELD = 8192;

    /** Where the lines go, in log order. */
    interface Sink {
        void add(String host, String text, int source, long lineNo);
    }

    private final Sink sink;
    private final int maxHeld;
    private final int source;
    private final boolean[] finished;
    private final long[] lineCounts;
    private final List<List<Held>> held = new ArrayList<>();
    private int turn;
    private long base;
    private int mostHeld;

    private record Held(String host, String text, long lineNo) {}

    /**
     * @param sink where the lines go (the stream of their host key)
     * @param source the input's index in the summary's sources
     * @param parts how many parts the input is read in, in order
     */
    DnscacheOrder(Sink sink, int source, int parts) {
        this(sink, source, parts, MAX_HELD);
    }

    DnscacheOrder(Sink sink, int source, int parts, int maxHeld) {
        this.sink = sink;
        this.maxHeld = maxHeld;
        this.source = source;
        this.finished = new boolean[parts];
        this.lineCounts = new long[parts];
        for (int i = 0; i < parts; i++) {
            held.add(new ArrayList<>());
        }
    }

    /** A dnscache line of part {@code part}; {@code lineNo} counts from the part's first line. */
    synchronized void add(int part, String host, String text, long lineNo) {
        if (part == turn) {
            sink.add(host, text, source, base + lineNo);
            return;
        }
        List<Held> h = held.get(part);
        h.add(new Held(host, text, lineNo));
        mostHeld = Math.max(mostHeld, h.size());
        if (h.size() >= maxHeld) {
            while (turn < part) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
        }
    }

    /** The most lines one part held at once (for tests). */
    synchronized int mostHeld() {
        return mostHeld;
    }

    /** Part {@code part} is read: it had {@code lines} lines. */
    synchronized void finished(int part, long lines) {
        finished[part] = true;
        lineCounts[part] = lines;
        while (turn < finished.length) {
            List<Held> h = held.get(turn);
            for (Held x : h) {
                sink.add(x.host(), x.text(), source, base + x.lineNo());
            }
            h.clear();
            if (!finished[turn]) {
                break;
            }
            base += lineCounts[turn];
            turn++;
        }
        notifyAll();
    }
}
