package dev.logsentry.core.browse;

import dev.logsentry.core.check.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The lines of a classified source that pass a {@link LineFilter}, as a sorted list of line indices
 * kept in int chunks (4 bytes per shown line; nothing at all when the filter shows everything).
 * {@link #extend} builds it in the background, in parallel, and extends it later when the source
 * has grown or more lines were classified.
 *
 * <p>A filter on verdicts covers only classified lines; without one the view covers every line the
 * source has. Verdict tests use the compact verdict store and skip whole chunks; lines are read
 * only for the quick text and the time range.
 *
 * <p>Threading: {@link #extend} runs on one background thread at a time; {@link #size}, {@link
 * #lineAt} and {@link #indexOf} may be called from any thread and see the rows found so far.
 */
public final class FilteredView implements Rows {

    private static final int UNIT = 1 << 15;
    private static final int SHOWN_ALWAYS = 1 << VerdictStore.NONE; // marker lines

    private final ClassifiedSource classified;
    private final LineFilter filter;
    private final SourceClock clock;
    private final int threads;
    private final boolean identity;
    private final IntChunks rows = new IntChunks();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long scanned;
    private volatile boolean attackWhenBuilt;
    private volatile boolean started;

    /**
     * @param classified the source and its verdicts
     * @param filter what to show; an invalid quick text shows nothing (check {@link
     *     LineFilter#error()} first)
     * @param clock the source's time parser (for the time range)
     * @param threads workers for {@link #extend}
     */
    public FilteredView(
            ClassifiedSource classified, LineFilter filter, SourceClock clock, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.classified = classified;
        this.filter = filter;
        this.clock = clock;
        this.threads = threads;
        this.identity = filter.isAll();
    }

    public ClassifiedSource classified() {
        return classified;
    }

    public LineFilter filter() {
        return filter;
    }

    /** Lines of the source examined so far (rows come from lines below this). */
    public long scannedCount() {
        return scanned;
    }

    /**
     * Lines this view can cover now: all lines, or only classified ones with a verdict or rule
     * filter.
     */
    public long coverable() {
        return filter.restrictsVerdicts() || filter.restrictsRule()
                ? classified.classifiedCount()
                : classified.source().lineCount();
    }

    /** Whether every coverable line has been examined. */
    public boolean upToDate() {
        return scanned >= coverable();
    }

    /**
     * Whether the rows no longer match the verdicts: an attack appeared after lines whose verdict
     * depends on it (logcheck's run-wide rule) were filtered. Rare; build a new view then.
     */
    public boolean stale() {
        boolean splits =
                filter.verdicts().contains(Verdict.VIOLATION)
                        != filter.verdicts().contains(Verdict.IGNORED);
        return started
                && splits
                && classified.attackSeen() != attackWhenBuilt
                && classified.conditionalCount() > 0;
    }

    @Override
    public long size() {
        return identity ? scanned : rows.size();
    }

    @Override
    public long lineAt(long row) {
        if (identity) {
            if (row < 0 || row >= scanned) {
                throw new IndexOutOfBoundsException("row " + row + " of " + scanned);
            }
            return row;
        }
        return rows.get(row);
    }

    /**
     * The row showing {@code line}, or {@code -(insertion point) - 1} when the line is not shown
     * (as {@link Arrays#binarySearch(long[], long)}): the insertion point is the row of the next
     * shown line, which is where the table should go to keep its place.
     */
    public long indexOf(long line) {
        long size = size();
        if (identity) {
            return line < size ? line : -size - 1;
        }
        long at = rows.lowerBound(line);
        return at < size && rows.get(at) == line ? at : -at - 1;
    }

    /** Heap used by the rows, in bytes. */
    public long memoryBytes() {
        return rows.memoryBytes();
    }

    /**
     * Examines the lines from {@link #scannedCount()} to {@link #coverable()}, in parallel,
     * appending the matching ones in line order.
     *
     * @param progress lines examined / lines to examine, after each block
     * @param cancelled polled every few hundred lines; stopping keeps the rows found
     * @throws IllegalStateException when another extend is running on this view
     */
    public FilterResult extend(Progress progress, BooleanSupplier cancelled) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("this view is already being built");
        }
        try {
            if (!started) {
                attackWhenBuilt = classified.attackSeen();
                started = true;
            }
            long end = coverable();
            if (identity) {
                scanned = Math.max(scanned, end);
                progress.update(end, end);
                return new FilterResult(size(), scanned, false, Optional.empty());
            }
            return scan(end, progress, cancelled);
        } finally {
            running.set(false);
        }
    }

    private FilterResult scan(long end, Progress progress, BooleanSupplier cancelled) {
        try (LineReader reader = LineReader.of(classified.source())) {
            return scan(end, progress, cancelled, reader);
        }
    }

    private FilterResult scan(
            long end, Progress progress, BooleanSupplier cancelled, LineReader reader) {
        long from = scanned;
        FilterResult[] stopped = new FilterResult[1];
        try {
            OrderedWork.run(
                    from,
                    end,
                    start -> start + UNIT,
                    threads,
                    "logsentry-filter",
                    cancelled,
                    (a, b, halt) -> block(a, b, halt, reader),
                    r -> {
                        rows.append(r.lines, r.count);
                        rows.publish();
                        scanned = r.end;
                        progress.update(r.end - from, end - from);
                        if (r.cancelled || r.error != null) {
                            stopped[0] =
                                    new FilterResult(
                                            size(),
                                            scanned,
                                            r.cancelled,
                                            Optional.ofNullable(r.error));
                            return false;
                        }
                        return true;
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FilterResult(size(), scanned, true, Optional.empty());
        } catch (ExecutionException e) {
            return new FilterResult(
                    size(), scanned, false, Optional.of("Filtering failed: " + e.getCause()));
        }
        return stopped[0] != null
                ? stopped[0]
                : new FilterResult(size(), scanned, false, Optional.empty());
    }

    /** Matching lines of {@code [a, b)}. */
    private Block block(long a, long b, BooleanSupplier halt, LineReader reader) {
        Block r = new Block(a);
        long[] done = {a};
        try {
            if (filter.hasTimeRange() || !filter.quick().isEmpty()) {
                r.end = readingBlock(a, b, halt, reader, r, done);
            } else {
                r.end = verdictBlock(a, b, halt, r);
            }
        } catch (IOException | RuntimeException e) {
            r.end = done[0];
            r.error =
                    "Cannot filter line "
                            + (done[0] + 1)
                            + " of "
                            + classified.source().name()
                            + ": "
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage());
        }
        return r;
    }

    /** A verdict filter alone: no line is read, and chunks without a wanted verdict are skipped. */
    private long verdictBlock(long a, long b, BooleanSupplier halt, Block r) {
        int wanted = filter.verdictMask() | SHOWN_ALWAYS;
        boolean attack = classified.attackSeen();
        VerdictStore store = classified.store();
        long line = a;
        while (line < b) {
            if ((line & 255) == 0 && halt.getAsBoolean()) {
                r.cancelled = true;
                return line;
            }
            VerdictStore.Chunk chunk = store.chunk(line);
            long chunkEnd = Math.min(b, (line | (VerdictStore.CHUNK - 1)) + 1);
            if ((chunk.mask() & wanted) == 0) {
                line = chunkEnd;
                continue;
            }
            long stop = Math.min(chunkEnd, (line | 255) + 1);
            for (; line < stop; line++) {
                int code = chunk.verdict((int) (line & (VerdictStore.CHUNK - 1)), attack);
                if ((wanted & (1 << code)) != 0 && ruleMatches(line)) {
                    r.add(line);
                }
            }
        }
        return line;
    }

    /** Whether {@code line} passes the rule test (no rule: every line). */
    private boolean ruleMatches(long line) {
        return !filter.restrictsRule() || classified.ruleId(line) == filter.rule();
    }

    /** Quick text or time range: every line is read (in blocks), verdicts are tested first. */
    private long readingBlock(
            long a, long b, BooleanSupplier halt, LineReader reader, Block r, long[] done)
            throws IOException {
        boolean verdicts = filter.restrictsVerdicts();
        int wanted = filter.verdictMask() | SHOWN_ALWAYS;
        boolean time = filter.hasTimeRange();
        QuickText quick = filter.quick();
        boolean text = !quick.isEmpty();
        LineClock lineClock = time ? new LineClock(classified.source(), clock.lineTimes()) : null;
        if (time) {
            lineClock.seek(a);
        }
        boolean attack = classified.attackSeen();
        VerdictStore store = classified.store();
        return reader.read(
                a,
                b,
                (line, buf, off, len) -> {
                    if ((line & 255) == 0 && halt.getAsBoolean()) {
                        r.cancelled = true;
                        return false;
                    }
                    done[0] = line;
                    // the time is tracked on every line: the next ones may inherit it
                    Instant t = time ? lineClock.next(buf, off, len) : null;
                    if (verdicts) {
                        int code =
                                store.chunk(line)
                                        .verdict((int) (line & (VerdictStore.CHUNK - 1)), attack);
                        if ((wanted & (1 << code)) == 0) {
                            return true;
                        }
                    }
                    if (time && !filter.inRange(t)) {
                        return true;
                    }
                    if (text && !quick.matches(buf, off, len)) {
                        return true;
                    }
                    if (!ruleMatches(line)) {
                        return true;
                    }
                    r.add(line);
                    return true;
                });
    }

    /** The matching lines of one block of the source. */
    private static final class Block {
        final long start;
        int[] lines = new int[256];
        int count;
        long end;
        boolean cancelled;
        String error;

        Block(long start) {
            this.start = start;
        }

        void add(long line) {
            if (line > Integer.MAX_VALUE) {
                throw new IllegalStateException("more than 2^31 lines are not supported");
            }
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
            }
            lines[count++] = (int) line;
        }
    }
}
