package dev.logsentry.core.check;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleMatcher;
import dev.logsentry.core.rules.RuleTree;
import java.util.ArrayList;
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

    /** Runs the check over {@code input}. */
    public CheckResult run(CheckInput input) {
        CheckOptions options = classifier.options();
        boolean logcheck = options.profile() == Profile.LOGCHECK_1_4;
        List<InputLine> lines =
                logcheck
                        ? LogcheckOrder.sortAndClean(input.lines(), options.sortUniq())
                        : input.lines();
        LineFacts[] facts = classifyAll(lines, options.threads());
        boolean attack = false;
        for (LineFacts f : facts) {
            if (!f.attacks().isEmpty()) {
                attack = true;
                break;
            }
        }
        List<Section> sections = assemble(lines, facts, attack, logcheck);
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
                tree.problems(),
                intro ? tree.header() : java.util.Optional.empty(),
                intro ? tree.footer() : java.util.Optional.empty());
    }

    /** Classifies every line of a run and returns each line's verdict, in the run's order. */
    public List<Classification> classifyRun(CheckInput input) {
        CheckOptions options = classifier.options();
        List<InputLine> lines =
                options.profile() == Profile.LOGCHECK_1_4
                        ? LogcheckOrder.sortAndClean(input.lines(), options.sortUniq())
                        : input.lines();
        LineFacts[] facts = classifyAll(lines, options.threads());
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

    private List<Section> assemble(
            List<InputLine> lines, LineFacts[] facts, boolean attack, boolean logcheck) {
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
        List<ReportedLine> unusual = new ArrayList<>();
        for (int i = 0; i < facts.length; i++) {
            InputLine line = lines.get(i);
            for (Placement p : facts[i].attacks()) {
                attacks.computeIfAbsent(p.ruleFile(), k -> new SectionBuilder()).add(line, p);
            }
            for (Placement p : facts[i].violations(attack)) {
                violations.computeIfAbsent(p.ruleFile(), k -> new SectionBuilder()).add(line, p);
            }
            if (facts[i].unusual()) {
                unusual.add(new ReportedLine(line, null));
            }
        }
        List<Section> sections = new ArrayList<>();
        attacks.forEach((name, b) -> b.addTo(sections, Verdict.ATTACK, name));
        violations.forEach((name, b) -> b.addTo(sections, Verdict.VIOLATION, name));
        if (!unusual.isEmpty()) {
            sections.add(new Section(Verdict.UNUSUAL, classifier.unusualHeading(), "", unusual));
        }
        return sections;
    }

    /** Lines of one section as they are found, with the heading of the first placement. */
    private static final class SectionBuilder {
        private final List<ReportedLine> lines = new ArrayList<>();
        private String heading;

        void add(InputLine line, Placement placement) {
            if (heading == null) {
                heading = placement.heading();
            }
            lines.add(new ReportedLine(line, placement.rule()));
        }

        void addTo(List<Section> sections, Verdict kind, String name) {
            if (!lines.isEmpty()) {
                sections.add(new Section(kind, heading, name, lines));
            }
        }
    }

    private LineFacts[] classifyAll(List<InputLine> lines, int threads) {
        LineFacts[] facts = new LineFacts[lines.size()];
        int chunks = (lines.size() + CHUNK - 1) / CHUNK;
        if (threads <= 1 || chunks <= 1) {
            classifyRange(lines, facts, 0, lines.size());
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
                                                Math.min(lines.size(), from + CHUNK));
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

    private void classifyRange(List<InputLine> lines, LineFacts[] facts, int from, int to) {
        RuleMatcher.Session session = classifier.session();
        for (int i = from; i < to; i++) {
            facts[i] = classifier.facts(session, lines.get(i).latin1());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "logsentry-check");
            t.setDaemon(true);
            return t;
        };
    }
}
