package dev.logsentry.core.rules.automata;

import java.util.Arrays;

/**
 * The DFA of a {@link GroupMatcher}'s NFA, built lazily, state by state, as lines need it, and
 * shared by all threads: lines are walked without a lock ({@link DfaTable} says why racy reads are
 * safe), building a missing transition takes this object's lock. A cache that grows past its bound
 * is dropped and built again (a new generation).
 *
 * <p>A state is the set of NFA states its threads are in (its members), the context flags its
 * assertions need, and the groups matched on entering it. Its transitions are stored per class of
 * bytes it tells apart (its own map), not per class of the whole NFA: nearly all states have one or
 * two live rules, whose next bytes split the alphabet into a few classes.
 */
final class LazyDfa {
    static final byte FLAG_AT_START = 1;
    static final byte FLAG_PREV_WORD = 2;
    static final int[] NONE = new int[0];

    private final PatternNfa nfa;
    private final boolean midLine;
    private final long maxCacheBytes;

    private volatile DfaTable table;
    private final StateIndex ids = new StateIndex();
    private final ClassMaps maps;
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

    // scratch, used under the lock
    private final NfaWalk walk;
    private int[] next = new int[256];
    private final int[] groupMark;
    private int groupStamp;
    private int[] matchedGroups = new int[16];

    /** A byte of each class of the NFA. */
    private final int[] byteOfClass;

    LazyDfa(
            PatternNfa nfa,
            int groupLimit,
            boolean midLine,
            long maxCacheBytes,
            AutomataImage image) {
        this.nfa = nfa;
        this.midLine = midLine;
        this.maxCacheBytes = maxCacheBytes;
        walk = new NfaWalk(nfa);
        groupMark = new int[groupLimit];
        byteOfClass = new int[nfa.classCount];
        for (int b = 255; b >= 0; b--) {
            byteOfClass[nfa.classOfByte[b]] = b;
        }
        maps = new ClassMaps(nfa, walk.hasWordAssertions());
        DfaTable t = fresh(0);
        this.restored =
                image != null
                        && Arrays.equals(image.members[2], t.members[2])
                        && image.flags[2] == t.flags[2];
        table = restored ? restore(image) : t;
        restoredCount = restored ? image.count : 0;
        statesAdded = 0;
    }

    DfaTable table() {
        return table;
    }

    long flushes() {
        return flushes;
    }

    long cacheBytes() {
        return cacheBytes;
    }

    /** A new, empty generation with the dead and start states. */
    private DfaTable fresh(int generation) {
        DfaTable t = new DfaTable(generation);
        ids.clear();
        maps.clear();
        cacheBytes = t.arrayBytes();
        t.members[1] = NONE;
        t.accepts[1] = NONE;
        t.atEnd[1] = NONE;
        table = t;
        ids.put(t, 1);
        int[] starts = nfa.starts.clone();
        int[] members = walk.closeOver(starts, starts.length);
        // always state 2, even when no rule can start (then it equals the dead state)
        byte f = walk.relevant(members, midLine ? 0 : FLAG_AT_START);
        int start = add(members, f, NONE);
        if (start != 2 || table.rowOf[2] != DfaTable.START) {
            throw new IllegalStateException("start state at " + table.rowOf[start]);
        }
        if (members.length > 0) {
            ids.add(start, StateIndex.hash(members, f, NONE));
        }
        return table;
    }

    /**
     * Builds the transition of the row {@code row} of {@code seen} (the table the caller read) on
     * byte {@code b}; leaves the table to use from now on in {@code current[0]} and returns the
     * entry there.
     */
    synchronized int step(DfaTable[] current, DfaTable seen, int row, int b) {
        DfaTable t = table;
        int state = seen.stateAt(row);
        if (seen.generation != t.generation) {
            // flushed meanwhile: find or rebuild the same state in the new generation
            state = intern(seen.members[state], seen.flags[state], seen.accepts[state]);
            t = table;
        }
        int p = t.rowOf[state];
        int k = t.classOf(p, b);
        int v = k == 0 ? 0 : t.rows[p + 1 + k];
        if (v == 0) {
            if (cacheBytes > maxCacheBytes) {
                int[] keep = t.members[state];
                byte keepFlags = t.flags[state];
                int[] keepAccepts = t.accepts[state];
                flushes++;
                fresh(t.generation + 1);
                state = intern(keep, keepFlags, keepAccepts);
            }
            v = compute(state, b);
            computes++;
        }
        current[0] = table;
        return v;
    }

    /** The groups matched on entering the row {@code row} of {@code seen}. */
    synchronized int[] accepts(DfaTable seen, int row) {
        return seen.accepts[seen.stateAt(row)];
    }

    /** The groups matching at the end of the line in the row {@code row} of {@code seen}. */
    synchronized int[] atEnd(DfaTable seen, int row) {
        int state = seen.stateAt(row);
        int[] groups = seen.atEnd[state];
        if (groups == null) {
            byte f = seen.flags[state];
            int n =
                    walk.expand(
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

    /** Fills in the entry of {@code state} on byte {@code b} in the current table. */
    private int compute(int state, int b) {
        DfaTable t = table;
        int c = nfa.classOfByte[b];
        byte f = t.flags[state];
        int[] from = t.members[state];
        boolean nextWord = nfa.wordClass[c];
        int n =
                walk.hasAssertion(from)
                        ? walk.expand(
                                from,
                                (f & FLAG_AT_START) != 0,
                                false,
                                (f & FLAG_PREV_WORD) != 0,
                                nextWord)
                        : walk.copyToExpanded(from);
        int[] matched = matches(n);
        // step over class c, leaving out the threads of groups that just matched
        walk.newMarks();
        int count = 0;
        for (int i = 0; i < n; i++) {
            int q = walk.expanded[i];
            if (nfa.op(q) == PatternNfa.BYTE
                    && nfa.consumes(q, c)
                    && groupMark[nfa.group(q)] != groupStamp) {
                for (int r : walk.closure(nfa.out(q))) {
                    if (walk.mark[r] != walk.markStamp) {
                        walk.mark[r] = walk.markStamp;
                        next = push(next, count++, r);
                    }
                }
            }
        }
        int[] members = Arrays.copyOf(next, count);
        Arrays.sort(members);
        int target = intern(members, nextWord ? FLAG_PREV_WORD : 0, matched);
        t = table; // intern may have grown it
        int p = t.rowOf[state];
        int q = t.rowOf[target];
        int value = matched.length == 0 || target == 1 ? q : -q;
        int k = t.classOf(p, b);
        if (k != 0) {
            t.rows[p + 1 + k] = value;
        }
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
            int q = walk.expanded[i];
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
     * The number of the state (members, flags, groups matched on entry) in the current table, added
     * when new (the table may be replaced by a larger one).
     */
    private int intern(int[] members, int stateFlags, int[] accepted) {
        if (!ids.complete()) {
            // a table read from an image: its states are indexed from the first new one on
            DfaTable t = table;
            ids.clear();
            for (int s = 1; s < t.count; s++) {
                ids.put(t, s);
            }
        }
        byte f = walk.relevant(members, (byte) stateFlags);
        int hash = StateIndex.hash(members, f, accepted);
        int found = ids.find(table, members, f, accepted, hash);
        if (found > 0) {
            return found;
        }
        if (members.length == 0 && accepted.length == 0) {
            return 1;
        }
        int s = add(members, f, accepted);
        ids.add(s, hash);
        return s;
    }

    /** Adds a state (not indexed) with its row and, when no state had its map, a new map. */
    private int add(int[] members, byte f, int[] accepted) {
        DfaTable t = table;
        int map = mapFor(members);
        boolean newMap = map < 0;
        int classes = newMap ? maps.pendingClasses() : t.mapClasses[map];
        int ints = 3 + classes;
        if (!t.fits(ints, newMap)) {
            DfaTable grown = new DfaTable(t, t.used + ints, t.count + 1, t.mapCount + 1);
            cacheBytes += grown.arrayBytes() - t.arrayBytes();
            t = grown;
            table = t;
        }
        if (newMap) {
            map = maps.add(t);
            cacheBytes += 256 + 64;
        }
        int s = t.count;
        t.members[s] = members;
        t.flags[s] = f;
        t.accepts[s] = accepted;
        int p = t.used + 1;
        t.rows[p - 1] = s;
        t.rows[p] = map << 8;
        t.used = p + 2 + classes;
        t.rowOf[s] = p;
        t.count = s + 1;
        statesAdded++;
        cacheBytes += 4L * members.length + 4L * accepted.length + DfaTable.STATE_BYTES;
        return s;
    }

    /**
     * The first generation as {@code image} has it: its states in their order (the start state,
     * number 2, checked by the caller) and the transitions it built.
     */
    private DfaTable restore(AutomataImage image) {
        table.atEnd[2] = image.atEnd[2];
        for (int s = 3; s < image.count; s++) {
            int added = add(image.members[s], image.flags[s], image.accepts[s]);
            table.atEnd[added] = image.atEnd[s];
        }
        statesAdded = 0;
        DfaTable t = table;
        for (int i = 0; i < image.edgeCount; i++) {
            int p = t.rowOf[image.edges[3 * i]];
            int k = t.classOf(p, byteOfClass[image.edges[3 * i + 1]]);
            int v = image.edges[3 * i + 2];
            int q = t.rowOf[v >>> 1];
            if (k != 0) {
                t.rows[p + 1 + k] = (v & 1) != 0 ? -q : q;
            }
        }
        ids.incomplete();
        return t;
    }

    /**
     * How much each state carries, averaged over the current table: its NFA members, the rules and
     * the groups they belong to (diagnostics: whether states multiply by the rules alive in them).
     */
    synchronized String liveness() {
        DfaTable t = table;
        // every pattern's states follow its MATCH state (PatternNfa.Builder.build)
        int[] patternOf = new int[nfa.size()];
        int pattern = -1;
        for (int q = 0; q < nfa.size(); q++) {
            pattern += nfa.op(q) == PatternNfa.MATCH ? 1 : 0;
            patternOf[q] = pattern;
        }
        long members = 0;
        long patterns = 0;
        long groups = 0;
        int most = 0;
        java.util.BitSet seenPatterns = new java.util.BitSet();
        java.util.BitSet seenGroups = new java.util.BitSet();
        for (int s = 2; s < t.count; s++) {
            seenPatterns.clear();
            seenGroups.clear();
            for (int q : t.members[s]) {
                seenPatterns.set(Math.max(0, patternOf[q]));
                seenGroups.set(nfa.group(q));
            }
            members += t.members[s].length;
            patterns += seenPatterns.cardinality();
            groups += seenGroups.cardinality();
            most = Math.max(most, seenPatterns.cardinality());
        }
        double n = Math.max(1, t.count - 2);
        return String.format(
                java.util.Locale.ROOT,
                "per state %.1f NFA states, %.1f rules (at most %d), %.1f groups alive",
                members / n,
                patterns / n,
                most,
                groups / n);
    }

    /** The first states of the current table, as many as take about {@code maxBytes}. */
    synchronized AutomataImage image(long maxBytes) {
        return AutomataImage.of(table, nfa, maxBytes);
    }

    /**
     * The map of a state with these members when one exists, else -1 with the new map pending in
     * {@link #maps}.
     */
    private int mapFor(int[] members) {
        // the class sets of every byte state the members reach, assertions or not
        int n =
                walk.reach(
                        members,
                        members.length,
                        NfaWalk.EVERY_ASSERTION,
                        false,
                        false,
                        false,
                        false);
        int sets = 0;
        for (int i = 0; i < n; i++) {
            int q = walk.expanded[i];
            if (nfa.op(q) == PatternNfa.BYTE) {
                next = push(next, sets++, nfa.arg(q));
            }
        }
        Arrays.sort(next, 0, sets);
        int distinct = 0;
        for (int i = 0; i < sets; i++) {
            if (distinct == 0 || next[distinct - 1] != next[i]) {
                next[distinct++] = next[i];
            }
        }
        return maps.find(Arrays.copyOf(next, distinct));
    }

    static int[] push(int[] array, int at, int value) {
        if (at == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
        }
        array[at] = value;
        return array;
    }
}
