package dev.logsentry.core.summary;

import dev.logsentry.core.index.GzipFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The plain files of one summary read in parts by one pool of threads, every file's parts queued at
 * the start and interleaved (part 0 of each file, then part 1 of each ...), so that both cores stay
 * busy from the first line to the last (no core waits for the last part of one file before the next
 * file starts) and every service's code is reached, and compiled, early. Each file's parts are
 * merged in order as they finish ({@link Plan}), the files in input order by the caller, so the
 * counts are those of reading one file after the other. Used only when nothing depends on reading
 * the inputs one after the other: no dnscache stream (its lines must reach the per-host streams in
 * log order across files) and no line references.
 */
final class FileParts implements AutoCloseable {
    /** About this many bytes per part: small enough for the last parts to end together. */
    static final long PART = 16L << 20;

    /** Reads one part; {@code count} of the returned reader is the part's number of lines. */
    interface PartReader {
        LineReader read(int source, Path file, Instant reference, String fixed, Plan plan, int part)
                throws IOException;
    }

    /** Merges a reader's counts into a file's, its unmatched line numbers moved by a shift. */
    interface Merger {
        void merge(Map<String, HostCounts> into, Map<String, HostCounts> from, long shift);
    }

    /**
     * One file's parts: their byte ranges, and their counts merged in order as they finish (a part
     * that finishes early waits for the ones before it), so that no more than a few parts' counts
     * are held apart however many parts are queued: a log with many distinct items (an attack from
     * many addresses) would otherwise keep a copy of them per part.
     */
    static final class Plan {
        final List<long[]> ranges;
        final DnscacheOrder order;
        private final List<Future<?>> parts = new ArrayList<>();
        private final Merger merger;
        private final LineReader[] done;
        private final Map<String, HostCounts> merged = new HashMap<>();
        private int next; // the first part not merged yet
        private long lines; // the lines of the parts merged

        Plan(List<long[]> ranges, DnscacheOrder order, Merger merger) {
            this.ranges = ranges;
            this.order = order;
            this.merger = merger;
            this.done = new LineReader[ranges.size()];
        }

        /** Part {@code k} is read: merges it and the finished parts after it, in order. */
        synchronized void finished(int k, LineReader r) {
            done[k] = r;
            while (next < done.length && done[next] != null) {
                LineReader p = done[next];
                done[next] = null;
                merger.merge(merged, p.hosts, lines);
                lines += p.count;
                next++;
            }
        }

        /**
         * Waits for the parts in order; the counts of those before the first that failed stay
         * merged, and that failure is thrown, as when the file is read in one piece.
         *
         * @throws IOException what the part threw, or when interrupted
         */
        void await() throws IOException {
            for (Future<?> f : parts) {
                result(f);
            }
        }

        /** The counts of the parts merged so far (all of them after {@link #await}). */
        synchronized Map<String, HostCounts> merged() {
            return merged;
        }

        /** The lines of the parts merged so far. */
        synchronized long lines() {
            return lines;
        }
    }

    private final ExecutorService pool;
    private final Map<Integer, Plan> plans = new HashMap<>();

    private FileParts(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Queues every part of every plain (not gzip) file among {@code inputs}.
     *
     * @param orders the dnscache order of input {@code i} read in {@code n} parts
     */
    static FileParts start(
            List<SummaryInput> inputs,
            int threads,
            PartReader reader,
            java.util.function.BiFunction<Integer, Integer, DnscacheOrder> orders,
            Merger merger) {
        FileParts fp = new FileParts(Executors.newFixedThreadPool(threads));
        List<Integer> planned = new ArrayList<>();
        Map<Integer, Object[]> fileOf = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!(inputs.get(i) instanceof SummaryInput.LogFile f) || GzipFile.isGzip(f.path())) {
                continue;
            }
            try {
                long size = Files.size(f.path());
                String fixed = Summarizer.dnscacheLines(List.of(f.path())) ? "dnscache" : null;
                int n = (int) Math.max(threads * 4L, (size + PART - 1) / PART);
                List<long[]> ranges = LineChunks.ranges(size, n);
                fp.plans.put(i, new Plan(ranges, orders.apply(i, ranges.size()), merger));
                fileOf.put(i, new Object[] {f.path(), LogSet.modified(f.path()), fixed});
                planned.add(i);
            } catch (IOException e) {
                // read on its own later, where the error becomes the input's warning
            }
        }
        for (int k = 0; ; k++) {
            boolean any = false;
            for (int i : planned) {
                Plan p = fp.plans.get(i);
                if (k >= p.ranges.size()) {
                    continue;
                }
                any = true;
                Object[] f = fileOf.get(i);
                int part = k;
                p.parts.add(
                        fp.pool.submit(
                                () -> {
                                    p.finished(
                                            part,
                                            reader.read(
                                                    i,
                                                    (Path) f[0],
                                                    (Instant) f[1],
                                                    (String) f[2],
                                                    p,
                                                    part));
                                    return null;
                                }));
            }
            if (!any) {
                break;
            }
        }
        return fp;
    }

    /** The plan of input {@code i}, or null when it was not queued. */
    Plan plan(int i) {
        return plans.get(i);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * What a part's task returned; its failure as thrown by the part (an I/O or runtime error), an
     * interruption as an {@link IOException}.
     */
    static <T> T result(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(String.valueOf(c), c);
        }
    }
}
