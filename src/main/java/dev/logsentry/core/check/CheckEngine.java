package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.automata.AutomataStore;
import dev.logsentry.core.rules.automata.RuleFileMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A check run over a batch of lines: orders the lines as the profile does, classifies them (in
 * parallel chunks, order preserved), and assembles the sections of the report. Reusable and
 * thread-safe; the rules are compiled once, in the constructor.
 */
public final class CheckEngine {

    private static final int CHUNK = 2048;

    private final Classifier classifier;

    public CheckEngine(RuleTree tree, CheckOptions options) {
        this(tree, options, AutomataStore.NONE);
    }

    /** An engine whose rule automata come from and go back to {@code store} (ADR 0014). */
    public CheckEngine(RuleTree tree, CheckOptions options, AutomataStore store) {
        this.classifier = new Classifier(tree, options, store);
    }

    /** The line classifier behind this engine (for the workbench). */
    public Classifier classifier() {
        return classifier;
    }

    /**
     * Runs the check over {@code input}.
     *
     * <p>logcheck sorts all lines and then filters them; filtering first and then sorting each
     * section (stably, by the same key) gives the same sections, since a stable sort keeps the
     * relative order of any subset. So lines are classified in input order and only the reported
     * ones are sorted. With SORTUNIQ every line is sorted and deduplicated first, as the line count
     * then depends on it.
     */
    public CheckResult run(CheckInput input) {
        try (CheckRun run = CheckRun.inMemory(this)) {
            for (InputLine line : input.lines()) {
                run.add(line);
            }
            return run.finish(input.errors(), input.warnings());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // an in-memory run has no file to close
        }
    }

    /** The tree's problems, and rules that ran out of their time budget in this engine. */
    List<RuleProblem> problems(RuleTree tree) {
        List<RuleProblem> all = new ArrayList<>(tree.problems());
        for (Rule r : classifier.budgetExceeded()) {
            all.add(
                    new RuleProblem(
                            r.file(),
                            r.line(),
                            r.source(),
                            "back-reference needed more than "
                                    + dev.logsentry.core.rules.automata.GroupMatcher
                                            .BACK_REFERENCE_MS
                                    + " ms on a line; treated as not matching there"));
        }
        return all;
    }

    /** Classifies every line of a run and returns each line's verdict, in the run's order. */
    public List<Classification> classifyRun(CheckInput input) {
        CheckOptions options = classifier.options();
        List<InputLine> lines =
                options.profile() == Profile.LOGCHECK_1_4
                        ? LogcheckOrder.sortAndClean(input.lines(), options.sortUniq())
                        : input.lines();
        LineFacts[] facts = classifyAll(lines, options.threads(), true, false);
        boolean attack = false;
        for (LineFacts f : facts) {
            attack |= !f.attacks().isEmpty();
        }
        List<Classification> result = new ArrayList<>(lines.size());
        for (int i = 0; i < facts.length; i++) {
            result.add(classifier.toClassification(lines.get(i), facts[i], attack));
        }
        return result;
    }

    /**
     * Starts classifying {@code lines} on {@code pool} with up to {@code workers} of its threads
     * (in chunks, order preserved) and returns at once; the future gives every line's facts.
     */
    java.util.concurrent.CompletableFuture<LineFacts[]> classifyAsync(
            List<InputLine> lines,
            ExecutorService pool,
            int workers,
            boolean explain,
            boolean strip) {
        LineFacts[] facts = new LineFacts[lines.size()];
        int chunks = (lines.size() + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        Runnable work =
                () -> {
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        int from = c * CHUNK;
                        classifyRange(
                                lines,
                                facts,
                                from,
                                Math.min(lines.size(), from + CHUNK),
                                explain,
                                strip);
                    }
                };
        int n = Math.max(1, Math.min(workers, chunks));
        java.util.concurrent.CompletableFuture<?>[] parts =
                new java.util.concurrent.CompletableFuture<?>[n];
        for (int t = 0; t < n; t++) {
            parts[t] = java.util.concurrent.CompletableFuture.runAsync(work, pool);
        }
        return java.util.concurrent.CompletableFuture.allOf(parts).thenApply(v -> facts);
    }

    /** A pool of {@code threads} daemon classification threads. */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, daemon());
    }

    /** Classifies {@code lines} (in parallel chunks, order preserved). */
    LineFacts[] classifyAll(List<InputLine> lines, int threads, boolean explain, boolean strip) {
        int chunks = (lines.size() + CHUNK - 1) / CHUNK;
        if (threads <= 1 || chunks <= 1) {
            LineFacts[] facts = new LineFacts[lines.size()];
            classifyRange(lines, facts, 0, lines.size(), explain, strip);
            return facts;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), daemon());
        try {
            return classifyAsync(lines, pool, threads, explain, strip).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("classification failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Classifies lines {@code [from, to)}, two at a time (their automaton walks interleaved). */
    private void classifyRange(
            List<InputLine> lines,
            LineFacts[] facts,
            int from,
            int to,
            boolean explain,
            boolean strip) {
        RuleFileMatcher.Session session = classifier.session();
        try {
            int i = from;
            for (; i + 1 < to; i += 2) {
                classifier.factsPair(
                        session,
                        text(lines.get(i), strip),
                        text(lines.get(i + 1), strip),
                        explain,
                        facts,
                        i);
            }
            if (i < to) {
                facts[i] = classifier.facts(session, text(lines.get(i), strip), explain);
            }
        } finally {
            classifier.release(session);
        }
    }

    /** The text the rules see: with {@code strip}, without trailing blanks (logcheck's sed). */
    private static String text(InputLine line, boolean strip) {
        return strip ? LogcheckOrder.stripTrailingSpace(line.latin1()) : line.latin1();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "logsentry-check");
            t.setDaemon(true);
            return t;
        };
    }
}
