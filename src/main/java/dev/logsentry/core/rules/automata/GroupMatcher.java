package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.ere.EreNode;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Answers "which groups of rules have a rule matching this line" in one pass over the line's bytes,
 * the way grep's DFA does: all rules are compiled into one NFA ({@link PatternNfa}) that is run as
 * a DFA built lazily, state by state, as lines need it. A rule file is typically one group:
 * logcheck asks per file whether any of its rules matches.
 *
 * <p>Once a group has matched, the threads of all its rules are dropped, so the automaton only
 * carries what can still change the answer. Rules an automaton cannot run (back-references) and
 * oversized ones are run with java.util.regex on the lines that contain one of their literals, and
 * only while their group is still unmatched.
 *
 * <p>The matcher is shared by all threads, and so is its DFA ({@link LazyDfa}): a state computed by
 * one thread is used by all. Lines are matched without locking; building a missing state takes a
 * lock ({@link DfaTable} says why the racy reads are safe). A cache that grows past {@link
 * #MAX_CACHE_BYTES} is dropped and rebuilt. Each thread uses its own {@link Session}.
 */
public final class GroupMatcher {

    /** DFA cache size before it is flushed and rebuilt. */
    static final long MAX_CACHE_BYTES = Math.min(160L << 20, Runtime.getRuntime().maxMemory() / 8);

    private final PatternNfa nfa;
    private final int groupCount;

    /** Rules the automaton only approximates (back-references), confirmed by regex. */
    private final List<Rule> verifiedRules;

    private final int[] verifiedGroups;

    /** Rules too large for the automaton: literal prefilter and regex. */
    private final List<Rule> sideRules;

    private final int[] sideGroups;
    private final boolean midLine;
    private final LazyDfa dfa;

    private GroupMatcher(
            PatternNfa nfa,
            int groupCount,
            List<Rule> verifiedRules,
            int[] verifiedGroups,
            List<Rule> sideRules,
            int[] sideGroups,
            boolean midLine,
            long maxCacheBytes,
            AutomataImage image) {
        this.midLine = midLine;
        this.nfa = nfa;
        this.groupCount = groupCount;
        this.verifiedRules = verifiedRules;
        this.verifiedGroups = verifiedGroups;
        this.sideRules = sideRules;
        this.sideGroups = sideGroups;
        this.dfa =
                new LazyDfa(nfa, groupCount + verifiedRules.size(), midLine, maxCacheBytes, image);
    }

    /**
     * A matcher over {@code rules}, rule {@code i} reporting group {@code groupOfRule[i]}; a
     * negative group leaves the rule out.
     */
    public static GroupMatcher of(List<Rule> rules, int[] groupOfRule, int groupCount) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (groupOfRule[i] >= 0) {
                entries.add(Entry.whole(rules.get(i), groupOfRule[i]));
            }
        }
        return of(entries, groupCount, false, MAX_CACHE_BYTES);
    }

    /**
     * What one rule contributes: the pattern to run (the rule's, or the rest of it after a header
     * matched elsewhere), the group it reports and whether it is tried only where the scan starts.
     * A null {@code tree} is parsed from the rule.
     */
    record Entry(Rule rule, EreNode tree, int group, boolean anchored) {
        static Entry whole(Rule rule, int group) {
            return new Entry(rule, null, group, false);
        }
    }

    /**
     * A matcher over {@code entries}. With {@code midLine} scans start after the beginning of the
     * line, behind a non-word byte ({@code ^} does not hold there, {@code \<} may).
     */
    static GroupMatcher of(
            List<Entry> entries, int groupCount, boolean midLine, long maxCacheBytes) {
        return of(entries, groupCount, midLine, maxCacheBytes, null, null);
    }

    /**
     * Like {@link #of(List, int, boolean, long)}; with {@code image} (what {@link #writeTo} wrote
     * for the same entries) the NFA and the DFA states built by earlier runs are read from it
     * instead of being built.
     *
     * @param problem receives why an image was not used (then the automaton is built), or null
     */
    static GroupMatcher of(
            List<Entry> entries,
            int groupCount,
            boolean midLine,
            long maxCacheBytes,
            java.nio.ByteBuffer image,
            java.util.function.Consumer<String> problem) {
        PatternNfa.Builder builder = new PatternNfa.Builder();
        List<Rule> verified = new ArrayList<>();
        List<Integer> verifiedGroups = new ArrayList<>();
        List<Rule> side = new ArrayList<>();
        List<Integer> sideGroups = new ArrayList<>();
        for (Entry entry : entries) {
            int group = entry.group();
            if (group < 0 || group >= groupCount) {
                throw new IllegalArgumentException("group " + group + " of " + groupCount);
            }
            Rule rule = entry.rule();
            try {
                EreNode tree = entry.tree() != null ? entry.tree() : rule.ere().tree();
                boolean anchored =
                        entry.tree() != null
                                ? entry.anchored()
                                : PatternNfa.Builder.anchoredAtStart(tree);
                if (PatternNfa.Builder.hasBackReference(tree)) {
                    if (midLine) {
                        throw new IllegalArgumentException("back-reference in a rule's rest");
                    }
                    // the automaton reports a stand-in group; the regex decides
                    builder.add(tree, groupCount + verified.size(), anchored);
                    verified.add(rule);
                    verifiedGroups.add(group);
                } else {
                    builder.add(tree, group, anchored);
                }
            } catch (PatternNfa.Unsupported e) {
                if (midLine) {
                    throw new IllegalArgumentException("rule's rest not compilable: " + rule, e);
                }
                side.add(rule);
                sideGroups.add(group);
            }
        }
        int groupLimit = groupCount + verified.size();
        PatternNfa nfa = null;
        AutomataImage states = null;
        if (image != null) {
            try {
                nfa = AutomataImage.readNfa(image, groupLimit);
                long rowBytes = DfaTable.STATE_BYTES / 2;
                states =
                        AutomataImage.readFrom(image, nfa, groupLimit, maxCacheBytes / 2, rowBytes);
            } catch (AutomataImage.Invalid e) {
                nfa = null;
                states = null;
                if (problem != null) {
                    problem.accept(e.getMessage());
                }
            }
        }
        return new GroupMatcher(
                nfa != null ? nfa : builder.build(),
                groupCount,
                List.copyOf(verified),
                verifiedGroups.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(side),
                sideGroups.stream().mapToInt(Integer::intValue).toArray(),
                midLine,
                maxCacheBytes,
                states);
    }

    /**
     * Writes the NFA and the DFA states built so far for {@link #of(List, int, boolean, long,
     * java.nio.ByteBuffer, java.util.function.Consumer)}: the first states, as many as take about
     * {@code maxBytes} in the file. Call it when no line is being matched.
     */
    void writeTo(java.io.DataOutputStream out, long maxBytes) throws java.io.IOException {
        AutomataImage.writeNfa(nfa, out);
        dfa.image(maxBytes).writeTo(out);
    }

    /**
     * Whether this matcher built DFA states since it was made, or, when it was read from an image,
     * enough of them to be worth writing the image again (2% more, at least 64: writing costs about
     * as much as reading).
     */
    boolean grown() {
        long enough = dfa.restored ? Math.max(64, dfa.restoredCount / 50) : 1;
        return dfa.statesAdded >= enough;
    }

    /** Whether this matcher's automaton was read from an image rather than built. */
    boolean restored() {
        return dfa.restored;
    }

    /** How many groups there are; a session's result has one bit per group (and no others). */
    public int groupCount() {
        return groupCount;
    }

    /** The rules run with java.util.regex instead of the automaton (for diagnostics). */
    public List<Rule> sideRules() {
        return sideRules;
    }

    /**
     * The rules with back-references: the automaton runs an approximation of each and only its
     * matches are confirmed with java.util.regex (for diagnostics).
     */
    public List<Rule> verifiedRules() {
        return verifiedRules;
    }

    /** Size and flushes of the shared DFA, for diagnostics. */
    public String diagnostics() {
        return nfa.size()
                + " NFA states, "
                + nfa.classCount
                + " byte classes, "
                + dfa.table().count
                + " DFA states, "
                + dfa.flushes()
                + " flushes, "
                + (dfa.cacheBytes() >> 20)
                + " MB, "
                + dfa.computes
                + " transitions built, "
                + dfa.liveness();
    }

    /** A new per-thread session. */
    public Session newSession() {
        return new Session(dfa);
    }

    /** A session with a private DFA flushed past {@code maxCacheBytes} (tests, diagnostics). */
    Session newSession(long maxCacheBytes) {
        return new Session(
                new LazyDfa(nfa, groupCount + verifiedRules.size(), midLine, maxCacheBytes, null));
    }

    /** Matching state of one thread. Not thread-safe; the DFA behind it is. */
    public final class Session {
        private final LazyDfa shared;
        private final long[] result = new long[(groupCount + verifiedRules.size() + 63) >>> 6];
        private final Matcher[] sideMatchers = new Matcher[sideRules.size()];

        /** The table the last {@link LazyDfa#step} left to use. */
        private final DfaTable[] current = new DfaTable[1];

        private Session(LazyDfa shared) {
            this.shared = shared;
        }

        /**
         * The groups with a rule matching {@code latin1Line} (one char per byte), as a bit set
         * indexed by group. The returned array is reused by the next call.
         */
        @SuppressWarnings("deprecation")
        public long[] match(String latin1Line) {
            byte[] bytes = new byte[latin1Line.length()];
            // copies the low byte of each char: exactly the line's bytes for a Latin-1 string
            latin1Line.getBytes(0, bytes.length, bytes, 0);
            return match(bytes, 0, bytes.length, latin1Line);
        }

        /** Like {@link #match(String)} for the bytes {@code bytes[from, to)}. */
        public long[] match(byte[] bytes, int from, int to) {
            return match(bytes, from, to, null);
        }

        /**
         * Like {@link #match(byte[], int, int)}; {@code latin1}, when not null, is the same line as
         * a string (saves a copy for the rules run by regex).
         */
        long[] match(byte[] bytes, int from, int to, String latin1) {
            Arrays.fill(result, 0);
            finish(shared.table(), DfaTable.START, bytes, from, from, to, latin1, result);
            return result;
        }

        /**
         * Matches two lines at once into {@code outA} and {@code outB}: their DFA walks are
         * interleaved, so that the memory latency of one overlaps the other's (the walk is bound by
         * it once the transition table outgrows the caches).
         */
        void match2(
                byte[] a,
                int aFrom,
                int aTo,
                byte[] b,
                int bFrom,
                int bTo,
                long[] outA,
                long[] outB) {
            Arrays.fill(outA, 0);
            Arrays.fill(outB, 0);
            DfaTable table = shared.table();
            int[] r = table.rows;
            byte[] maps = table.maps;
            int sa = DfaTable.START;
            int sb = sa;
            int ia = aFrom;
            int ib = bFrom;
            while (ia < aTo && ib < bTo) {
                int va = r[sa + 1 + (maps[r[sa] + (a[ia] & 0xff)] & 0xff)];
                int vb = r[sb + 1 + (maps[r[sb] + (b[ib] & 0xff)] & 0xff)];
                if (va <= DfaTable.DEAD || vb <= DfaTable.DEAD) {
                    break; // accepting, dead or not built: one at a time
                }
                sa = va;
                sb = vb;
                ia++;
                ib++;
            }
            finish(table, sa, a, aFrom, ia, aTo, null, outA);
            finish(table, sb, b, bFrom, ib, bTo, null, outB);
        }

        /**
         * Walks {@code bytes[i, to)} from the row {@code s} of {@code table} (the line started at
         * {@code from}) and adds the matching groups to {@code out}.
         */
        private void finish(
                DfaTable table,
                int s,
                byte[] bytes,
                int from,
                int i,
                int to,
                String latin1,
                long[] out) {
            int[] r = table.rows;
            byte[] maps = table.maps;
            final int dead = DfaTable.DEAD;
            for (; i < to; i++) {
                int b = bytes[i] & 0xff;
                int v = r[s + 1 + (maps[r[s] + b] & 0xff)];
                if (v > dead) {
                    s = v;
                    continue;
                }
                if (v == 0) {
                    v = shared.step(current, table, s, b);
                    table = current[0];
                    r = table.rows;
                    maps = table.maps;
                    if (v > dead) {
                        s = v;
                        continue;
                    }
                }
                if (v == dead) {
                    s = dead;
                    break;
                }
                // an accepting state: groups matched on the way into it
                s = -v;
                int[] groups = table.accepts[r[s - 1]];
                if (groups == null) {
                    groups = shared.accepts(table, s);
                }
                for (int group : groups) {
                    out[group >>> 6] |= 1L << group;
                }
            }
            if (s != dead) {
                int[] groups = table.atEnd[r[s - 1]];
                if (groups == null) {
                    groups = shared.atEnd(table, s);
                }
                for (int group : groups) {
                    out[group >>> 6] |= 1L << group;
                }
            }
            if (!verifiedRules.isEmpty() || !sideRules.isEmpty()) {
                confirm(bytes, from, to, latin1, out);
            }
        }

        /** Confirms the stand-in groups of rules with back-references, runs the side rules. */
        private void confirm(byte[] bytes, int from, int to, String latin1, long[] result) {
            for (int k = 0; k < verifiedRules.size(); k++) {
                int stand = groupCount + k;
                if ((result[stand >>> 6] & (1L << stand)) == 0) {
                    continue;
                }
                result[stand >>> 6] &= ~(1L << stand);
                int group = verifiedGroups[k];
                if ((result[group >>> 6] & (1L << group)) != 0) {
                    continue;
                }
                if (latin1 == null) {
                    latin1 = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                }
                if (backReferenceMatches(verifiedRules.get(k), latin1)) {
                    result[group >>> 6] |= 1L << group;
                }
            }
            for (int k = 0; k < sideRules.size(); k++) {
                int group = sideGroups[k];
                if ((result[group >>> 6] & (1L << group)) != 0) {
                    continue;
                }
                Rule rule = sideRules.get(k);
                if (!rule.ere().ignoreCase()
                        && !containsAny(bytes, from, to, rule.ere().requiredLiterals())) {
                    continue;
                }
                if (latin1 == null) {
                    latin1 = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                }
                if (regexMatches(rule, sideMatchers, k, latin1)) {
                    result[group >>> 6] |= 1L << group;
                }
            }
        }
    }

    /**
     * Confirms a back-reference rule with the backtracking regex, under {@link #BACK_REFERENCE_MS}
     * per line: a back-reference makes matching NP-hard, and one hostile line must not stop a
     * check. A rule that runs out counts as not matching that line (the line stays reported unless
     * another rule decides it) and is remembered in {@link #budgetExceeded()}.
     */
    private boolean backReferenceMatches(Rule rule, String line) {
        try {
            return BUDGET.find(rule, rule.pattern(), line);
        } catch (RegexBudget.Exceeded e) {
            budgetExceeded.add(rule);
            return false;
        }
    }

    /** Time a back-reference rule may take on one line. */
    public static final long BACK_REFERENCE_MS = 1000;

    private static final RegexBudget BUDGET = new RegexBudget(BACK_REFERENCE_MS);

    private final java.util.Set<Rule> budgetExceeded =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The back-reference rules that ran out of their time budget on some line so far. */
    public java.util.Set<Rule> budgetExceeded() {
        return java.util.Set.copyOf(budgetExceeded);
    }

    /** Whether one of {@code literals} occurs in the bytes; true when there are none. */
    private static boolean containsAny(byte[] bytes, int from, int to, List<String> literals) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String literal : literals) {
            int n = literal.length();
            outer:
            for (int i = from; i + n <= to; i++) {
                for (int k = 0; k < n; k++) {
                    if ((bytes[i + k] & 0xff) != literal.charAt(k)) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean regexMatches(Rule rule, Matcher[] cache, int k, String line) {
        Matcher m = cache[k];
        if (m == null) {
            m = rule.pattern().matcher("");
            cache[k] = m;
        }
        m.reset(line);
        return rule.ere().anchored() ? PatternMatch.lookingAt(m) : PatternMatch.find(m);
    }

    private static int[] push(int[] array, int at, int value) {
        if (at == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
        }
        array[at] = value;
        return array;
    }
}
