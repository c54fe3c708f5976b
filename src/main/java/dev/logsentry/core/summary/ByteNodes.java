package dev.logsentry.core.summary;

/**
 * The nodes {@link ByteRegex} compiles a pattern to: each matches its part of the subject at a
 * position, then asks the rest of the pattern ({@code next}), backtracking in the order {@code
 * java.util.regex} does; captures are set on the way and put back when the rest fails.
 */
final class ByteNodes {
    static final int INF = Integer.MAX_VALUE;

    private ByteNodes() {}

    abstract static class Node {
        final Node next;

        Node(Node next) {
            this.next = next;
        }

        abstract boolean m(ByteRegex.Matcher c, int i);

        /** The bytes a match of this node (and what follows) can begin with, or null if any. */
        abstract boolean[] first();
    }

    static final class Accept extends Node {
        Accept() {
            super(null);
        }

        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            c.bounds[1] = i;
            return true;
        }

        @Override
        boolean[] first() {
            return null;
        }
    }

    static final class End extends Node {
        End(Node next) {
            super(next);
        }

        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            return i == c.end && next.m(c, i);
        }

        @Override
        boolean[] first() {
            return null;
        }
    }

    static final class Lits extends Node {
        final byte[] lit;

        Lits(byte[] lit, Node next) {
            super(next);
            this.lit = lit;
        }

        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            byte[] b = c.b;
            if (c.end - i < lit.length) {
                return false;
            }
            if (lit.length > 8) {
                return java.util.Arrays.equals(b, i, i + lit.length, lit, 0, lit.length)
                        && next.m(c, i + lit.length);
            }
            for (int k = 0; k < lit.length; k++) {
                if (b[i + k] != lit[k]) {
                    return false;
                }
            }
            return next.m(c, i + lit.length);
        }

        @Override
        boolean[] first() {
            boolean[] f = new boolean[128];
            f[lit[0]] = true;
            return f;
        }
    }

    /**
     * A class (or one literal byte) repeated {@code min} to {@code max} times; with {@code cap > 0}
     * the run is capturing group {@code cap} (a group of one run, the commonest, without the
     * group's own nodes).
     */
    static final class Run extends Node {
        final boolean[] cls;
        final int min;
        final int max;
        private final boolean lazy;
        private final boolean[] follow; // bytes the rest can begin with, or null
        private final int id; // its row in the matcher's memo of failures
        private final int cap;
        final boolean once; // greedy, and the rest cannot begin inside the run

        Run(boolean[] cls, int min, int max, boolean lazy, int id, int cap, Node next) {
            super(next);
            this.id = id;
            this.cap = cap;
            this.cls = cls;
            this.min = min;
            this.max = max;
            this.lazy = lazy;
            this.follow = next.first();
            boolean disjoint = follow != null;
            for (int k = 0; disjoint && k < 128; k++) {
                disjoint = !(cls[k] && follow[k]);
            }
            this.once = !lazy && disjoint;
        }

        /**
         * Whether the run and the rest match at {@code i}. Nothing but the position decides that
         * (no back-references), so a position that failed once in this attempt fails again: it is
         * remembered, and backtracking over ambiguous runs such as {@code [^,\[]+[^,]*, .*?x} stays
         * linear instead of scanning the rest once per split.
         */
        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            if (once) {
                return match(c, i); // one way to split: nothing worth remembering
            }
            int rel = i - c.from;
            int[] memo = null;
            if (rel < ByteRegex.MEMO) {
                memo = c.memo(id);
                if (memo[rel] == c.gen) {
                    return false;
                }
            }
            if (match(c, i)) {
                return true;
            }
            if (memo != null) {
                memo[rel] = c.gen;
            }
            return false;
        }

        private boolean match(ByteRegex.Matcher c, int i) {
            byte[] b = c.b;
            int end = c.end;
            int lim = end - i > max ? i + max : end;
            int lo = i + min;
            if (lo > lim) {
                return false;
            }
            int j = i;
            if (lazy) {
                while (j < lo) {
                    if (!cls[b[j]]) {
                        return false;
                    }
                    j++;
                }
                boolean[] f = follow;
                while (true) {
                    if ((f == null || (j < end && f[b[j]])) && rest(c, i, j)) {
                        return true;
                    }
                    if (j >= lim || !cls[b[j]]) {
                        return false;
                    }
                    j++;
                }
            }
            while (j < lim && cls[b[j]]) {
                j++;
            }
            if (j < lo) {
                return false;
            }
            boolean[] f = follow;
            if (f == null) {
                for (; j >= lo; j--) {
                    if (rest(c, i, j)) {
                        return true;
                    }
                }
                return false;
            }
            for (; j >= lo; j--) {
                if (j < end && f[b[j]] && rest(c, i, j)) {
                    return true;
                }
            }
            return false;
        }

        /** The rest of the pattern after the run took {@code [i, j)}. */
        private boolean rest(ByteRegex.Matcher c, int i, int j) {
            if (cap == 0) {
                return next.m(c, j);
            }
            int[] bounds = c.bounds;
            int s = bounds[2 * cap];
            int e = bounds[2 * cap + 1];
            bounds[2 * cap] = i;
            bounds[2 * cap + 1] = j;
            if (next.m(c, j)) {
                return true;
            }
            bounds[2 * cap] = s;
            bounds[2 * cap + 1] = e;
            return false;
        }

        @Override
        boolean[] first() {
            return min > 0 ? cls : union(cls, follow);
        }
    }

    /** Where capturing group {@code g} begins. */
    static final class Open extends Node {
        private final int g;

        Open(int g, Node next) {
            super(next);
            this.g = g;
        }

        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            int old = c.open[g];
            c.open[g] = i;
            if (next.m(c, i)) {
                return true;
            }
            c.open[g] = old;
            return false;
        }

        @Override
        boolean[] first() {
            return next.first();
        }
    }

    /** Where capturing group {@code g} ends: its bounds are set, and put back on failure. */
    static final class Close extends Node {
        private final int g;

        Close(int g, Node next) {
            super(next);
            this.g = g;
        }

        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            int[] bounds = c.bounds;
            int s = bounds[2 * g];
            int e = bounds[2 * g + 1];
            bounds[2 * g] = c.open[g];
            bounds[2 * g + 1] = i;
            if (next.m(c, i)) {
                return true;
            }
            bounds[2 * g] = s;
            bounds[2 * g + 1] = e;
            return false;
        }

        @Override
        boolean[] first() {
            return next.first();
        }
    }

    /** Alternatives tried in order (an optional group: itself, then the rest alone). */
    static final class Branch extends Node {
        private final Node[] alts;
        private final boolean[][] firsts;

        Branch(Node[] alts) {
            super(null);
            this.alts = alts;
            this.firsts = new boolean[alts.length][];
            for (int k = 0; k < alts.length; k++) {
                firsts[k] = alts[k].first();
            }
        }

        @Override
        boolean m(ByteRegex.Matcher c, int i) {
            for (int k = 0; k < alts.length; k++) {
                boolean[] f = firsts[k];
                if ((f == null || (i < c.end && f[c.b[i]])) && alts[k].m(c, i)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean[] first() {
            boolean[] u = new boolean[128];
            for (boolean[] f : firsts) {
                if (f == null) {
                    return null;
                }
                u = union(u, f);
            }
            return u;
        }
    }

    static boolean[] union(boolean[] a, boolean[] b) {
        if (a == null || b == null) {
            return null;
        }
        boolean[] u = new boolean[128];
        for (int k = 0; k < 128; k++) {
            u[k] = a[k] || b[k];
        }
        return u;
    }
}
