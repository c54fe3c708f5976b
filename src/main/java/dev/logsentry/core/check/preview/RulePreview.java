package dev.logsentry.core.check.preview;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.automata.GroupMatcher;
import dev.logsentry.core.rules.automata.RegexBudget;
import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreNode;
import dev.logsentry.core.rules.ere.EreParser;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;

/**
 * The preview of one rule being edited: which of the loaded lines it matches, and where in a line
 * (the part to highlight). Matching runs on the check engine's linear automaton ({@link
 * GroupMatcher}), so no pattern can freeze it; a rule with a back-reference, which needs the
 * backtracking regex engine, runs under a {@link RegexBudget} per line and the scan stops, naming
 * the rule, when the budget is hit. Thread-safe, cancellable; meant to run off the UI thread.
 */
public final class RulePreview {

    /** Per-line budget for back-reference rules and for highlighting. */
    public static final long LINE_BUDGET_MS = 100;

    private RulePreview() {}

    /** A rule object for {@code pattern} (logcheck 1.4: case-sensitive). */
    public static Rule rule(String pattern, Category category, Path file, int line)
            throws EreSyntaxException {
        CompiledEre ere = EreTranslator.compile(pattern, false);
        return new Rule(category, file.getFileName().toString(), file, line, ere, 0);
    }

    /**
     * The lines of {@code lines} that {@code rule} matches.
     *
     * @param threads worker threads (the calling thread only when 1)
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static RuleMatches matches(
            Rule rule, CheckLines lines, int threads, BooleanSupplier cancelled) {
        return matches(rule, lines, threads, cancelled, null);
    }

    /**
     * The lines of {@code lines} that {@code rule} matches, using and updating {@code hits} (the
     * lines that contain literals of earlier previews of the same lines; null for none).
     *
     * <p>Two passes: the lines that contain the rule's longest required literal (from {@code hits},
     * or found among the lines a remembered part of it bounds, or among all lines), then the rule's
     * automaton on those lines only. The first pass is one {@code String.contains} per line, the
     * part of a preview that grows with the loaded lines.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static RuleMatches matches(
            Rule rule, CheckLines lines, int threads, BooleanSupplier cancelled, LiteralHits hits) {
        if (hasBackReference(rule)) {
            return withBudget(rule, lines, cancelled);
        }
        GroupMatcher matcher = GroupMatcher.of(List.of(rule), new int[] {0}, 1);
        // the literals every match contains: a line without them is never walked
        boolean literals = !rule.ere().ignoreCase();
        String[] all = literals ? rule.ere().allOfLiterals().toArray(new String[0]) : new String[0];
        String[] any =
                literals ? rule.ere().requiredLiterals().toArray(new String[0]) : new String[0];
        int[] candidates = null; // every line
        if (all.length > 0) {
            String longest = longest(all);
            candidates = hits == null ? null : hits.exact(longest);
            if (candidates == null) {
                int[] bound = hits == null ? null : hits.narrowest(longest);
                candidates = containing(longest, lines, bound, threads, cancelled);
                if (hits != null) {
                    hits.put(longest, candidates);
                }
            }
        }
        int[] among = candidates;
        int[] found =
                LineScan.select(
                        among == null ? lines.size() : among.length,
                        threads,
                        cancelled,
                        () -> {
                            LineScan.Bytes walk = new LineScan.Bytes(matcher.newSession());
                            return k -> {
                                String line = lines.latin1(among == null ? k : among[k]);
                                return contains(line, all, any) && walk.match(line)[0] != 0;
                            };
                        });
        if (among != null) {
            for (int k = 0; k < found.length; k++) {
                found[k] = among[found[k]];
            }
        }
        return new RuleMatches(rule, lines.size(), found, null);
    }

    private static String longest(String[] literals) {
        String best = literals[0];
        for (String l : literals) {
            if (l.length() > best.length()) {
                best = l;
            }
        }
        return best;
    }

    /** The lines (of {@code bound}, or all when null) that contain {@code literal}, ascending. */
    private static int[] containing(
            String literal, CheckLines lines, int[] bound, int threads, BooleanSupplier cancelled) {
        int[] found =
                LineScan.select(
                        bound == null ? lines.size() : bound.length,
                        threads,
                        cancelled,
                        () ->
                                bound == null
                                        ? i -> lines.latin1(i).contains(literal)
                                        : k -> lines.latin1(bound[k]).contains(literal));
        if (bound != null) {
            for (int k = 0; k < found.length; k++) {
                found[k] = bound[found[k]];
            }
        }
        return found;
    }

    private static boolean contains(String line, String[] all, String[] any) {
        for (String literal : all) {
            if (!line.contains(literal)) {
                return false;
            }
        }
        if (any.length == 0) {
            return true;
        }
        for (String literal : any) {
            if (line.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static RuleMatches withBudget(Rule rule, CheckLines lines, BooleanSupplier cancelled) {
        RegexBudget budget = new RegexBudget(LINE_BUDGET_MS);
        AtomicReference<String> hit = new AtomicReference<>();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if ((i & 4095) == 0) {
                CancelToken.check(cancelled);
            }
            try {
                if (budget.find(rule, rule.pattern(), lines.latin1(i))) {
                    found.add(i);
                }
            } catch (RegexBudget.Exceeded e) {
                hit.set(e.getMessage() + " (line " + (i + 1) + " of the loaded lines)");
                break;
            }
        }
        return new RuleMatches(
                rule,
                lines.size(),
                found.stream().mapToInt(Integer::intValue).toArray(),
                hit.get());
    }

    /**
     * Where {@code rule} matches in {@code line}: each match as {@code {start, end}} (what grep
     * --color would highlight: leftmost matches, empty ones skipped). Runs the regex under the
     * per-line budget.
     *
     * @throws RegexBudget.Exceeded when the regex ran out of time on this line
     */
    public static List<int[]> spans(Rule rule, String line) {
        Matcher m = new RegexBudget(LINE_BUDGET_MS).matcher(rule, rule.pattern(), line);
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        while (from <= line.length() && m.find(from)) {
            if (m.end() > m.start()) {
                spans.add(new int[] {m.start(), m.end()});
                from = m.end();
            } else {
                from = m.end() + 1;
            }
            if (rule.ere().anchored()) {
                break;
            }
        }
        return spans;
    }

    static boolean hasBackReference(Rule rule) {
        try {
            return EreNode.hasBackReference(
                    EreParser.parse(rule.source(), rule.ere().ignoreCase()));
        } catch (EreSyntaxException e) {
            return false;
        }
    }
}
