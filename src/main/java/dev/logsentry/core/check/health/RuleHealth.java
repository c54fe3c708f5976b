package dev.logsentry.core.check.health;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classification;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.check.health.HealthFinding.Kind;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.automata.RegexBudget;
import dev.logsentry.core.rules.automata.RuleFileMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The health of a rule tree against loaded lines: rules that do not compile, ignore rules that hide
 * attack or security-event lines, rules matching almost every line, duplicates, rules shadowed by
 * earlier ones, rules matching nothing, and the most expensive rules. Every finding names the
 * rule's file and line.
 *
 * <p>Matches come from the check engine's automata: one pass tells which rule files match a line,
 * and each matching file's own automaton tells which of its rules do. "Shadowed" is judged on the
 * loaded lines, in logcheck's order: a rule that matches lines but is never the first matching rule
 * (of its category for ignore rules, of its file for cracking and violations rules, whose first
 * rule is the one reported) could be removed without any verdict or report changing there. Cost is
 * measured as java.util.regex time per line on a sample (the engine's automata cost the same per
 * byte for every rule; the regex shows what makes a rule heavy for grep and for humans), each line
 * under a {@link RegexBudget}.
 */
public final class RuleHealth {

    /** A rule matching more than this share of at least {@link #MIN_LINES} lines is flagged. */
    public static final double ALMOST_EVERYTHING = 0.9;

    public static final int MIN_LINES = 20;

    /** How many of the most expensive rules are listed. */
    public static final int EXPENSIVE = 5;

    private static final int SAMPLE = 2000;
    private static final int EXAMPLES = 3;

    private RuleHealth() {}

    /** The findings for {@code tree} over {@code lines}, most serious first. */
    public static List<HealthFinding> check(
            RuleTree tree, CheckOptions options, CheckLines lines, BooleanSupplier cancelled) {
        List<HealthFinding> out = new ArrayList<>();
        for (RuleProblem p : tree.problems()) {
            out.add(
                    new HealthFinding(
                            Kind.DOES_NOT_COMPILE,
                            p.file(),
                            p.line(),
                            p.source(),
                            p.message(),
                            List.of()));
        }
        duplicates(tree, out);
        Counts counts = count(tree, options, lines, cancelled);
        List<Rule> rules = tree.rules();
        int n = lines.size();
        for (Rule r : rules) {
            int matched = counts.matched[r.id()];
            if (matched == 0) {
                if (n > 0) {
                    out.add(
                            finding(
                                    Kind.MATCHES_NOTHING,
                                    r,
                                    "matches none of the " + n + " lines",
                                    List.of()));
                }
                continue;
            }
            if (n >= MIN_LINES && matched > ALMOST_EVERYTHING * n) {
                out.add(
                        finding(
                                Kind.MATCHES_ALMOST_EVERYTHING,
                                r,
                                "matches " + matched + " of " + n + " lines",
                                counts.examples(r.id())));
            }
            if (counts.first[r.id()] == 0) {
                Rule by = counts.shadowedBy[r.id()];
                out.add(
                        finding(
                                Kind.SHADOWED,
                                r,
                                "each of its "
                                        + matched
                                        + " matching lines is already decided by an earlier rule"
                                        + (by == null ? "" : ", e.g. " + by.location()),
                                counts.examples(r.id())));
            }
        }
        counts.hidden.forEach(
                (rule, hidden) -> {
                    boolean attack = rule.category() == Category.CRACKING_IGNORE;
                    out.add(
                            finding(
                                    attack ? Kind.HIDES_ATTACK : Kind.HIDES_SECURITY_EVENT,
                                    rule,
                                    "drops "
                                            + hidden.size()
                                            + " line(s) a "
                                            + (attack ? "cracking" : "violations")
                                            + " rule reports",
                                    hidden.subList(0, Math.min(EXAMPLES, hidden.size()))));
                });
        expensive(rules, lines, cancelled, out);
        out.sort(
                Comparator.comparing(HealthFinding::kind)
                        .thenComparing(f -> f.file().toString())
                        .thenComparingInt(HealthFinding::line));
        return out;
    }

    /**
     * How many of {@code lines} each rule matches and the first it matches, by rule id.
     *
     * @param matched lines matched, by rule id
     * @param first index of the first line matched, or -1, by rule id
     */
    public record Stats(int[] matched, int[] first) {}

    /** Each rule's match count over {@code lines}, from the engine's automata. */
    public static Stats stats(RuleTree tree, CheckLines lines, BooleanSupplier cancelled) {
        int n = tree.rules().size();
        int[] matched = new int[n];
        int[] first = new int[n];
        java.util.Arrays.fill(first, -1);
        if (lines.size() == 0) {
            return new Stats(matched, first);
        }
        RuleFileMatcher matcher = RuleFileMatcher.of(tree, f -> false);
        RuleFileMatcher.Session s = matcher.newSession();
        List<RuleFile> files = matcher.files();
        for (int i = 0; i < lines.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            s.reset(lines.latin1(i));
            for (int f = 0; f < files.size(); f++) {
                if (s.matches(f)) {
                    for (Rule r : s.matchingRules(f)) {
                        if (matched[r.id()]++ == 0) {
                            first[r.id()] = i;
                        }
                    }
                }
            }
        }
        return new Stats(matched, first);
    }

    private static HealthFinding finding(Kind kind, Rule r, String message, List<Integer> ex) {
        return new HealthFinding(kind, r.file(), r.line(), r.source(), message, ex);
    }

    private static void duplicates(RuleTree tree, List<HealthFinding> out) {
        for (Category c : Category.values()) {
            Map<String, Rule> seen = new HashMap<>();
            for (RuleFile f : tree.files(c)) {
                for (Rule r : f.rules()) {
                    Rule earlier = seen.putIfAbsent(r.source(), r);
                    if (earlier != null) {
                        out.add(
                                finding(
                                        Kind.DUPLICATE,
                                        r,
                                        "the same rule as " + earlier.location(),
                                        List.of()));
                    }
                }
            }
        }
    }

    /** Per-rule statistics over the lines. */
    private static final class Counts {
        final int[] matched;
        final int[] first;
        final Rule[] shadowedBy;
        final int[][] examples;
        final Map<Rule, List<Integer>> hidden = new java.util.LinkedHashMap<>();

        Counts(int rules) {
            matched = new int[rules];
            first = new int[rules];
            shadowedBy = new Rule[rules];
            examples = new int[rules][];
        }

        void example(int rule, int line) {
            int[] e = examples[rule];
            if (e == null) {
                examples[rule] = new int[] {line};
            } else if (e.length < EXAMPLES) {
                int[] more = java.util.Arrays.copyOf(e, e.length + 1);
                more[e.length] = line;
                examples[rule] = more;
            }
        }

        List<Integer> examples(int rule) {
            int[] e = examples[rule];
            return e == null ? List.of() : java.util.Arrays.stream(e).boxed().toList();
        }
    }

    private static Counts count(
            RuleTree tree, CheckOptions options, CheckLines lines, BooleanSupplier cancelled) {
        Counts c = new Counts(tree.rules().size());
        RuleFileMatcher matcher = RuleFileMatcher.of(tree, f -> false);
        RuleFileMatcher.Session s = matcher.newSession();
        Classifier classifier = null;
        List<RuleFile> files = matcher.files();
        for (int i = 0; i < lines.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("health check cancelled");
            }
            String line = lines.latin1(i);
            s.reset(line);
            boolean raised = false;
            Rule firstOfCategory = null;
            Category category = null;
            for (int f = 0; f < files.size(); f++) {
                if (!s.matches(f)) {
                    continue;
                }
                RuleFile file = files.get(f);
                boolean perFile =
                        file.category() == Category.CRACKING
                                || file.category() == Category.VIOLATIONS;
                raised |= perFile;
                if (file.category() != category) {
                    category = file.category();
                    firstOfCategory = null;
                }
                List<Rule> matching = s.matchingRules(f);
                for (int k = 0; k < matching.size(); k++) {
                    Rule r = matching.get(k);
                    c.matched[r.id()]++;
                    c.example(r.id(), i);
                    Rule decider = perFile ? matching.get(0) : firstOfCategory;
                    if (decider == null || decider == r) {
                        c.first[r.id()]++;
                        if (!perFile && firstOfCategory == null) {
                            firstOfCategory = r;
                        }
                    } else if (c.shadowedBy[r.id()] == null) {
                        c.shadowedBy[r.id()] = decider;
                    }
                }
            }
            if (raised) {
                if (classifier == null) {
                    classifier = new Classifier(tree, options.withThreads(1));
                }
                Classification cl = classifier.classify(new InputLine("", -1, line), false);
                Rule why = cl.decidingRule();
                if (cl.verdict() != Verdict.ATTACK
                        && cl.verdict() != Verdict.VIOLATION
                        && why != null
                        && (why.category() == Category.VIOLATIONS_IGNORE
                                || why.category() == Category.CRACKING_IGNORE)) {
                    c.hidden.computeIfAbsent(why, r -> new ArrayList<>()).add(i);
                }
            }
        }
        return c;
    }

    private static void expensive(
            List<Rule> rules,
            CheckLines lines,
            BooleanSupplier cancelled,
            List<HealthFinding> out) {
        if (lines.size() == 0 || rules.isEmpty()) {
            return;
        }
        int step = Math.max(1, lines.size() / SAMPLE);
        RegexBudget budget = new RegexBudget(100);
        long[] cost = new long[rules.size()];
        int sampled = 0;
        for (int i = 0; i < lines.size(); i += step) {
            sampled++;
        }
        for (Rule r : rules) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("health check cancelled");
            }
            long start = System.nanoTime();
            try {
                for (int i = 0; i < lines.size(); i += step) {
                    budget.find(r, r.pattern(), lines.latin1(i));
                }
                cost[r.id()] = System.nanoTime() - start;
            } catch (RegexBudget.Exceeded e) {
                out.add(finding(Kind.TIME_BUDGET, r, e.getMessage(), List.of()));
                cost[r.id()] = Long.MAX_VALUE;
            }
        }
        int samples = sampled;
        rules.stream()
                .filter(r -> cost[r.id()] != Long.MAX_VALUE)
                .sorted(Comparator.comparingLong((Rule r) -> cost[r.id()]).reversed())
                .limit(EXPENSIVE)
                .forEach(
                        r ->
                                out.add(
                                        finding(
                                                Kind.EXPENSIVE,
                                                r,
                                                String.format(
                                                        java.util.Locale.ROOT,
                                                        "%.1f µs a line as a backtracking regex"
                                                                + " (%d sampled lines)",
                                                        cost[r.id()] / 1000.0 / samples,
                                                        samples),
                                                List.of())));
    }
}
