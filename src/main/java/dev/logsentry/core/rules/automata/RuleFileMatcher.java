package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.ere.EreNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Answers logcheck's question, "does any rule of this file match the line", for every file of a
 * rule tree at once, in one pass over the line's bytes, as grep's DFA does for one file.
 *
 * <p>Nearly every logcheck rule starts with the same syslog header ({@link SyslogHeader}). It is
 * matched once per line by hand; the rest of all those rules runs as one lazily built DFA from
 * where the header ends, reporting one group per file. The few other rules (other headers,
 * unanchored cracking rules) run as a second DFA over the whole line. Splitting the header off is
 * what keeps the automaton small: with the header and unanchored rules in one automaton, the
 * product of their partial matches made millions of states on a 100 MB syslog.
 *
 * <p>Files chosen by {@code perRule} (the few cracking and violations rules) report one group per
 * rule, so the first matching rule of the file is known at once. For the other files the first
 * matching rule is found, when asked ({@link Session#firstRule}), by the file's own automaton that
 * tells its rules apart, built on first use.
 *
 * <p>Immutable and shared; each thread uses its own {@link Session}.
 */
public final class RuleFileMatcher {

    /**
     * The shared DFAs' cache before a flush: 160 MB, but at most an eighth of the heap (tables
     * double as they grow), so a run under a small heap (the bounded child of a large backlog,
     * {@code -Xmx192m}) flushes its cache instead of running out of memory.
     */
    private static final long MAX_CACHE_BYTES =
            Math.min(160L << 20, Runtime.getRuntime().maxMemory() / 8);

    /** DFA cache of each file's explaining automaton. */
    private static final long EXPLAINER_CACHE_BYTES = 4L << 20;

    private final List<RuleFile> files;

    /** First group of each file; groups of file f are [groupBase[f], groupBase[f + 1]). */
    private final int[] groupBase;

    private final boolean[] perRule;
    private final GroupMatcher afterHeader;
    private final GroupMatcher wholeLine;

    /** Lines that no rule of {@link #wholeLine} can match, told without its walk. */
    private final LinePrefilter wholePrefilter;

    private final GroupMatcher[] explainers;

    /** Where the automata are kept between runs, and the digest of what they are built from. */
    private final AutomataStore store;

    private final byte[] digest;

    private RuleFileMatcher(
            List<RuleFile> files,
            Predicate<RuleFile> perRule,
            AutomataStore store,
            java.nio.file.Path root) {
        this.store = store;
        this.files = List.copyOf(files);
        int n = files.size();
        groupBase = new int[n + 1];
        this.perRule = new boolean[n];
        explainers = new GroupMatcher[n];
        List<GroupMatcher.Entry> rests = new ArrayList<>();
        List<GroupMatcher.Entry> wholes = new ArrayList<>();
        int groups = 0;
        for (int f = 0; f < n; f++) {
            RuleFile file = files.get(f);
            this.perRule[f] = perRule.test(file);
            groupBase[f] = groups;
            List<Rule> own = file.rules();
            for (int i = 0; i < own.size(); i++) {
                Rule rule = own.get(i);
                int group = this.perRule[f] ? groups + i : groups;
                EreNode tree = rule.ere().tree();
                EreNode rest = SyslogHeader.rest(tree);
                if (rest != null && SyslogHeader.selective(rest)) {
                    rests.add(new GroupMatcher.Entry(rule, rest, group, true));
                } else {
                    // the tree parsed here, not parsed again
                    wholes.add(
                            new GroupMatcher.Entry(
                                    rule, tree, group, PatternNfa.Builder.anchoredAtStart(tree)));
                }
            }
            groups += this.perRule[f] ? own.size() : own.isEmpty() ? 0 : 1;
        }
        groupBase[n] = groups;
        digest = AutomataDigest.of(rests, wholes, Math.max(1, groups), root);
        ByteBuffer[] parts = store == AutomataStore.NONE ? null : parts(store.load(digest));
        afterHeader =
                GroupMatcher.of(
                        rests,
                        Math.max(1, groups),
                        true,
                        MAX_CACHE_BYTES,
                        parts == null ? null : parts[0],
                        store::ignored);
        wholePrefilter = LinePrefilter.of(wholes, false);
        wholeLine =
                GroupMatcher.of(
                        wholes,
                        Math.max(1, groups),
                        false,
                        MAX_CACHE_BYTES / 4,
                        parts == null ? null : parts[1],
                        store::ignored);
    }

    /** The two automata's images in a stored one (each after its length), or null. */
    private ByteBuffer[] parts(ByteBuffer image) {
        if (image == null) {
            return null;
        }
        ByteBuffer[] parts = new ByteBuffer[2];
        for (int i = 0; i < 2; i++) {
            int length = image.remaining() >= 4 ? image.getInt() : -1;
            if (length < 0 || length > image.remaining()) {
                store.ignored("damaged automata image");
                return null;
            }
            parts[i] = image.slice(image.position(), length);
            image.position(image.position() + length);
        }
        return parts;
    }

    /**
     * Stores the automata when this run built DFA states the stored ones did not have (a file of at
     * most about {@link #MAX_IMAGE_BYTES}). Call it when no line is being matched. Failures are the
     * store's to report: a run never fails for its cache.
     */
    public void saveIfGrown() {
        if (store == AutomataStore.NONE || !(afterHeader.grown() || wholeLine.grown())) {
            return;
        }
        store.save(
                digest,
                out -> {
                    java.io.DataOutputStream data = new java.io.DataOutputStream(out);
                    writePart(data, afterHeader, MAX_IMAGE_BYTES / 4 * 3);
                    writePart(data, wholeLine, MAX_IMAGE_BYTES / 4);
                    data.flush();
                });
    }

    private static void writePart(java.io.DataOutputStream out, GroupMatcher m, long maxBytes)
            throws java.io.IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 20);
        java.io.DataOutputStream part = new java.io.DataOutputStream(buffer);
        m.writeTo(part, maxBytes);
        part.flush();
        out.writeInt(buffer.size());
        buffer.writeTo(out);
    }

    /** Whether both automata were read from the store rather than built (diagnostics, tests). */
    public boolean restored() {
        return afterHeader.restored() && wholeLine.restored();
    }

    /**
     * Bound of a stored image: the DFA states beyond it are built again by the run needing them.
     */
    static final long MAX_IMAGE_BYTES = 64L << 20;

    /**
     * A matcher over every file of {@code tree}, file index = position in {@link #files()}
     * (categories in their order, files in tree order).
     */
    public static RuleFileMatcher of(RuleTree tree, Predicate<RuleFile> perRule) {
        return of(tree, perRule, AutomataStore.NONE);
    }

    /**
     * Like {@link #of(RuleTree, Predicate)}, with the automata read from {@code store} when it
     * holds them for these rules ({@link #saveIfGrown} puts them there).
     */
    public static RuleFileMatcher of(
            RuleTree tree, Predicate<RuleFile> perRule, AutomataStore store) {
        List<RuleFile> files = new ArrayList<>();
        for (Category c : Category.values()) {
            files.addAll(tree.files(c));
        }
        return new RuleFileMatcher(files, perRule, store, tree.root());
    }

    /** The files, by index. */
    public List<RuleFile> files() {
        return files;
    }

    /** The index of {@code file} in {@link #files()}. */
    public int indexOf(RuleFile file) {
        int i = files.indexOf(file);
        if (i < 0) {
            throw new IllegalArgumentException("not a file of this tree: " + file.name());
        }
        return i;
    }

    /** Back-reference rules that ran out of their time budget on some line so far. */
    public java.util.Set<Rule> budgetExceeded() {
        java.util.Set<Rule> all = new java.util.LinkedHashSet<>(wholeLine.budgetExceeded());
        synchronized (this) {
            for (GroupMatcher e : explainers) {
                if (e != null) {
                    all.addAll(e.budgetExceeded());
                }
            }
        }
        return all;
    }

    /** The automata's sizes and flushes, for diagnostics. */
    public String diagnostics() {
        return "after-header: "
                + afterHeader.diagnostics()
                + "; whole-line: "
                + wholeLine.diagnostics();
    }

    /** A new per-thread session. */
    /** The whole-line automaton's prefilter (tests). */
    LinePrefilter wholeLinePrefilter() {
        return wholePrefilter;
    }

    public Session newSession() {
        return new Session();
    }

    private synchronized GroupMatcher explainer(int f) {
        if (explainers[f] == null) {
            List<Rule> own = files.get(f).rules();
            List<GroupMatcher.Entry> entries = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                entries.add(GroupMatcher.Entry.whole(own.get(i), i));
            }
            // one per file, asked only to name a rule: a small cache is enough
            explainers[f] =
                    GroupMatcher.of(entries, Math.max(1, own.size()), false, EXPLAINER_CACHE_BYTES);
        }
        return explainers[f];
    }

    /** One line being matched: its bytes and which groups match it. */
    private final class Slot {
        byte[] bytes = new byte[256];
        int length;
        String line = "";
        final long[] bits = new long[(groupBase[files.size()] + 63) >>> 6];
        final long[] after = new long[bits.length];

        @SuppressWarnings("deprecation")
        void load(String latin1Line) {
            line = latin1Line;
            length = latin1Line.length();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            // copies the low byte of each char: exactly the line's bytes for a Latin-1 string
            latin1Line.getBytes(0, length, bytes, 0);
        }

        void addAfter() {
            add(after);
        }

        /** Adds the groups of {@code more} to this line's. */
        void add(long[] more) {
            for (int i = 0; i < bits.length; i++) {
                bits[i] |= more[i];
            }
        }
    }

    /**
     * Matching state of one thread: {@link #reset} with a line (or {@link #resetPair} with two and
     * {@link #select} one), then ask about files.
     */
    public final class Session {
        private final GroupMatcher.Session rests = afterHeader.newSession();
        private final GroupMatcher.Session wholes = wholeLine.newSession();
        private final GroupMatcher.Session[] explaining = new GroupMatcher.Session[files.size()];
        private final Slot[] slots = {new Slot(), new Slot()};
        private Slot cur = slots[0];

        private Session() {}

        /** Matches {@code latin1Line} (one char per byte) against every file. */
        public void reset(String latin1Line) {
            cur = slots[0];
            cur.load(latin1Line);
            if (wholePrefilter.mayMatch(latin1Line)) {
                long[] whole = wholes.match(cur.bytes, 0, cur.length, latin1Line);
                System.arraycopy(whole, 0, cur.bits, 0, cur.bits.length);
            } else {
                java.util.Arrays.fill(cur.bits, 0);
            }
            int rest = SyslogHeader.restStart(cur.bytes, 0, cur.length);
            if (rest >= 0) {
                cur.add(rests.match(cur.bytes, rest, cur.length, null));
            }
        }

        /**
         * Matches two lines at once (faster than one after the other: the automaton's memory
         * latencies overlap); {@link #select} chooses the line the questions are about, the first
         * one to begin with.
         */
        public void resetPair(String first, String second) {
            Slot a = slots[0];
            Slot b = slots[1];
            a.load(first);
            b.load(second);
            boolean ma = wholePrefilter.mayMatch(first);
            boolean mb = wholePrefilter.mayMatch(second);
            if (ma && mb) {
                wholes.match2(a.bytes, 0, a.length, b.bytes, 0, b.length, a.bits, b.bits);
            } else {
                // a line with none of the whole-line rules' literals needs no walk
                for (Slot one : slots) {
                    if (one == a ? ma : mb) {
                        long[] whole = wholes.match(one.bytes, 0, one.length, one.line);
                        System.arraycopy(whole, 0, one.bits, 0, one.bits.length);
                    } else {
                        java.util.Arrays.fill(one.bits, 0);
                    }
                }
            }
            int ra = SyslogHeader.restStart(a.bytes, 0, a.length);
            int rb = SyslogHeader.restStart(b.bytes, 0, b.length);
            if (ra >= 0 && rb >= 0) {
                rests.match2(a.bytes, ra, a.length, b.bytes, rb, b.length, a.after, b.after);
                a.addAfter();
                b.addAfter();
            } else if (ra >= 0 || rb >= 0) {
                Slot one = ra >= 0 ? a : b;
                one.add(rests.match(one.bytes, ra >= 0 ? ra : rb, one.length, null));
            }
            cur = a;
        }

        /** After {@link #resetPair}: asks about the first line (0) or the second (1). */
        public void select(int which) {
            cur = slots[which];
        }

        /** Whether any rule of file {@code f} matches the current line. */
        public boolean matches(int f) {
            return nextBit(groupBase[f], groupBase[f + 1]) >= 0;
        }

        /** The first rule of file {@code f} matching the current line, or null. */
        public Rule firstRule(int f) {
            int bit = nextBit(groupBase[f], groupBase[f + 1]);
            if (bit < 0) {
                return null;
            }
            List<Rule> own = files.get(f).rules();
            if (perRule[f]) {
                return own.get(bit - groupBase[f]);
            }
            GroupMatcher.Session s = explaining[f];
            if (s == null) {
                s = explainer(f).newSession();
                explaining[f] = s;
            }
            long[] which = s.match(cur.bytes, 0, cur.length, cur.line);
            for (int w = 0; w < which.length; w++) {
                if (which[w] != 0) {
                    return own.get((w << 6) + Long.numberOfTrailingZeros(which[w]));
                }
            }
            throw new IllegalStateException(
                    "file and rule automata disagree on " + files.get(f).name() + ": " + cur.line);
        }

        /**
         * Every rule of file {@code f} that matches the current line, in file order (the file's own
         * automaton tells them apart; run only when the file matches).
         */
        public List<Rule> matchingRules(int f) {
            int bit = nextBit(groupBase[f], groupBase[f + 1]);
            if (bit < 0) {
                return List.of();
            }
            List<Rule> own = files.get(f).rules();
            List<Rule> result = new ArrayList<>(2);
            if (perRule[f]) {
                for (; bit >= 0; bit = nextBit(bit + 1, groupBase[f + 1])) {
                    result.add(own.get(bit - groupBase[f]));
                }
                return result;
            }
            GroupMatcher.Session s = explaining[f];
            if (s == null) {
                s = explainer(f).newSession();
                explaining[f] = s;
            }
            long[] which = s.match(cur.bytes, 0, cur.length, cur.line);
            for (int w = 0; w < which.length; w++) {
                for (long bits = which[w]; bits != 0; bits &= bits - 1) {
                    int k = (w << 6) + Long.numberOfTrailingZeros(bits);
                    if (k < own.size()) {
                        result.add(own.get(k));
                    }
                }
            }
            return result;
        }

        /** The first file among {@code fileIndexes} that matches, or -1. */
        public int firstMatching(int[] fileIndexes) {
            int n = fileIndexes.length;
            if (n > 2 && fileIndexes[n - 1] - fileIndexes[0] == n - 1) {
                // consecutive files (a category): one scan over their groups
                int bit = nextBit(groupBase[fileIndexes[0]], groupBase[fileIndexes[n - 1] + 1]);
                return bit < 0 ? -1 : fileOfGroup(bit);
            }
            for (int f : fileIndexes) {
                if (matches(f)) {
                    return f;
                }
            }
            return -1;
        }

        private int fileOfGroup(int group) {
            int lo = 0;
            int hi = files.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (groupBase[mid] <= group) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            // files without rules share their group base with the next file
            while (groupBase[lo + 1] <= group) {
                lo++;
            }
            return lo;
        }

        /** Every rule of every file that matches the current line, in tree order. */
        public List<Rule> allMatches() {
            List<Rule> result = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                if (matches(f)) {
                    for (Rule r : files.get(f).rules()) {
                        if (r.matches(cur.line)) {
                            result.add(r);
                        }
                    }
                }
            }
            return result;
        }

        private int nextBit(int from, int to) {
            if (from >= to) {
                return -1;
            }
            int word = from >>> 6;
            long[] bits = cur.bits;
            long w = bits[word] & (-1L << from);
            while (true) {
                if (w != 0) {
                    int bit = (word << 6) + Long.numberOfTrailingZeros(w);
                    return bit < to ? bit : -1;
                }
                if (++word >= bits.length || (word << 6) >= to) {
                    return -1;
                }
                w = bits[word];
            }
        }
    }
}
