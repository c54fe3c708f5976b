package dev.logsentry.core.check;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.automata.RuleFileMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        this.classifier = new Classifier(tree, options);
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
        CheckOptions options = classifier.options();
        boolean logcheck = options.profile() == Profile.LOGCHECK_1_4;
        boolean sortFirst = logcheck && options.sortUniq();
        List<InputLine> lines =
                sortFirst ? LogcheckOrder.sortAndClean(input.lines(), true) : input.lines();
        // the report never names the rule that ignored a line: no need to look it up
        LineFacts[] facts = classifyAll(lines, options.threads(), false, logcheck && !sortFirst);
        boolean attack = false;
        for (LineFacts f : facts) {
            if (!f.attacks().isEmpty()) {
                attack = true;
                break;
            }
        }
        List<Section> sections = assemble(lines, facts, attack, logcheck, logcheck && !sortFirst);
        Verdict verdict = sections.isEmpty() ? Verdict.IGNORED : sections.get(0).kind();
        for (Section s : sections) {
            if (s.kind().compareTo(verdict) < 0) {
                verdict = s.kind();
            }
        }
        RuleTree tree = classifier.rules();
        boolean intro = logcheck && options.intro();
        return new CheckResult(
                options.profile(),
                verdict,
                sections,
                input.errors(),
                input.warnings(),
                lines.size(),
                problems(tree),
                intro ? tree.header() : java.util.Optional.empty(),
                intro ? tree.footer() : java.util.Optional.empty());
    }

    /** The tree's problems, and rules that ran out of their time budget in this engine. */
    private List<dev.logsentry.core.rules.RuleProblem> problems(RuleTree tree) {
        List<dev.logsentry.core.rules.RuleProblem> all = new ArrayList<>(tree.problems());
        for (Rule r : classifier.budgetExceeded()) {
            all.add(
                    new dev.logsentry.core.rules.RuleProblem(
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
     * The report's sections. With {@code sortAndStrip} the lines are in input order: each section
     * is sorted as logcheck sorts (by the original text) and its lines are stripped of trailing
     * blanks.
     */
    private List<Section> assemble(
            List<InputLine> lines,
            LineFacts[] facts,
            boolean attack,
            boolean logcheck,
            boolean sortAndStrip) {
        Map<String, SectionBuilder> attacks = new LinkedHashMap<>();
        Map<String, SectionBuilder> violations = new LinkedHashMap<>();
        if (logcheck) {
            // section order is rule file order, not order of first appearance
            for (RuleFile f : classifier.rules().files(Category.CRACKING)) {
                attacks.put(f.name(), new SectionBuilder());
            }
            for (RuleFile f : classifier.rules().files(Category.VIOLATIONS)) {
                violations.put(f.name(), new SectionBuilder());
            }
        }
        SectionBuilder unusual = new SectionBuilder();
        for (int i = 0; i < facts.length; i++) {
            for (Placement p : facts[i].attacks()) {
                attacks.computeIfAbsent(p.ruleFile(), k -> new SectionBuilder()).add(i, p);
            }
            for (Placement p : facts[i].violations(attack)) {
                violations.computeIfAbsent(p.ruleFile(), k -> new SectionBuilder()).add(i, p);
            }
            if (facts[i].unusual()) {
                unusual.add(i, null);
            }
        }
        List<Section> sections = new ArrayList<>();
        attacks.forEach(
                (name, b) -> b.addTo(sections, Verdict.ATTACK, name, null, lines, sortAndStrip));
        violations.forEach(
                (name, b) -> b.addTo(sections, Verdict.VIOLATION, name, null, lines, sortAndStrip));
        unusual.addTo(
                sections, Verdict.UNUSUAL, "", classifier.unusualHeading(), lines, sortAndStrip);
        return sections;
    }

    /** Lines of one section (indexes into the run) with the heading of the first placement. */
    private static final class SectionBuilder {
        private int[] indexes = new int[16];
        private Rule[] rules = new Rule[16];
        private int size;
        private String heading;

        void add(int index, Placement placement) {
            if (placement != null && heading == null) {
                heading = placement.heading();
            }
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
                rules = Arrays.copyOf(rules, size * 2);
            }
            indexes[size] = index;
            rules[size] = placement == null ? null : placement.rule();
            size++;
        }

        void addTo(
                List<Section> sections,
                Verdict kind,
                String name,
                String fixedHeading,
                List<InputLine> lines,
                boolean sortAndStrip) {
            if (size == 0) {
                return;
            }
            int[] order = new int[size];
            for (int k = 0; k < size; k++) {
                order[k] = k;
            }
            if (sortAndStrip) {
                order = LogcheckOrder.sortedPositions(lines, indexes, size);
            }
            ReportedLine[] reported = new ReportedLine[size];
            int[] sorted = order;
            Arrays.parallelSetAll(
                    reported,
                    k -> {
                        InputLine line = lines.get(indexes[sorted[k]]);
                        if (sortAndStrip) {
                            line = line.withLatin1(LogcheckOrder.stripTrailingSpace(line.latin1()));
                        }
                        return new ReportedLine(line, rules[sorted[k]]);
                    });
            sections.add(
                    new Section(
                            kind,
                            fixedHeading != null ? fixedHeading : heading,
                            name,
                            Arrays.asList(reported)));
        }
    }

    private LineFacts[] classifyAll(
            List<InputLine> lines, int threads, boolean explain, boolean strip) {
        LineFacts[] facts = new LineFacts[lines.size()];
        int chunks = (lines.size() + CHUNK - 1) / CHUNK;
        if (threads <= 1 || chunks <= 1) {
            classifyRange(lines, facts, 0, lines.size(), explain, strip);
            return facts;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), daemon());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < Math.min(threads, chunks); t++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int c = next.getAndIncrement();
                                            c < chunks;
                                            c = next.getAndIncrement()) {
                                        int from = c * CHUNK;
                                        classifyRange(
                                                lines,
                                                facts,
                                                from,
                                                Math.min(lines.size(), from + CHUNK),
                                                explain,
                                                strip);
                                    }
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("classification failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return facts;
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
