package dev.logsentry.core.check;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A check run fed one line at a time, so its memory does not grow with the input: lines are
 * classified in chunks as they arrive and only the reported ones are kept; when those grow past a
 * budget they go to a private {@link SpillFile} as sorted runs and are merged back when the report
 * is written. The report is the same as {@link CheckEngine#run} gives for the same lines.
 *
 * <p>logcheck sorts all lines and then filters them; filtering first and then sorting each section
 * (stably, by the same key) gives the same sections, since a stable sort keeps the relative order
 * of any subset. With SORTUNIQ, sorting by the whole line and dropping equal neighbours within a
 * section equals sorting and deduplicating everything first, since equal lines classify alike.
 *
 * <p>Close the run after its report was written: that deletes the spill file.
 */
public final class CheckRun implements AutoCloseable {
    /** Name prefix of spill files, so a run can remove those a killed run left behind. */
    public static final String SPILL_PREFIX = SpillFile.PREFIX;

    /** Lines classified at a time (in parallel chunks of the engine). */
    private static final int CHUNK_LINES = 16 * 1024;

    private static final long CHUNK_BYTES = 4L << 20;

    private final Supplier<CheckEngine> engines;
    private final Path spillDir;
    private final long budget;
    private final List<InputLine> chunk = new ArrayList<>();
    private final Map<String, SectionStore> attacks = new LinkedHashMap<>();
    private final Map<String, SectionStore> violations = new LinkedHashMap<>();
    private CheckEngine engine;
    private SectionStore.Order order;
    private boolean keyed;
    private SectionStore unusual;
    private SpillFile spill;
    private long chunkBytes;
    private long seq;
    private long retained;
    private boolean attack;
    private boolean binary;

    /** Classification threads of this run (when it has more than one), and the chunk on them. */
    private java.util.concurrent.ExecutorService pool;

    private java.util.concurrent.CompletableFuture<LineFacts[]> pending;
    private List<InputLine> pendingLines;

    /**
     * @param engines gives the engine when the first chunk is classified (so rules can compile
     *     while the first lines are read)
     * @param spillDir where a spill file may be created (null: the system temp directory)
     * @param memoryBudget bytes of reported lines kept in memory before they are spilled
     */
    public CheckRun(Supplier<CheckEngine> engines, Path spillDir, long memoryBudget) {
        this.engines = engines;
        this.spillDir = spillDir;
        this.budget = memoryBudget;
    }

    /** A run on {@code engine} that never spills (for batches already in memory). */
    static CheckRun inMemory(CheckEngine engine) {
        return new CheckRun(() -> engine, null, Long.MAX_VALUE);
    }

    /** The default budget: an eighth of the heap, at most 64 MB. */
    public static long defaultBudget() {
        return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Adds the next line of the run's input (sources concatenated as logcheck does). */
    public void add(InputLine line) {
        chunk.add(line);
        chunkBytes += line.latin1().length() + 64L;
        if (chunk.size() >= CHUNK_LINES || chunkBytes >= CHUNK_BYTES) {
            classifyChunk();
        }
    }

    /** Lines added so far. */
    public long lines() {
        return seq + chunk.size() + (pendingLines == null ? 0 : pendingLines.size());
    }

    private CheckEngine engine() {
        if (engine == null) {
            engine = engines.get();
            CheckOptions options = engine.classifier().options();
            boolean logcheck = options.profile() == Profile.LOGCHECK_1_4;
            keyed = logcheck && !options.sortUniq();
            Comparator<SectionEntry> bySeq = Comparator.comparingLong(SectionEntry::seq);
            Comparator<SectionEntry> c =
                    !logcheck
                            ? bySeq
                            : options.sortUniq()
                                    ? Comparator.comparing((SectionEntry e) -> e.line().latin1())
                                            .thenComparing(bySeq)
                                    : (a, b) -> {
                                        int d = SectionEntry.compareKeys(a, b);
                                        return d != 0 ? d : Long.compare(a.seq(), b.seq());
                                    };
            order = new SectionStore.Order(c, logcheck, logcheck && options.sortUniq());
            if (logcheck) {
                // section order is rule file order, not order of first appearance
                RuleTree tree = engine.classifier().rules();
                declare(attacks, Verdict.ATTACK, tree.files(Category.CRACKING));
                declare(violations, Verdict.VIOLATION, tree.files(Category.VIOLATIONS));
            }
            unusual = new SectionStore(Verdict.UNUSUAL, "", 0);
        }
        return engine;
    }

    private static void declare(Map<String, SectionStore> map, Verdict kind, List<RuleFile> files) {
        for (RuleFile f : files) {
            map.putIfAbsent(f.name(), new SectionStore(kind, f.name(), map.size()));
        }
    }

    /**
     * Starts classifying the lines gathered so far while the caller reads on; the chunk before it
     * is placed first (its classification is awaited), so at most two chunks are held.
     */
    private void classifyChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        CheckEngine e = engine();
        CheckOptions options = e.classifier().options();
        List<InputLine> lines = new ArrayList<>(chunk);
        chunk.clear();
        chunkBytes = 0;
        placePending();
        boolean strip = options.profile() == Profile.LOGCHECK_1_4;
        if (options.threads() <= 1) {
            place(lines, e.classifyAll(lines, 1, false, strip));
            return;
        }
        if (pool == null) {
            pool = CheckEngine.pool(options.threads());
        }
        pendingLines = lines;
        pending = e.classifyAsync(lines, pool, options.threads(), false, strip);
    }

    /** Waits for the chunk being classified, if any, and places its lines. */
    private void placePending() {
        if (pending == null) {
            return;
        }
        LineFacts[] facts;
        try {
            facts = pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("classification failed", cause);
        } finally {
            pending = null;
        }
        List<InputLine> lines = pendingLines;
        pendingLines = null;
        place(lines, facts);
    }

    private void place(List<InputLine> lines, LineFacts[] facts) {
        for (int i = 0; i < facts.length; i++) {
            place(lines.get(i), facts[i], seq + i);
        }
        seq += lines.size();
        if (retained > budget) {
            spillAll();
        }
    }

    private void place(InputLine line, LineFacts f, long at) {
        for (Placement p : f.attacks()) {
            attack = true;
            keep(store(attacks, Verdict.ATTACK, p.ruleFile()), line, p, false, at);
        }
        for (Placement p : f.violations()) {
            keep(
                    store(violations, Verdict.VIOLATION, p.ruleFile()),
                    line,
                    p,
                    f.crackingAny() != null,
                    at);
        }
        if (f.unusual()) {
            keep(unusual, line, null, false, at);
        }
    }

    private static SectionStore store(Map<String, SectionStore> map, Verdict kind, String name) {
        return map.computeIfAbsent(name, k -> new SectionStore(kind, k, -1));
    }

    private void keep(
            SectionStore store, InputLine line, Placement p, boolean conditional, long at) {
        SectionEntry e = SectionEntry.of(at, line, p == null ? null : p.rule(), conditional, keyed);
        store.add(e, p == null ? null : p.heading());
        retained += e.weight();
        if (!binary) {
            binary = line.looksBinary();
        }
    }

    private void spillAll() {
        try {
            if (spill == null) {
                spill = SpillFile.create(spillDir);
            }
            for (SectionStore s : stores()) {
                s.spill(spill, order);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set report lines aside: " + e.getMessage(), e);
        }
        retained = 0;
    }

    private List<SectionStore> stores() {
        List<SectionStore> all = new ArrayList<>(attacks.values());
        all.addAll(violations.values());
        if (unusual != null) {
            all.add(unusual);
        }
        return all;
    }

    /**
     * Classifies what is left and assembles the report's sections (lines of spilled sections are
     * read back from the spill file when iterated, so keep the run open until then).
     */
    public CheckResult finish(List<String> errors, List<String> warnings) {
        classifyChunk();
        placePending();
        if (pool != null) {
            pool.shutdown();
        }
        CheckEngine e = engine();
        if (spill != null) {
            spillAll(); // every section read back the same way: one merge over its runs
        }
        List<Section> sections = new ArrayList<>();
        addSections(sections, attacks, Verdict.ATTACK);
        addSections(sections, violations, Verdict.VIOLATION);
        if (!unusual.isEmpty(attack)) {
            sections.add(
                    new Section(
                            Verdict.UNUSUAL,
                            e.classifier().unusualHeading(),
                            "",
                            unusual.lines(spill, order, attack, keyed)));
        }
        Verdict verdict = Verdict.IGNORED;
        for (Section s : sections) {
            if (s.kind().compareTo(verdict) < 0) {
                verdict = s.kind();
            }
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        if (binary && !sections.isEmpty()) {
            allWarnings.add(
                    "Some reported lines are binary data, not text: the text report shows their"
                            + " control characters and non-ASCII bytes as \\xNN");
        }
        CheckOptions options = e.classifier().options();
        RuleTree tree = e.classifier().rules();
        boolean intro = options.profile() == Profile.LOGCHECK_1_4 && options.intro();
        return new CheckResult(
                options.profile(),
                verdict,
                sections,
                errors,
                allWarnings,
                seq,
                e.problems(tree),
                intro ? tree.header() : java.util.Optional.empty(),
                intro ? tree.footer() : java.util.Optional.empty());
    }

    private void addSections(List<Section> out, Map<String, SectionStore> map, Verdict kind) {
        List<SectionStore> kept = new ArrayList<>();
        for (SectionStore s : map.values()) {
            if (!s.isEmpty(attack)) {
                kept.add(s);
            }
        }
        // declared sections in rule file order, the others by their first line kept
        kept.sort(
                Comparator.comparingInt((SectionStore s) -> s.declared < 0 ? 1 : 0)
                        .thenComparingInt(s -> s.declared)
                        .thenComparingLong(s -> s.firstSeq(attack)));
        for (SectionStore s : kept) {
            out.add(
                    new Section(
                            kind,
                            s.heading(attack),
                            s.ruleFile,
                            s.lines(spill, order, attack, keyed)));
        }
    }

    @Override
    public void close() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (spill != null) {
            spill.close();
        }
    }
}
