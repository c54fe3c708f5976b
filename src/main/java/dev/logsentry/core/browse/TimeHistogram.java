package dev.logsentry.core.browse;

import dev.logsentry.core.check.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * The timeline above the events table: classified lines per time bucket, stacked by verdict. The
 * bucket width is chosen from round values (1 s, 2 s, 5 s, ... 1 h, ... 1 day, then days) so that
 * the source's time span gives at most {@value #MAX_BARS} bars (and usually more than 100). A line
 * without a timestamp counts at the time of the line before it; lines before the first timestamp
 * are counted apart ({@link #untimedLines()}). Immutable once computed; any thread may read it.
 */
public final class TimeHistogram {

    /** At most this many bars. */
    public static final int MAX_BARS = 300;

    private static final long[] WIDTHS = {
        1,
        2,
        5,
        10,
        15,
        30,
        60,
        120,
        300,
        600,
        900,
        1800,
        3600,
        7200,
        10_800,
        21_600,
        43_200,
        86_400,
        2 * 86_400,
        7 * 86_400,
        14 * 86_400,
        30 * 86_400,
        91 * 86_400,
        365 * 86_400
    };

    private static final int UNIT = 1 << 15;

    private final long startSecond;
    private final long width;
    private final long[][] counts; // [verdict code][bucket]
    private final long[] firstLines;
    private final long untimed;
    private final long lines;

    private TimeHistogram(
            long startSecond,
            long width,
            long[][] counts,
            long[] firstLines,
            long untimed,
            long lines) {
        this.startSecond = startSecond;
        this.width = width;
        this.counts = counts;
        this.firstLines = firstLines;
        this.untimed = untimed;
        this.lines = lines;
    }

    /**
     * Counts the classified lines of {@code classified} (a background job: reads every line's
     * timestamp, in parallel).
     *
     * @return the histogram, or null when cancelled
     * @throws IOException when a line cannot be read (the message names source and line)
     */
    public static TimeHistogram compute(
            ClassifiedSource classified,
            SourceClock clock,
            int threads,
            Progress progress,
            BooleanSupplier cancelled)
            throws IOException {
        try (LineReader reader = LineReader.of(classified.source())) {
            return compute(classified, clock, threads, progress, cancelled, reader);
        }
    }

    /**
     * Counts only the lines {@code include} accepts (the rows a filter leaves), on the bars of
     * {@code axis} (the whole source's histogram), so that a filtered timeline lines up with the
     * unfiltered one. A background job like {@link #compute}.
     *
     * @return the histogram, or null when cancelled
     * @throws IOException when a line cannot be read (the message names source and line)
     */
    public static TimeHistogram compute(
            ClassifiedSource classified,
            SourceClock clock,
            int threads,
            BooleanSupplier cancelled,
            LongPredicate include,
            TimeHistogram axis)
            throws IOException {
        try (LineReader reader = LineReader.of(classified.source())) {
            return compute(
                    classified,
                    clock,
                    threads,
                    (done, total) -> {},
                    cancelled,
                    reader,
                    include,
                    axis);
        }
    }

    private static TimeHistogram compute(
            ClassifiedSource classified,
            SourceClock clock,
            int threads,
            Progress progress,
            BooleanSupplier cancelled,
            LineReader reader)
            throws IOException {
        return compute(classified, clock, threads, progress, cancelled, reader, l -> true, null);
    }

    private static TimeHistogram compute(
            ClassifiedSource classified,
            SourceClock clock,
            int threads,
            Progress progress,
            BooleanSupplier cancelled,
            LineReader reader,
            LongPredicate include,
            TimeHistogram axis)
            throws IOException {
        long end = classified.classifiedCount();
        FineBins all = new FineBins();
        boolean[] complete = {true};
        try {
            OrderedWork.run(
                    0,
                    end,
                    start -> start + UNIT,
                    threads,
                    "logsentry-timeline",
                    cancelled,
                    (a, b, halt) -> {
                        try {
                            return new Counted(
                                    b, count(classified, clock, a, b, halt, reader, include), null);
                        } catch (IOException e) {
                            return new Counted(b, null, e);
                        }
                    },
                    c -> {
                        if (c.bins == null) {
                            complete[0] = false;
                            if (c.error != null) {
                                throw new java.io.UncheckedIOException(c.error);
                            }
                            return false;
                        }
                        all.merge(c.bins);
                        progress.update(c.end, end);
                        return true;
                    });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IOException(
                    "Cannot count " + classified.source().name() + ": " + e.getCause(),
                    e.getCause());
        }
        if (!complete[0]) {
            return null;
        }
        return axis == null || axis.bucketCount() == 0
                ? of(all, clock.zone(), end)
                : onAxis(all, axis, end);
    }

    /** One unit's bins, or why there are none (null bins without error: cancelled). */
    private record Counted(long end, FineBins bins, IOException error) {}

    private static FineBins count(
            ClassifiedSource classified,
            SourceClock clock,
            long a,
            long b,
            BooleanSupplier halt,
            LineReader reader,
            LongPredicate include)
            throws IOException {
        FineBins bins = new FineBins();
        LineClock lineClock = new LineClock(classified.source(), clock.lineTimes());
        long[] at = {a};
        try {
            lineClock.seek(a);
            long end =
                    reader.read(
                            a,
                            b,
                            (line, buf, off, len) -> {
                                at[0] = line;
                                if ((line & 255) == 0 && halt.getAsBoolean()) {
                                    return false;
                                }
                                Instant t = lineClock.next(buf, off, len);
                                if (!include.test(line)) {
                                    return true; // read for the clock, not counted
                                }
                                if (t == null) {
                                    bins.untimed++;
                                } else {
                                    bins.add(
                                            t.getEpochSecond(), classified.verdictCode(line), line);
                                }
                                return true;
                            });
            return end < b ? null : bins;
        } catch (IOException e) {
            throw new IOException(
                    "Cannot read line "
                            + (at[0] + 1)
                            + " of "
                            + classified.source().name()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Chooses the bar width and fills the bars. */
    static TimeHistogram of(FineBins fine, ZoneId zone, long lines) {
        long res = fine.resolution();
        if (fine.bins().isEmpty()) {
            return new TimeHistogram(
                    0, 1, new long[VerdictStore.NONE + 1][0], new long[0], fine.untimed, lines);
        }
        long minKey = Long.MAX_VALUE;
        long maxKey = Long.MIN_VALUE;
        for (long key : fine.bins().keySet()) {
            minKey = Math.min(minKey, key);
            maxKey = Math.max(maxKey, key);
        }
        long first = minKey * res;
        long last = (maxKey + 1) * res; // exclusive
        long width = WIDTHS[WIDTHS.length - 1];
        for (long w : WIDTHS) {
            if (w % res == 0 && (last - first + w - 1) / w <= MAX_BARS) {
                width = w;
                break;
            }
        }
        // Align bars to the local clock (whole hours, midnight) rather than to UTC.
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(first)).getTotalSeconds();
        long start = Math.floorDiv(first + offset, width) * width - offset;
        int bars = (int) Math.max(1, (last - start + width - 1) / width);
        long[][] counts = new long[VerdictStore.NONE + 1][bars];
        long[] firstLines = new long[bars];
        java.util.Arrays.fill(firstLines, -1);
        for (Map.Entry<Long, long[]> e : fine.bins().entrySet()) {
            long second = e.getKey() * res;
            int bar = (int) Math.min(bars - 1, Math.max(0, Math.floorDiv(second - start, width)));
            long[] bin = e.getValue();
            for (int v = 0; v <= VerdictStore.NONE; v++) {
                counts[v][bar] += bin[v];
            }
            long line = bin[FineBins.FIRST_LINE];
            if (firstLines[bar] < 0 || line < firstLines[bar]) {
                firstLines[bar] = line;
            }
        }
        return new TimeHistogram(start, width, counts, firstLines, fine.untimed, lines);
    }

    /** Fills the bars of {@code axis} (same start and width) from {@code fine}. */
    private static TimeHistogram onAxis(FineBins fine, TimeHistogram axis, long lines) {
        int bars = axis.bucketCount();
        long start = axis.startSecond;
        long width = axis.width;
        long[][] counts = new long[VerdictStore.NONE + 1][bars];
        long[] firstLines = new long[bars];
        java.util.Arrays.fill(firstLines, -1);
        long res = fine.resolution();
        for (Map.Entry<Long, long[]> e : fine.bins().entrySet()) {
            long second = e.getKey() * res;
            int bar = (int) Math.min(bars - 1, Math.max(0, Math.floorDiv(second - start, width)));
            long[] bin = e.getValue();
            for (int v = 0; v <= VerdictStore.NONE; v++) {
                counts[v][bar] += bin[v];
            }
            long line = bin[FineBins.FIRST_LINE];
            if (firstLines[bar] < 0 || line < firstLines[bar]) {
                firstLines[bar] = line;
            }
        }
        return new TimeHistogram(start, width, counts, firstLines, fine.untimed, lines);
    }

    /** Number of bars (0 when no line has a timestamp). */
    public int bucketCount() {
        return firstLines.length;
    }

    /** Width of a bar. */
    public Duration bucketSize() {
        return Duration.ofSeconds(width);
    }

    /** Start of the first bar. */
    public Instant start() {
        return Instant.ofEpochSecond(startSecond);
    }

    /** End of the last bar (exclusive). */
    public Instant end() {
        return bucketStart(bucketCount());
    }

    public Instant bucketStart(int bucket) {
        return Instant.ofEpochSecond(startSecond + bucket * width);
    }

    /** End of a bar (exclusive): the {@code to} of a time range ending with that bar. */
    public Instant bucketEnd(int bucket) {
        return bucketStart(bucket + 1);
    }

    /** Lines in {@code bucket} with {@code verdict}. */
    public long count(int bucket, Verdict verdict) {
        return counts[verdict.ordinal()][bucket];
    }

    /** Lines in {@code bucket} (markers of followed sources included). */
    public long total(int bucket) {
        long n = 0;
        for (long[] c : counts) {
            n += c[bucket];
        }
        return n;
    }

    /** The largest {@link #total} of any bar, for scaling. */
    public long maxTotal() {
        long max = 0;
        for (int b = 0; b < bucketCount(); b++) {
            max = Math.max(max, total(b));
        }
        return max;
    }

    /** Lines before the first timestamp of the source, not in any bar. */
    public long untimedLines() {
        return untimed;
    }

    /** Lines counted (timed and untimed). */
    public long lines() {
        return lines;
    }

    /** The bar holding {@code time}, or -1 when it lies outside the histogram. */
    public int bucketOf(Instant time) {
        long s = time.getEpochSecond();
        if (s < startSecond || bucketCount() == 0) {
            return -1;
        }
        long b = (s - startSecond) / width;
        return b < bucketCount() ? (int) b : -1;
    }

    /** The first line (in file order) counted in {@code bucket}, or -1 for an empty bar. */
    public long firstLine(int bucket) {
        return firstLines[bucket];
    }

    /**
     * Click-to-jump: the first line of the first non-empty bar at or after {@code time}'s bar, or
     * -1 when no line is that late. (Exact to the bar; logs out of order may hold earlier lines
     * with later times.)
     */
    public long lineAtOrAfter(Instant time) {
        int from = time.getEpochSecond() < startSecond ? 0 : bucketOf(time);
        if (from < 0) {
            return -1;
        }
        for (int b = from; b < bucketCount(); b++) {
            if (firstLines[b] >= 0) {
                return firstLines[b];
            }
        }
        return -1;
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "logsentry-timeline");
        t.setDaemon(true);
        return t;
    }
}
