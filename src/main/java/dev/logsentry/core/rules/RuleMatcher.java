package dev.logsentry.core.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Answers "which of these rules match this line" without running every regex on every line.
 *
 * <p>Each rule contributes its required literals ({@link CompiledEre#requiredLiterals()}); one pass
 * of a {@link LiteralIndex} over the line finds the rules whose literal occurs, and only those
 * rules (plus the few without a usable literal) run their regex. Results are memoised per line, so
 * the several passes of a logcheck run never evaluate a rule twice on the same line.
 *
 * <p>The matcher is immutable and shared; each thread uses its own {@link Session}.
 */
public final class RuleMatcher {

    /** An extra literal required by more rules than this is not used to filter. */
    private static final int MAX_CONJUNCT_SHARING = 8;

    private final List<Rule> rules;
    private final LiteralIndex index;

    /** For each literal: entries {@code rule << 3 | group}. */
    private final int[][] postingsOfLiteral;

    /** For each rule: how many literal groups must be satisfied. */
    private final int[] needed;

    private final long[] alwaysRun;
    private final int alwaysRunCount;

    private RuleMatcher(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> postings = new LinkedHashMap<>();
        alwaysRun = new long[(rules.size() + 63) >>> 6];
        needed = new int[rules.size()];
        int always = 0;
        List<List<List<String>>> groupsOfRule = new ArrayList<>();
        Map<String, Integer> conjunctUse = new java.util.HashMap<>();
        for (Rule rule : rules) {
            List<List<String>> groups = requirementGroups(rule.ere());
            groupsOfRule.add(groups);
            for (int g = 1; g < groups.size(); g++) {
                conjunctUse.merge(groups.get(g).get(0), 1, Integer::sum);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.id() != i) {
                throw new IllegalArgumentException("rules must be indexed by id: " + rule);
            }
            List<List<String>> groups = selective(groupsOfRule.get(i), conjunctUse);
            if (groups.isEmpty()) {
                alwaysRun[i >>> 6] |= 1L << i;
                always++;
                continue;
            }
            needed[i] = groups.size();
            for (int g = 0; g < groups.size(); g++) {
                for (String literal : groups.get(g)) {
                    postings.computeIfAbsent(literal, l -> new ArrayList<>()).add(i << 3 | g);
                }
            }
        }
        alwaysRunCount = always;
        List<String> literals = new ArrayList<>(postings.keySet());
        postingsOfLiteral = new int[literals.size()][];
        for (int i = 0; i < literals.size(); i++) {
            postingsOfLiteral[i] =
                    postings.get(literals.get(i)).stream().mapToInt(Integer::intValue).toArray();
        }
        index = new LiteralIndex(literals);
    }

    /**
     * Drops extra literals shared by many rules (" sshd[" is in every sshd rule): they select
     * little and would make every sshd line update the counters of all of them.
     */
    private static List<List<String>> selective(
            List<List<String>> groups, Map<String, Integer> conjunctUse) {
        if (groups.size() < 2) {
            return groups;
        }
        List<List<String>> kept = new ArrayList<>();
        kept.add(groups.get(0));
        for (int g = 1; g < groups.size(); g++) {
            if (conjunctUse.get(groups.get(g).get(0)) <= MAX_CONJUNCT_SHARING) {
                kept.add(groups.get(g));
            }
        }
        return kept;
    }

    /**
     * The literal groups a line must satisfy before the rule's regex runs: one of the alternatives
     * of {@link CompiledEre#requiredLiterals()}, and each of {@link CompiledEre#allOfLiterals()}.
     * Literals shorter than the index's grams are left out; a rule with no group left (or matched
     * ignoring case) runs on every line.
     */
    private static List<List<String>> requirementGroups(CompiledEre ere) {
        List<List<String>> groups = new ArrayList<>();
        if (ere.ignoreCase()) {
            return groups;
        }
        List<String> any = ere.requiredLiterals();
        if (!any.isEmpty() && any.stream().allMatch(l -> l.length() >= LiteralIndex.GRAM)) {
            groups.add(any);
        }
        for (String literal : ere.allOfLiterals()) {
            if (literal.length() >= LiteralIndex.GRAM
                    && !(any.size() == 1 && any.get(0).equals(literal))
                    && groups.size() < 8) {
                groups.add(List.of(literal));
            }
        }
        return groups;
    }

    /**
     * A matcher over {@code rules}, which must be indexed by their ids (as {@link
     * RuleTree#rules()}).
     */
    public static RuleMatcher of(List<Rule> rules) {
        return new RuleMatcher(rules);
    }

    /** The rules, indexed by id. */
    public List<Rule> rules() {
        return rules;
    }

    /** How many rules have no usable literal and run on every line (for diagnostics). */
    public int alwaysRunCount() {
        return alwaysRunCount;
    }

    /** A new per-thread session. */
    public Session newSession() {
        return new Session();
    }

    /**
     * Matching state for one thread: call {@link #reset} with a line, then ask about rules. Not
     * thread-safe.
     */
    public final class Session {
        private final long[] candidates = new long[alwaysRun.length];
        private final Matcher[] matchers = new Matcher[rules.size()];
        private final int[] memoStamp = new int[rules.size()];
        private final boolean[] memo = new boolean[rules.size()];
        private final int[] literalStamp = new int[postingsOfLiteral.length];
        private final int[] groupStamp = new int[rules.size()];
        private final int[] groupsSeen = new int[rules.size()];
        private int stamp;
        private final LiteralIndex.Found onLiteral = this::literal;
        private long regexRuns;
        private long regexMatches;
        private CharSequence line = "";

        private Session() {}

        /** Starts work on {@code latin1Line} (one char per byte). */
        public void reset(CharSequence latin1Line) {
            byte[] bytes = latin1Line.toString().getBytes(StandardCharsets.ISO_8859_1);
            reset(latin1Line, bytes, bytes.length);
        }

        /**
         * Starts work on {@code latin1Line}, whose bytes are also given as {@code bytes[0, length)}
         * (the caller's buffer, read only during this call).
         */
        public void reset(CharSequence latin1Line, byte[] bytes, int length) {
            line = latin1Line;
            if (++stamp == 0) {
                Arrays.fill(memoStamp, 0);
                Arrays.fill(literalStamp, 0);
                Arrays.fill(groupStamp, 0);
                stamp = 1;
            }
            System.arraycopy(alwaysRun, 0, candidates, 0, candidates.length);
            index.scan(bytes, length, onLiteral);
        }

        /**
         * Called by the literal index: counts the groups literal {@code id} satisfies and marks the
         * rules whose groups are now all satisfied.
         */
        private void literal(int id) {
            if (literalStamp[id] == stamp) {
                return;
            }
            literalStamp[id] = stamp;
            for (int posting : postingsOfLiteral[id]) {
                int rule = posting >>> 3;
                int bit = 1 << (posting & 7);
                if (groupStamp[rule] != stamp) {
                    groupStamp[rule] = stamp;
                    groupsSeen[rule] = 0;
                }
                int seen = groupsSeen[rule];
                if ((seen & bit) == 0) {
                    seen |= bit;
                    groupsSeen[rule] = seen;
                    if (Integer.bitCount(seen) == needed[rule]) {
                        candidates[rule >>> 6] |= 1L << rule;
                    }
                }
            }
        }

        /** How many regexes this session has run (for diagnostics and benchmarks). */
        public long regexRuns() {
            return regexRuns;
        }

        /** How many of those runs matched. */
        public long regexMatches() {
            return regexMatches;
        }

        /** Whether rule {@code id} matches the current line. */
        public boolean matches(int id) {
            if ((candidates[id >>> 6] & (1L << id)) == 0) {
                return false;
            }
            if (memoStamp[id] == stamp) {
                return memo[id];
            }
            Matcher m = matchers[id];
            if (m == null) {
                m = rules.get(id).pattern().matcher("");
                matchers[id] = m;
            }
            m.reset(line);
            boolean result =
                    rules.get(id).ere().anchored()
                            ? PatternMatch.lookingAt(m)
                            : PatternMatch.find(m);
            memoStamp[id] = stamp;
            memo[id] = result;
            regexRuns++;
            if (result) {
                regexMatches++;
            }
            return result;
        }

        /**
         * Whether some rule in {@code [from, to)} passed the prefilter: when not, none of them can
         * match the current line.
         */
        public boolean anyCandidate(int from, int to) {
            return nextCandidate(from, to) >= 0;
        }

        /** The lowest id in {@code [from, to)} whose rule matches, or -1. */
        public int firstMatch(int from, int to) {
            int id = nextCandidate(from, to);
            while (id >= 0) {
                if (matches(id)) {
                    return id;
                }
                id = nextCandidate(id + 1, to);
            }
            return -1;
        }

        /** Every rule in {@code [from, to)} that matches, in id order. */
        public List<Rule> allMatches(int from, int to) {
            List<Rule> result = new ArrayList<>();
            for (int id = nextCandidate(from, to); id >= 0; id = nextCandidate(id + 1, to)) {
                if (matches(id)) {
                    result.add(rules.get(id));
                }
            }
            return result;
        }

        private int nextCandidate(int from, int to) {
            if (from >= to) {
                return -1;
            }
            int word = from >>> 6;
            long bits = candidates[word] & (-1L << from);
            while (true) {
                if (bits != 0) {
                    int id = (word << 6) + Long.numberOfTrailingZeros(bits);
                    return id < to ? id : -1;
                }
                if (++word >= candidates.length || (word << 6) >= to) {
                    return -1;
                }
                bits = candidates[word];
            }
        }
    }
}
