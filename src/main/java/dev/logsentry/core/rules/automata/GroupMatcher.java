package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.ere.EreNode;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The matcher is shared by all threads, and so is its DFA: a state computed by one thread is
 * used by all. Lines are matched without locking; building a missing state takes a lock. Racy reads
 * are safe by construction: an entry of the transition table is written once, from 0 ("not built
 * yet") to its final value, every table a thread can see is internally consistent, and a value that
 * looks missing sends the reader to the lock, which publishes everything. A cache that grows past
 * {@link #MAX_CACHE_BYTES} is dropped and rebuilt. Each thread uses its own {@link Session}.
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
    private final Dfa dfa;

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
        this.dfa = new Dfa(maxCacheBytes, image); // last: it reads the fields above
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
                long rowBytes = (4L << DfaTable.shiftFor(nfa.classCount)) + 24;
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
                + dfa.flushes
                + " flushes, "
                + (dfa.cacheBytes >> 20)
                + " MB, "
                + dfa.computes
                + " transitions built";
    }

    /** A new per-thread session. */
    public Session newSession() {
        return new Session(dfa);
    }

    /** A session with a private DFA flushed past {@code maxCacheBytes} (tests, diagnostics). */
    Session newSession(long maxCacheBytes) {
        return new Session(new Dfa(maxCacheBytes, null));
    }

    /** Matching state of one thread. Not thread-safe; the DFA behind it is. */
    public final class Session {
        private final Dfa shared;
        private final long[] result = new long[(groupCount + verifiedRules.size() + 63) >>> 6];
        private final byte[] classOfByte = nfa.classOfByte;
        private final Matcher[] sideMatchers = new Matcher[sideRules.size()];

        /** The table the last {@link Dfa#step} returned. */
        private DfaTable current;

        private Session(Dfa shared) {
            this.shared = shared;
            this.current = shared.table();
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
            DfaTable table = shared.table();
            finish(table, table.start, bytes, from, from, to, latin1, result);
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
            int[] t = table.trans;
            int dead = table.dead;
            int sa = table.start;
            int sb = sa;
            int ia = aFrom;
            int ib = bFrom;
            while (ia < aTo && ib < bTo) {
                int va = t[sa + classOfByte[a[ia] & 0xff]];
                int vb = t[sb + classOfByte[b[ib] & 0xff]];
                if (va <= dead || vb <= dead) {
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
         * Walks {@code bytes[i, to)} from state {@code s} of {@code table} (the line started at
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
            int[] t = table.trans;
            int shift = table.shift;
            int dead = table.dead;
            for (; i < to; i++) {
                int c = classOfByte[bytes[i] & 0xff];
                int v = t[s + c];
                if (v > dead) {
                    s = v;
                    continue;
                }
                if (v == 0) {
                    v = shared.step(this, table, s, c);
                    table = current;
                    t = table.trans;
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
                int[] groups = table.accepts[s >>> shift];
                if (groups == null) {
                    groups = shared.accepts(table, s >>> shift);
                }
                for (int group : groups) {
                    out[group >>> 6] |= 1L << group;
                }
            }
            if (s != dead) {
                int[] groups = table.atEnd[s >>> shift];
                if (groups == null) {
                    groups = shared.atEnd(table, s >>> shift);
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

    /** The lazily built DFA shared by sessions: construction under its lock. */
    private final class Dfa {
        private static final byte FLAG_AT_START = 1;
        private static final byte FLAG_PREV_WORD = 2;
        private static final int[] NONE = new int[0];
        private static final EreNode.Anchor.Kind[] KINDS = EreNode.Anchor.Kind.values();

        private final long maxCacheBytes;
        private volatile DfaTable table;
        private Map<StateKey, Integer> stateIds = new HashMap<>();
        private long cacheBytes;
        private volatile long flushes;

        /** Transitions built (diagnostics). */
        long computes;

        /** States added since this DFA was made or read. */
        long statesAdded;

        /** Whether the first generation was read from an image. */
        final boolean restored;

        /** States read from the image. */
        final int restoredCount;

        /** Whether {@link #stateIds} holds every state of the table (else built on first use). */
        private boolean idsComplete;

        // scratch, used under the lock
        private final int[] mark;
        private int markStamp;
        private int[] stack = new int[256];
        private int[] expanded = new int[256];
        private int[] next = new int[256];
        private final int[] groupMark;
        private int groupStamp;
        private int[] matchedGroups = new int[16];

        Dfa(long maxCacheBytes, AutomataImage image) {
            this.maxCacheBytes = maxCacheBytes;
            mark = new int[nfa.size()];
            groupMark = new int[groupCount + verifiedRules.size()];
            DfaTable t = fresh(0);
            this.restored =
                    image != null
                            && Arrays.equals(image.members[2], t.members[2])
                            && image.flags[2] == t.flags[2];
            table = restored ? restore(image, t.flags[2]) : t;
            restoredCount = restored ? image.count : 0;
        }

        /** The first generation as {@code image} has it (its start state checked by the caller). */
        private DfaTable restore(AutomataImage image, byte startFlags) {
            // room for an eighth more before the first growth (not the next power of two: the
            // table of 70,000 states would take 64 MB at once)
            int capacity = Math.max(64, image.count + image.count / 8);
            DfaTable t = new DfaTable(nfa.classCount, capacity, 0);
            System.arraycopy(image.members, 2, t.members, 2, image.count - 2);
            System.arraycopy(image.accepts, 2, t.accepts, 2, image.count - 2);
            System.arraycopy(image.atEnd, 2, t.atEnd, 2, image.count - 2);
            System.arraycopy(image.flags, 2, t.flags, 2, image.count - 2);
            t.members[1] = NONE;
            t.accepts[1] = NONE;
            t.atEnd[1] = NONE;
            t.flags[2] = startFlags;
            for (int i = 0; i < image.edgeCount; i++) {
                int s = image.edges[3 * i];
                int v = image.edges[3 * i + 2];
                int p = (v >>> 1) << t.shift;
                t.trans[(s << t.shift) + image.edges[3 * i + 1]] = (v & 1) != 0 ? -p : p;
            }
            t.count = image.count;
            stateIds.clear();
            idsComplete = false;
            cacheBytes = (long) (capacity - 64) * ((4L << t.shift) + 24);
            for (int s = 2; s < image.count; s++) {
                cacheBytes += 4L * t.members[s].length + 4L * t.accepts[s].length + 96;
            }
            return t;
        }

        /** The first states of the current table, as many as take about {@code maxBytes}. */
        synchronized AutomataImage image(long maxBytes) {
            DfaTable t = table;
            int n = 3;
            long bytes = 0;
            while (n < t.count) {
                bytes += AutomataImage.fileBytes(t.members[n], t.accepts[n]);
                if (bytes > maxBytes) {
                    break;
                }
                n++;
            }
            int[] edges = new int[3 * 1024];
            int e = 0;
            for (int s = 2; s < n; s++) {
                for (int c = 0; c < nfa.classCount; c++) {
                    int v = t.trans[(s << t.shift) + c];
                    if (v == 0) {
                        continue;
                    }
                    int target = (v < 0 ? -v : v) >>> t.shift;
                    if (target >= n) {
                        continue;
                    }
                    if (3 * e == edges.length) {
                        edges = Arrays.copyOf(edges, edges.length * 2);
                    }
                    edges[3 * e] = s;
                    edges[3 * e + 1] = c;
                    edges[3 * e + 2] = target << 1 | (v < 0 ? 1 : 0);
                    e++;
                }
            }
            return new AutomataImage(n, t.flags, t.members, t.accepts, t.atEnd, edges, e);
        }

        DfaTable table() {
            return table;
        }

        /** A new, empty generation with the dead and start states. */
        private DfaTable fresh(int generation) {
            DfaTable t = new DfaTable(nfa.classCount, 64, generation);
            stateIds.clear();
            idsComplete = true;
            cacheBytes = 0;
            t.count = 2;
            t.members[1] = NONE;
            t.accepts[1] = NONE;
            t.atEnd[1] = NONE;
            stateIds.put(new StateKey(NONE, (byte) 0, NONE), 1);
            int[] starts = nfa.starts.clone();
            int[] members = closeOver(starts, starts.length);
            byte f = relevant(members, (byte) (midLine ? 0 : FLAG_AT_START));
            t.members[2] = members;
            t.flags[2] = f;
            t.accepts[2] = NONE;
            stateIds.put(new StateKey(members, f, NONE), 2);
            t.count = 3;
            return t;
        }

        /**
         * Builds the transition of state {@code row} (a row of {@code seen}, the table the caller
         * read) on class {@code c}; leaves the table to use from now on in {@code session.current}
         * and returns the entry there.
         */
        synchronized int step(Session session, DfaTable seen, int row, int c) {
            DfaTable t = table;
            int state = row >>> seen.shift;
            if (seen.generation != t.generation) {
                // flushed meanwhile: find or rebuild the same state in the new generation
                state = intern(t, seen.members[state], seen.flags[state], seen.accepts[state]);
                t = table;
            }
            int v = t.trans[(state << t.shift) + c];
            if (v == 0) {
                if (cacheBytes > maxCacheBytes) {
                    int[] keep = t.members[state];
                    byte keepFlags = t.flags[state];
                    int[] keepAccepts = t.accepts[state];
                    flushes++;
                    table = fresh(t.generation + 1);
                    state = intern(table, keep, keepFlags, keepAccepts);
                }
                v = compute(state, c);
                computes++;
            }
            session.current = table;
            return v;
        }

        /** The groups matched on entering state {@code state} of {@code seen}. */
        synchronized int[] accepts(DfaTable seen, int state) {
            return seen.accepts[state];
        }

        /** The groups matching at the end of the line in state {@code state} of {@code seen}. */
        synchronized int[] atEnd(DfaTable seen, int state) {
            int[] groups = seen.atEnd[state];
            if (groups == null) {
                byte f = seen.flags[state];
                int n =
                        expand(
                                seen.members[state],
                                (f & FLAG_AT_START) != 0,
                                true,
                                (f & FLAG_PREV_WORD) != 0,
                                false);
                groups = matches(n);
                seen.atEnd[state] = groups;
            }
            return groups;
        }

        /** Fills in the entry of {@code state} on class {@code c} in the current table. */
        private int compute(int state, int c) {
            DfaTable t = table;
            byte f = t.flags[state];
            boolean prevWord = (f & FLAG_PREV_WORD) != 0;
            boolean atStart = (f & FLAG_AT_START) != 0;
            int n = expand(t.members[state], atStart, false, prevWord, nfa.wordClass[c]);
            int[] matched = matches(n);
            // step over class c, leaving out the threads of groups that just matched
            int count = 0;
            for (int i = 0; i < n; i++) {
                int q = expanded[i];
                if (nfa.op(q) == PatternNfa.BYTE
                        && nfa.consumes(q, c)
                        && groupMark[nfa.group(q)] != groupStamp) {
                    next = push(next, count++, nfa.out(q));
                }
            }
            int[] members = closeOver(next, count);
            int target = intern(t, members, nfa.wordClass[c] ? FLAG_PREV_WORD : 0, matched);
            t = table; // intern may have grown it
            int p = target << t.shift;
            int value = matched.length == 0 || target == 1 ? p : -p;
            t.trans[(state << t.shift) + c] = value;
            return value;
        }

        /** The groups of the MATCH states among the expanded states, marked in groupMark. */
        private int[] matches(int n) {
            if (++groupStamp == 0) {
                Arrays.fill(groupMark, 0);
                groupStamp = 1;
            }
            int matched = 0;
            for (int i = 0; i < n; i++) {
                int q = expanded[i];
                if (nfa.op(q) == PatternNfa.MATCH) {
                    int g = nfa.arg(q);
                    if (groupMark[g] != groupStamp) {
                        groupMark[g] = groupStamp;
                        matchedGroups = push(matchedGroups, matched++, g);
                    }
                }
            }
            if (matched == 0) {
                return NONE;
            }
            int[] groups = Arrays.copyOf(matchedGroups, matched);
            Arrays.sort(groups);
            return groups;
        }

        /**
         * Follows splits and the assertions that hold in the given context; leaves the reached BYTE
         * and MATCH states in {@link #expanded} and returns how many.
         */
        private int expand(
                int[] states, boolean atStart, boolean atEnd, boolean prevWord, boolean nextWord) {
            return reach(states, states.length, true, atStart, atEnd, prevWord, nextWord);
        }

        /** The members reached from {@code from[0, count)} through splits, sorted. */
        private int[] closeOver(int[] from, int count) {
            int n = reach(from, count, false, false, false, false, false);
            int[] members = Arrays.copyOf(expanded, n);
            Arrays.sort(members);
            return members;
        }

        /**
         * Depth first from {@code from[0, count)} through splits and, with {@code assertions},
         * through the assertions that hold in the given context (else an assertion is kept like a
         * byte state); leaves the states where it stops in {@link #expanded}, returns how many.
         */
        private int reach(
                int[] from,
                int count,
                boolean assertions,
                boolean atStart,
                boolean atEnd,
                boolean prevWord,
                boolean nextWord) {
            newMarks();
            int sp = 0;
            int n = 0;
            for (int i = 0; i < count; i++) {
                stack = push(stack, sp++, from[i]);
            }
            while (sp > 0) {
                int q = stack[--sp];
                if (mark[q] == markStamp) {
                    continue;
                }
                mark[q] = markStamp;
                int op = nfa.op(q);
                if (op == PatternNfa.SPLIT) {
                    stack = push(stack, sp++, nfa.out(q));
                    if (nfa.out2(q) >= 0) {
                        stack = push(stack, sp++, nfa.out2(q));
                    }
                } else if (op == PatternNfa.ASSERT && assertions) {
                    if (holds(nfa.arg(q), atStart, atEnd, prevWord, nextWord)) {
                        stack = push(stack, sp++, nfa.out(q));
                    }
                } else {
                    expanded = push(expanded, n++, q);
                }
            }
            return n;
        }

        private void newMarks() {
            if (++markStamp == 0) {
                Arrays.fill(mark, 0);
                markStamp = 1;
            }
        }

        private boolean holds(
                int kind, boolean atStart, boolean atEnd, boolean prevWord, boolean nextWord) {
            return switch (KINDS[kind]) {
                case LINE_START -> atStart;
                case LINE_END -> atEnd;
                case WORD_START -> !prevWord && nextWord;
                case WORD_END -> prevWord && !nextWord;
                case WORD_BOUNDARY -> prevWord != nextWord;
                case NOT_WORD_BOUNDARY -> prevWord == nextWord;
            };
        }

        /**
         * The index of the state (members, flags, groups matched on entry) in the current table.
         */
        private int intern(DfaTable t, int[] members, int stateFlags, int[] accepted) {
            if (!idsComplete) {
                // a table read from an image: its states are looked up from the first new one on
                stateIds = new HashMap<>(t.count * 2);
                for (int s = 1; s < t.count; s++) {
                    stateIds.put(new StateKey(t.members[s], t.flags[s], t.accepts[s]), s);
                }
                idsComplete = true;
            }
            byte f = relevant(members, (byte) stateFlags);
            StateKey key = new StateKey(members, f, accepted);
            Integer id = stateIds.get(key);
            if (id != null) {
                return id;
            }
            if (members.length == 0 && accepted.length == 0) {
                return 1;
            }
            if (t.count == t.capacity()) {
                t = new DfaTable(t, t.capacity() * 2);
                table = t;
                // the table is allocated for its capacity: count it
                cacheBytes += (long) t.capacity() / 2 * ((4L << t.shift) + 24);
            }
            int index = t.count;
            t.members[index] = members;
            t.flags[index] = f;
            t.accepts[index] = accepted;
            t.count = index + 1;
            stateIds.put(key, index);
            statesAdded++;
            cacheBytes += 4L * members.length + 4L * accepted.length + 96;
            return index;
        }

        /**
         * {@code stateFlags} without the flags no assertion reachable from {@code stateMembers}
         * reads (assertions can follow one another through splits).
         */
        private byte relevant(int[] stateMembers, byte stateFlags) {
            if (stateFlags == 0) {
                return 0;
            }
            boolean any = false;
            for (int q : stateMembers) {
                any |= nfa.op(q) == PatternNfa.ASSERT;
            }
            if (!any) {
                return 0;
            }
            byte needed = 0;
            newMarks();
            int sp = 0;
            for (int q : stateMembers) {
                if (nfa.op(q) == PatternNfa.ASSERT) {
                    stack = push(stack, sp++, q);
                }
            }
            while (sp > 0) {
                int q = stack[--sp];
                if (mark[q] == markStamp) {
                    continue;
                }
                mark[q] = markStamp;
                if (nfa.op(q) == PatternNfa.ASSERT) {
                    EreNode.Anchor.Kind kind = KINDS[nfa.arg(q)];
                    if (kind == EreNode.Anchor.Kind.LINE_START) {
                        needed |= FLAG_AT_START;
                    } else if (kind != EreNode.Anchor.Kind.LINE_END) {
                        needed |= FLAG_PREV_WORD;
                    }
                    stack = push(stack, sp++, nfa.out(q));
                } else if (nfa.op(q) == PatternNfa.SPLIT) {
                    stack = push(stack, sp++, nfa.out(q));
                    if (nfa.out2(q) >= 0) {
                        stack = push(stack, sp++, nfa.out2(q));
                    }
                }
            }
            return (byte) (stateFlags & needed);
        }
    }

    private static int[] push(int[] array, int at, int value) {
        if (at == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
        }
        array[at] = value;
        return array;
    }
}
