package dev.logsentry.core.source;

import dev.logsentry.core.index.IndexJob;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexResult;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.time.LineTimes;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Several sources merged into one chronological view. The merge job first finishes indexing each
 * source, then merges by the timestamp at the start of each line (TAI64N, RFC 3339 or RFC 3164, see
 * {@link LineTimes}); a line without a timestamp stays right after the line before it in its own
 * source, and equal times keep the sources' order. The merged order costs one byte per line (which
 * source) plus, every 1,024 lines, where each source stood: at most 255 sources.
 */
public final class MergedSource implements RawLineSource {
    private static final int BLOCK = 1024;
    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK = 1 << CHUNK_SHIFT;

    private final List<RawLineSource> sources;
    private final List<IndexJob> jobs;
    private final List<LineTimes> times;
    private final String name;
    private volatile byte[][] order = new byte[4][];
    private volatile long[][] blockStarts = new long[64][];
    private volatile long count;
    private boolean merged;

    private MergedSource(List<RawLineSource> sources, List<IndexJob> jobs, List<LineTimes> times) {
        this.sources = List.copyOf(sources);
        this.jobs = List.copyOf(jobs);
        this.times = List.copyOf(times);
        List<String> names = new ArrayList<>();
        for (LineSource s : sources) {
            names.add(s.name());
        }
        this.name = "merged: " + String.join(" + ", names);
    }

    /**
     * Merges opened logs; nothing is merged until the job runs. RFC 3164 years are inferred from
     * each file's modification time (now for other sources).
     */
    public static MergedSource of(List<OpenedLog> logs, ZoneId zone) {
        if (logs.isEmpty() || logs.size() > 255) {
            throw new IllegalArgumentException("merge 1 to 255 sources, not " + logs.size());
        }
        List<RawLineSource> sources = new ArrayList<>();
        List<IndexJob> jobs = new ArrayList<>();
        List<LineTimes> times = new ArrayList<>();
        for (OpenedLog l : logs) {
            if (!(l.source() instanceof RawLineSource raw)) {
                throw new IllegalArgumentException(l.source().name() + " cannot be merged");
            }
            sources.add(raw);
            jobs.add(l.job());
            times.add(new LineTimes(YearReference.of(raw, java.time.Clock.systemUTC()), zone));
        }
        return new MergedSource(sources, jobs, times);
    }

    /** Indexes every source, then merges; the IndexJob of this source. Runs once. */
    public synchronized IndexResult index(IndexProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        if (merged) {
            return new IndexResult(count, size(), false);
        }
        for (IndexJob job : jobs) {
            if (job.run(IndexProgress.NONE, cancelled).cancelled()) {
                return new IndexResult(count, size(), true);
            }
        }
        long total = 0;
        for (LineSource s : sources) {
            total += s.lineCount();
        }
        int k = sources.size();
        long[] next = new long[k];
        Instant[] last = new Instant[k];
        Arrays.fill(last, Instant.MIN);
        record Head(Instant time, int source) {}
        PriorityQueue<Head> queue =
                new PriorityQueue<>(
                        (a, b) -> {
                            int c = a.time().compareTo(b.time());
                            return c != 0 ? c : Integer.compare(a.source(), b.source());
                        });
        try {
            for (int s = 0; s < k; s++) {
                if (sources.get(s).lineCount() > 0) {
                    queue.add(new Head(timeOf(s, 0, last), s));
                }
            }
            long n = 0;
            while (!queue.isEmpty()) {
                if ((n & 4095) == 0) {
                    count = n;
                    progress.update(n, total, n);
                    if (cancelled.getAsBoolean()) {
                        return new IndexResult(n, size(), true);
                    }
                }
                int s = queue.poll().source();
                if ((n & (BLOCK - 1)) == 0) {
                    setBlockStart(n / BLOCK, next.clone());
                }
                setOrder(n, s);
                n++;
                long i = ++next[s];
                if (i < sources.get(s).lineCount()) {
                    queue.add(new Head(timeOf(s, i, last), s));
                }
            }
            count = n;
            merged = true;
            progress.update(n, total, n);
            return new IndexResult(n, size(), false);
        } catch (IOException e) {
            throw new SourceException(
                    null,
                    SourceException.Reason.UNREADABLE,
                    "Cannot merge " + name + ": " + e.getMessage(),
                    e);
        }
    }

    /** The time of a line, or the time of the line before it in the same source. */
    private Instant timeOf(int s, long i, Instant[] last) throws IOException {
        Instant t = times.get(s).parse(sources.get(s).line(i));
        if (t != null) {
            last[s] = t;
        }
        return last[s];
    }

    private void setOrder(long n, int s) {
        int c = (int) (n >>> CHUNK_SHIFT);
        byte[][] o = order;
        if (c >= o.length) {
            o = Arrays.copyOf(o, o.length * 2);
            order = o;
        }
        if (o[c] == null) {
            o[c] = new byte[CHUNK];
        }
        o[c][(int) (n & (CHUNK - 1))] = (byte) s;
    }

    private void setBlockStart(long b, long[] starts) {
        long[][] bs = blockStarts;
        if (b >= bs.length) {
            bs = Arrays.copyOf(bs, bs.length * 2);
            blockStarts = bs;
        }
        bs[(int) b] = starts;
    }

    private int orderAt(long n) {
        return order[(int) (n >>> CHUNK_SHIFT)][(int) (n & (CHUNK - 1))] & 0xFF;
    }

    /** Which source (index into {@link #sources}) line {@code index} comes from. */
    public int sourceOf(long index) {
        check(index);
        return orderAt(index);
    }

    /** The line number of {@code index} in its own source. */
    public long lineInSource(long index) {
        int s = sourceOf(index);
        long b = index / BLOCK;
        long line = blockStarts[(int) b][s];
        for (long j = b * BLOCK; j < index; j++) {
            if (orderAt(j) == s) {
                line++;
            }
        }
        return line;
    }

    /** The merged sources, in the order given. */
    public List<RawLineSource> sources() {
        return sources;
    }

    private void check(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("line " + index + " of " + count);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long lineCount() {
        return count;
    }

    @Override
    public String line(long index) throws IOException {
        return sources.get(sourceOf(index)).line(lineInSource(index));
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        return sources.get(sourceOf(index)).rawLine(lineInSource(index));
    }

    @Override
    public long lineLength(long index) {
        return sources.get(sourceOf(index)).lineLength(lineInSource(index));
    }

    /** The offset of the line in its own source (see {@link #sourceOf}). */
    @Override
    public long offset(long index) {
        return sources.get(sourceOf(index)).offset(lineInSource(index));
    }

    @Override
    public long size() {
        long s = 0;
        for (LineSource src : sources) {
            s += src.size();
        }
        return s;
    }

    /** Closes every merged source. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (LineSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
