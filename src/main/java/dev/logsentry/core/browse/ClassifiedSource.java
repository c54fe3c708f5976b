package dev.logsentry.core.browse;

import dev.logsentry.core.check.Classification;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.source.follow.FollowedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The verdict of every line of a {@link LineSource}, computed in the background with the same
 * {@link Classifier} semantics as {@code logsentry check}, stored compactly ({@link VerdictStore}:
 * a byte or two per line, no object per line).
 *
 * <p>The whole source is one logcheck run: logcheck drops a line from the violations sections when
 * it matches a cracking rule and some line of the run was reported as an attack. That depends on
 * lines not yet seen, so such lines are stored with both outcomes and {@link #verdict} answers
 * according to whether an attack has been seen so far; once the source is fully classified, the
 * verdicts equal the sections of the check report on the same lines.
 *
 * <p>Threading: {@link #classify} runs on one background thread at a time (it uses {@code threads}
 * workers itself) and may be run again whenever the source has grown (indexing, follow mode); it
 * continues where the last run stopped. All other methods may be called from any thread at any
 * time, also while a run is in progress; they see the lines below {@link #classifiedCount()}.
 */
public final class ClassifiedSource {

    private static final Verdict[] VERDICTS = Verdict.values();

    private final LineSource source;
    private final RawLineSource raw;
    private final FollowedSource followed;
    private final Classifier classifier;
    private final int threads;
    private final VerdictStore store = new VerdictStore();
    private final AtomicBoolean running = new AtomicBoolean();
    private final long[] counts = new long[VerdictStore.NONE + 1]; // guarded by this
    private long conditional; // guarded by this: VIOLATION lines that an attack turns IGNORED
    private volatile boolean attackSeen;
    private long lastLength = -1; // classify() only: length of the last classified line

    /** Classifies with as many workers as {@code classifier}'s options say. */
    public ClassifiedSource(LineSource source, Classifier classifier) {
        this(source, classifier, classifier.options().threads());
    }

    /**
     * @param source the lines; a {@link RawLineSource} is matched on its raw bytes (as the check
     *     does), any other source on the UTF-8 bytes of its display text
     * @param classifier the rules, level and profile to apply
     * @param threads workers for a run (1 = the calling thread only)
     */
    public ClassifiedSource(LineSource source, Classifier classifier, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.source = source;
        this.raw = source instanceof RawLineSource r ? r : null;
        this.followed = source instanceof FollowedSource f ? f : null;
        this.classifier = classifier;
        this.threads = threads;
    }

    public LineSource source() {
        return source;
    }

    public Classifier classifier() {
        return classifier;
    }

    /** The rule tree; {@link #ruleId} indexes its {@link RuleTree#rules()}. */
    public RuleTree rules() {
        return classifier.rules();
    }

    /** Lines 0 .. classifiedCount()-1 have their verdict; never decreases. */
    public long classifiedCount() {
        return store.size();
    }

    /** Whether every line the source has now is classified. */
    public boolean upToDate() {
        return store.size() >= source.lineCount();
    }

    /** Whether some classified line is an attack (logcheck's run-wide ATTACK flag). */
    public boolean attackSeen() {
        return attackSeen;
    }

    /**
     * The verdict of {@code line}, or null when the line is no log line (a rotation or truncation
     * marker of a followed source).
     *
     * @throws IndexOutOfBoundsException when {@code line >= classifiedCount()}
     */
    public Verdict verdict(long line) {
        int code = verdictCode(line);
        return code == VerdictStore.NONE ? null : VERDICTS[code];
    }

    /** The id (in {@link RuleTree#rules()}) of the rule that decided {@code line}, or -1. */
    public int ruleId(long line) {
        check(line);
        int id = store.chunk(line).rule(offsetInChunk(line), attackSeen);
        return id == UNEXPLAINED ? explain(line) : id;
    }

    /**
     * The rule that decided {@code line}: for ATTACK and VIOLATION the first matching rule of the
     * first section it is reported in, for IGNORED the rule that suppressed it; null for UNUSUAL
     * lines and markers.
     */
    public Rule rule(long line) {
        int id = ruleId(line);
        return id < 0 ? null : rules().rules().get(id);
    }

    /** Counts per verdict over the classified lines. */
    public synchronized VerdictCounts counts() {
        long moved = attackSeen ? conditional : 0;
        return new VerdictCounts(counts[0], counts[1] - moved, counts[2], counts[3] + moved);
    }

    /**
     * How many classified lines each rule decided, indexed by rule id ({@link RuleTree#rules()}):
     * the match counts of the Rules perspective. One pass over the compact store, then the ignore
     * rule of every ignored line is sought (that reads those lines: a background job).
     */
    public long[] ruleCounts() {
        long[] counts = new long[rules().rules().size()];
        long size = store.size();
        boolean attack = attackSeen;
        for (long start = 0; start < size; start += VerdictStore.CHUNK) {
            int lines = (int) Math.min(VerdictStore.CHUNK, size - start);
            store.chunk(start).countRules(lines, attack, counts);
        }
        // ignored lines stored without their rule: seek it now, in the checker's batches
        List<InputLine> batch = new ArrayList<>(BATCH);
        for (long line = 0; line < size; line++) {
            if (store.chunk(line).rule(offsetInChunk(line), attack) != UNEXPLAINED) {
                continue;
            }
            try {
                byte[] bytes =
                        raw != null
                                ? raw.rawLine(line)
                                : source.line(line).getBytes(StandardCharsets.UTF_8);
                batch.add(InputLine.ofBytes(source.name(), source.offset(line), bytes));
            } catch (IOException e) {
                continue; // an unreadable line counts for no rule
            }
            if (batch.size() == BATCH) {
                countExplained(batch, attack, counts);
            }
        }
        countExplained(batch, attack, counts);
        return counts;
    }

    private void countExplained(List<InputLine> batch, boolean attack, long[] counts) {
        classifier.classifyBatch(
                batch,
                true,
                (i, alone, ifAttack) -> {
                    Rule r = (attack ? ifAttack : alone).decidingRule();
                    if (r != null) {
                        counts[r.id()]++;
                    }
                });
        batch.clear();
    }

    /** Lines stored whose verdict depends on whether the run has an attack. */
    synchronized long conditionalCount() {
        return conditional;
    }

    /** Heap used by the stored verdicts, in bytes (for docs and tests). */
    public long memoryBytes() {
        return store.memoryBytes();
    }

    /** The verdict code of {@code line}: a {@link Verdict} ordinal or {@link VerdictStore#NONE}. */
    int verdictCode(long line) {
        check(line);
        return store.chunk(line).verdict(offsetInChunk(line), attackSeen);
    }

    VerdictStore store() {
        return store;
    }

    private void check(long line) {
        if (line < 0 || line >= store.size()) {
            throw new IndexOutOfBoundsException(
                    "line " + line + " of " + store.size() + " classified");
        }
    }

    private static int offsetInChunk(long line) {
        return (int) (line & (VerdictStore.CHUNK - 1));
    }

    /**
     * Classifies the lines from {@link #classifiedCount()} to the source's current end, in parallel
     * chunks, publishing results in line order. Call it again after the source grew.
     *
     * @param progress told lines done / lines in the source, after each chunk
     * @param cancelled polled every few hundred lines; the run then stops, keeping what it did
     * @throws IllegalStateException when another run is in progress
     */
    public ClassifyResult classify(Progress progress, BooleanSupplier cancelled) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already classifying " + source.name());
        }
        try {
            return runClassify(progress, cancelled);
        } finally {
            running.set(false);
        }
    }

    private ClassifyResult runClassify(Progress progress, BooleanSupplier cancelled) {
        long from = store.size();
        long total = source.lineCount();
        try {
            reclassifyGrownTail(from);
        } catch (IOException e) {
            return new ClassifyResult(from, total, false, Optional.of(readError(from - 1, e)));
        }
        store.ensureCapacity(total);
        ClassifyResult[] stopped = new ClassifyResult[1];
        try (LineReader reader = LineReader.of(source)) {
            OrderedWork.run(
                    from,
                    total,
                    start -> ((start >>> VerdictStore.CHUNK_BITS) + 1) << VerdictStore.CHUNK_BITS,
                    threads,
                    "logsentry-classify",
                    cancelled,
                    (start, end, halt) -> runUnit(start, end, halt, reader),
                    r -> {
                        merge(r, progress, total);
                        if (r.stoppedEarly()) {
                            stopped[0] = r.toResult(total);
                            return false;
                        }
                        return true;
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClassifyResult(store.size(), total, true, Optional.empty());
        } catch (ExecutionException e) {
            return new ClassifyResult(
                    store.size(),
                    total,
                    false,
                    Optional.of("Cannot classify " + source.name() + ": " + e.getCause()));
        }
        return stopped[0] != null
                ? stopped[0]
                : new ClassifyResult(store.size(), total, false, Optional.empty());
    }

    /**
     * A last line without newline may have grown since it was classified (the file is still being
     * written): classify it again, in place.
     */
    private void reclassifyGrownTail(long size) throws IOException {
        if (size == 0 || raw == null || raw.lineLength(size - 1) == lastLength) {
            return;
        }
        long line = size - 1;
        VerdictStore.Chunk chunk = store.chunk(line);
        int offset = offsetInChunk(line);
        int oldCode = chunk.verdict(offset, false);
        boolean oldConditional = chunk.conditional(offset);
        Outcome o = classifyLine(line);
        chunk.set(offset, o.verdict, o.rule, o.alt);
        synchronized (this) {
            counts[oldCode]--;
            conditional -= oldConditional ? 1 : 0;
            counts[o.verdict]++;
            conditional += o.alt != VerdictStore.NOT_CONDITIONAL ? 1 : 0;
            attackSeen |= o.verdict == Verdict.ATTACK.ordinal();
        }
        lastLength = raw.lineLength(line);
    }

    private void merge(Unit r, Progress progress, long total) {
        synchronized (this) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += r.counts[i];
            }
            conditional += r.conditional;
            if (r.counts[Verdict.ATTACK.ordinal()] > 0) {
                attackSeen = true;
            }
        }
        if (r.end > r.start) {
            store.publish(r.end);
            lastLength = raw == null ? -1 : raw.lineLength(r.end - 1);
        }
        progress.update(r.end, total);
    }

    /** Lines classified per call into the checker's batch path. */
    private static final int BATCH = 256;

    private Unit runUnit(long start, long end, BooleanSupplier halt, LineReader reader) {
        VerdictStore.Chunk chunk = store.chunk(start);
        Unit r = new Unit(start);
        long[] done = {start}; // lines before this are stored and counted
        List<InputLine> batch = new ArrayList<>(BATCH);
        try {
            r.end =
                    reader.read(
                            start,
                            end,
                            (line, buf, off, len) -> {
                                if ((line & 255) == 0 && halt.getAsBoolean()) {
                                    r.cancelled = true;
                                    return false;
                                }
                                if (followed != null && followed.isMarker(line)) {
                                    flush(batch, chunk, r, done);
                                    store(chunk, r, line, MARKER);
                                    done[0] = line + 1;
                                    return true;
                                }
                                batch.add(
                                        InputLine.ofBytes(
                                                source.name(),
                                                source.offset(line),
                                                buf,
                                                off,
                                                off + len));
                                if (batch.size() == BATCH) {
                                    flush(batch, chunk, r, done);
                                }
                                return true;
                            });
            flush(batch, chunk, r, done);
        } catch (IOException | RuntimeException e) {
            r.error = readError(done[0], e);
            r.end = done[0];
        }
        return r;
    }

    /** Classifies the buffered lines (they follow {@code done[0]}) through the checker's path. */
    private void flush(List<InputLine> batch, VerdictStore.Chunk chunk, Unit r, long[] done) {
        if (batch.isEmpty()) {
            return;
        }
        long first = done[0];
        classifier.classifyBatch(
                batch,
                false,
                (i, alone, ifAttack) -> store(chunk, r, first + i, outcome(alone, ifAttack)));
        done[0] = first + batch.size();
        batch.clear();
    }

    private static void store(VerdictStore.Chunk chunk, Unit r, long line, Outcome o) {
        chunk.set(offsetInChunk(line), o.verdict, o.rule, o.alt);
        r.counts[o.verdict]++;
        if (o.alt != VerdictStore.NOT_CONDITIONAL) {
            r.conditional++;
        }
    }

    private static Outcome outcome(Classification c, Classification ifAttack) {
        int alt = VerdictStore.NOT_CONDITIONAL;
        if (c.verdict() == Verdict.VIOLATION && ifAttack.verdict() != Verdict.VIOLATION) {
            // logcheck drops it from the violations when an attack is reported in the same run;
            // the rule that drops it (cracking.ignore.d or a cracking rule) is sought when asked
            alt = UNEXPLAINED;
        }
        return new Outcome(c.verdict().ordinal(), deciding(c), alt);
    }

    /**
     * The deciding rule's id; {@link #UNEXPLAINED} for an ignored line whose rule was not sought.
     */
    private static int deciding(Classification c) {
        return c.decidingRule() == null && c.verdict() == Verdict.IGNORED
                ? UNEXPLAINED
                : id(c.decidingRule());
    }

    /**
     * Verdicts are stored at the checker's speed, without naming the ignore rule of ignored lines
     * (that costs regex runs per line); the rule is found when asked for.
     */
    private static final int UNEXPLAINED = -3;

    /**
     * The deciding rule of {@code line}, sought now (an ignored line stored {@link #UNEXPLAINED}).
     */
    private int explain(long line) {
        try {
            byte[] bytes =
                    raw != null
                            ? raw.rawLine(line)
                            : source.line(line).getBytes(StandardCharsets.UTF_8);
            return id(
                    classifier
                            .classify(
                                    InputLine.ofBytes(source.name(), source.offset(line), bytes),
                                    attackSeen)
                            .decidingRule());
        } catch (IOException e) {
            return -1;
        }
    }

    private String readError(long line, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Cannot classify line " + (line + 1) + " of " + source.name() + ": " + why;
    }

    private record Outcome(int verdict, int rule, int alt) {}

    private static final Outcome MARKER =
            new Outcome(VerdictStore.NONE, -1, VerdictStore.NOT_CONDITIONAL);

    private Outcome classifyLine(long line) throws IOException {
        if (followed != null && followed.isMarker(line)) {
            return MARKER;
        }
        byte[] bytes =
                raw != null
                        ? raw.rawLine(line)
                        : source.line(line).getBytes(StandardCharsets.UTF_8);
        Outcome[] out = new Outcome[1];
        classifier.classifyBatch(
                List.of(InputLine.ofBytes(source.name(), source.offset(line), bytes)),
                false,
                (i, alone, ifAttack) -> out[0] = outcome(alone, ifAttack));
        return out[0];
    }

    private static int id(Rule rule) {
        return rule == null ? -1 : rule.id();
    }

    /** What one worker did on one chunk. */
    private static final class Unit {
        final long start;
        final long[] counts = new long[VerdictStore.NONE + 1];
        long end;
        long conditional;
        boolean cancelled;
        String error;

        Unit(long start) {
            this.start = start;
        }

        boolean stoppedEarly() {
            return cancelled || error != null;
        }

        ClassifyResult toResult(long total) {
            return new ClassifyResult(
                    end, total, cancelled && error == null, Optional.ofNullable(error));
        }
    }
}
