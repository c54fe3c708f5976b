package dev.logsentry.core.check.preview;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.LineVerdicts;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.automata.GroupMatcher;
import dev.logsentry.core.rules.edit.TreeEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What an edit of the rules would do to the verdicts of the loaded lines, computed with the engine
 * of {@code logsentry check}.
 *
 * <p>The cheap, exact way: a line's verdict depends on the rules only through which rule files
 * match it (and on whether the run has an attack, which {@link LineVerdicts} keeps both answers
 * for). So only lines on which an edited file's old and new rules disagree can change. One small
 * automaton over just the changed files' old and new rules (two groups per file) finds those lines
 * in one linear pass; only they are classified again, with the edited tree. When the edit creates
 * or removes a rule directory (which switches a whole pass on or off) every line is classified
 * again.
 *
 * <p>Immutable after {@link #baseline}; every method is thread-safe and cancellable.
 */
public final class EditPreview {

    private final RuleTree tree;
    private final CheckOptions options;
    private final CheckLines lines;
    private final LineVerdicts verdicts;
    private final LiteralHits hits;

    private EditPreview(
            RuleTree tree, CheckOptions options, CheckLines lines, LineVerdicts verdicts) {
        this.tree = tree;
        this.options = options;
        this.lines = lines;
        this.verdicts = verdicts;
        this.hits = new LiteralHits(lines.size());
    }

    /** Classifies {@code lines} with {@code tree}: the verdicts edits are compared against. */
    public static EditPreview baseline(
            RuleTree tree, CheckOptions options, CheckLines lines, BooleanSupplier cancelled) {
        Classifier classifier = new Classifier(tree, options);
        return new EditPreview(
                tree, options, lines, LineVerdicts.compute(classifier, lines, cancelled));
    }

    public RuleTree tree() {
        return tree;
    }

    public CheckLines lines() {
        return lines;
    }

    /** The verdicts now. */
    public LineVerdicts verdicts() {
        return verdicts;
    }

    /**
     * The lines {@code rule} (the one being edited) matches; the lines found to contain its
     * literals are remembered for the next keystroke ({@link LiteralHits}).
     */
    public RuleMatches matches(Rule rule, BooleanSupplier cancelled) {
        return RulePreview.matches(rule, lines, options.threads(), cancelled, hits);
    }

    /** The change if rule file {@code source} had {@code fileLines} (unsaved editor content). */
    public VerdictChanges ifFileWere(
            Path source, List<String> fileLines, BooleanSupplier cancelled) {
        return ifTreeWere(TreeEdit.replaceSource(tree, source, fileLines), cancelled);
    }

    /** The change if the rules were {@code edited} (any number of files changed). */
    public VerdictChanges ifTreeWere(RuleTree edited, BooleanSupplier cancelled) {
        boolean sameDirectories = true;
        for (Category c : Category.values()) {
            sameDirectories &= tree.hasDirectory(c) == edited.hasDirectory(c);
        }
        if (!sameDirectories) {
            LineVerdicts all =
                    LineVerdicts.compute(new Classifier(edited, options), lines, cancelled);
            return diff(all, lines.size());
        }
        List<Rule> rules = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int changed = 0;
        for (Category c : Category.values()) {
            List<String> names = new ArrayList<>();
            tree.files(c).forEach(f -> names.add(f.name()));
            edited.files(c).stream()
                    .map(RuleFile::name)
                    .filter(n -> !names.contains(n))
                    .forEach(names::add);
            for (String name : names) {
                List<Rule> before = tree.file(c, name).map(RuleFile::rules).orElse(List.of());
                List<Rule> after = edited.file(c, name).map(RuleFile::rules).orElse(List.of());
                if (sources(before).equals(sources(after))) {
                    continue;
                }
                for (Rule r : before) {
                    rules.add(r);
                    groups.add(2 * changed);
                }
                for (Rule r : after) {
                    rules.add(r);
                    groups.add(2 * changed + 1);
                }
                changed++;
            }
        }
        if (changed == 0) {
            return VerdictChanges.NONE;
        }
        int[] groupOf = groups.stream().mapToInt(Integer::intValue).toArray();
        GroupMatcher matcher = GroupMatcher.of(rules, groupOf, 2 * changed);
        int files = changed;
        List<String> gate = gate(rules);
        int[] affected =
                LineScan.select(
                        lines.size(),
                        options.threads(),
                        cancelled,
                        () -> {
                            LineScan.Bytes walk = new LineScan.Bytes(matcher.newSession());
                            return i -> {
                                String line = lines.latin1(i);
                                return passes(line, gate) && disagree(walk.match(line), files);
                            };
                        });
        if (affected.length == 0) {
            return new VerdictChanges(new int[0], new Verdict[0], new Verdict[0], 0);
        }
        Classifier next = new Classifier(edited, options);
        LineVerdicts after = verdicts.with(next, lines, affected, cancelled);
        return diff(after, affected.length);
    }

    /** A gate with more literals than this costs more than the automaton it saves. */
    private static final int MAX_GATE = 8;

    /**
     * Literals of which every line any of {@code rules} matches contains one, or null for no gate.
     * Per rule: a literal every match contains (the one most rules share, so that the set stays
     * small), else its set of alternatives; then reduced to literals containing no other (a line
     * with "sshd[" also has "sshd").
     */
    static List<String> gate(List<Rule> rules) {
        java.util.Map<String, Integer> shared = new java.util.HashMap<>();
        for (Rule r : rules) {
            r.ere().allOfLiterals().forEach(l -> shared.merge(l, 1, Integer::sum));
        }
        List<String> all = new ArrayList<>();
        for (Rule r : rules) {
            if (r.ere().ignoreCase()) {
                return null;
            }
            java.util.Optional<String> one =
                    r.ere().allOfLiterals().stream()
                            .max(
                                    java.util.Comparator.comparingInt((String l) -> shared.get(l))
                                            .thenComparingInt(String::length));
            if (one.isPresent()) {
                all.add(one.get());
            } else if (!r.ere().requiredLiterals().isEmpty()) {
                all.addAll(r.ere().requiredLiterals());
            } else {
                return null;
            }
        }
        all.sort(java.util.Comparator.comparingInt(String::length));
        List<String> minimal = new ArrayList<>();
        for (String literal : all) {
            if (minimal.stream().noneMatch(literal::contains)) {
                minimal.add(literal);
            }
        }
        return minimal.size() > MAX_GATE ? null : minimal;
    }

    private static boolean passes(String line, List<String> gate) {
        if (gate == null) {
            return true;
        }
        for (String literal : gate) {
            if (line.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any changed file's old group and new group differ in {@code bits}. */
    private static boolean disagree(long[] bits, int files) {
        for (int k = 0; k < files; k++) {
            int old = 2 * k;
            int neu = old + 1;
            boolean a = (bits[old >>> 6] & (1L << old)) != 0;
            boolean b = (bits[neu >>> 6] & (1L << neu)) != 0;
            if (a != b) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sources(List<Rule> rules) {
        return rules.stream().map(Rule::source).toList();
    }

    private VerdictChanges diff(LineVerdicts after, int reevaluated) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (verdicts.verdict(i) != after.verdict(i)) {
                at.add(i);
            }
        }
        int[] idx = at.stream().mapToInt(Integer::intValue).toArray();
        Verdict[] b = new Verdict[idx.length];
        Verdict[] a = new Verdict[idx.length];
        for (int k = 0; k < idx.length; k++) {
            b[k] = verdicts.verdict(idx[k]);
            a[k] = after.verdict(idx[k]);
        }
        return new VerdictChanges(idx, b, a, reevaluated);
    }

    /** This preview with {@code edited} as its baseline (after a save). */
    public EditPreview rebased(RuleTree edited, BooleanSupplier cancelled) {
        return baseline(edited, options, lines, cancelled);
    }
}
