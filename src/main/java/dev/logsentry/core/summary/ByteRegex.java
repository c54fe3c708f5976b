package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule patterns' regex engine for the summary: matches a message's bytes in place, with the
 * answers of {@code java.util.regex}'s {@code lookingAt()} (the same match, the same groups), for
 * the forms the bundled services use: literals, classes ({@code \s \S \d \w [^,\s]} ...) and {@code
 * .}, greedy and lazy repetition of one character ({@code * + ? {n,m}}, {@code *?}), capturing and
 * non-capturing groups, alternation, groups made optional with {@code ?}, {@code ^} at the start
 * and {@code $}. It backtracks in the order Java does, so the first match found and its groups are
 * Java's; it is faster because it reads bytes through 128-entry tables instead of code points
 * through predicates, and because a repetition tries the rest of the pattern only where its next
 * byte can begin it ({@code .*?PROTO=} looks for a {@code P}). Anything else ({@code compile}
 * returns null: flags, look-around, back-references, {@code \b}, repeated groups, possessive
 * quantifiers, non-ASCII in the pattern) stays with {@code java.util.regex}.
 *
 * <p>A subject must be {@link #plain}: ASCII without {@code \r} or {@code \n}. Then a byte is a
 * char, {@code .} is any byte and {@code $} is the end; other messages go to {@code
 * java.util.regex}. Compiled patterns are immutable and shared; a {@link Matcher} is one thread's.
 */
final class ByteRegex {
    private static final int INF = Integer.MAX_VALUE;
    private final Node start;
    private final List<String> names;

    private ByteRegex(Node start, List<String> names) {
        this.start = start;
        this.names = java.util.Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** The engine for {@code regex}, or null when the pattern uses a form it does not take. */
    static ByteRegex compile(String regex) {
        try {
            Parser p = new Parser(regex);
            Seq top = p.top();
            return new ByteRegex(top.compile(new Accept()), p.names);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Whether {@code b[from, to)} can be matched here: ASCII, no {@code \r}, no {@code \n}. */
    static boolean plain(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** The capturing groups' names by number (group 1 first; null for an unnamed group). */
    List<String> names() {
        return names;
    }

    Matcher matcher() {
        return new Matcher();
    }

    /** One thread's matcher: the groups of its last match, as offsets into the subject array. */
    final class Matcher {
        byte[] b;
        int end;
        final int[] bounds = new int[2 * (names.size() + 1)];
        final int[] open = new int[names.size() + 1];

        /** Matches at {@code from} (as {@code lookingAt()}); the subject must be {@link #plain}. */
        boolean lookingAt(byte[] subject, int from, int to) {
            b = subject;
            end = to;
            java.util.Arrays.fill(bounds, -1);
            bounds[0] = from;
            boolean m = start.m(this, from);
            b = null;
            return m;
        }

        int start(int g) {
            return bounds[2 * g];
        }

        int end(int g) {
            return bounds[2 * g + 1];
        }

        int groupCount() {
            return names.size();
        }
    }

    // ---- the nodes: each matches its part at i, then asks the rest (next) ----

    private abstract static class Node {
        final Node next;

        Node(Node next) {
            this.next = next;
        }

        abstract boolean m(Matcher c, int i);

        /** The bytes a match of this node (and what follows) can begin with, or null if any. */
        abstract boolean[] first();
    }

    private static final class Accept extends Node {
        Accept() {
            super(null);
        }

        @Override
        boolean m(Matcher c, int i) {
            c.bounds[1] = i;
            return true;
        }

        @Override
        boolean[] first() {
            return null;
        }
    }

    private static final class End extends Node {
        End(Node next) {
            super(next);
        }

        @Override
        boolean m(Matcher c, int i) {
            return i == c.end && next.m(c, i);
        }

        @Override
        boolean[] first() {
            return null;
        }
    }

    private static final class Lits extends Node {
        private final byte[] lit;

        Lits(byte[] lit, Node next) {
            super(next);
            this.lit = lit;
        }

        @Override
        boolean m(Matcher c, int i) {
            byte[] b = c.b;
            if (c.end - i < lit.length) {
                return false;
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

    /** A class (or one literal byte) repeated {@code min} to {@code max} times. */
    private static final class Run extends Node {
        private final boolean[] cls;
        private final int min;
        private final int max;
        private final boolean lazy;
        private final boolean[] follow; // bytes the rest can begin with, or null

        Run(boolean[] cls, int min, int max, boolean lazy, Node next) {
            super(next);
            this.cls = cls;
            this.min = min;
            this.max = max;
            this.lazy = lazy;
            this.follow = next.first();
        }

        @Override
        boolean m(Matcher c, int i) {
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
                    if ((f == null || (j < end && f[b[j]])) && next.m(c, j)) {
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
                    if (next.m(c, j)) {
                        return true;
                    }
                }
                return false;
            }
            for (; j >= lo; j--) {
                if (j < end && f[b[j]] && next.m(c, j)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean[] first() {
            return min > 0 ? cls : union(cls, follow);
        }
    }

    /** Where capturing group {@code g} begins. */
    private static final class Open extends Node {
        private final int g;

        Open(int g, Node next) {
            super(next);
            this.g = g;
        }

        @Override
        boolean m(Matcher c, int i) {
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
    private static final class Close extends Node {
        private final int g;

        Close(int g, Node next) {
            super(next);
            this.g = g;
        }

        @Override
        boolean m(Matcher c, int i) {
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
    private static final class Branch extends Node {
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
        boolean m(Matcher c, int i) {
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

    private static boolean[] union(boolean[] a, boolean[] b) {
        if (a == null || b == null) {
            return null;
        }
        boolean[] u = new boolean[128];
        for (int k = 0; k < 128; k++) {
            u[k] = a[k] || b[k];
        }
        return u;
    }

    // ---- the pattern's structure, compiled back to front ----

    private interface Part {
        Node compile(Node next);
    }

    /** Parts in a row; consecutive literal bytes become one {@link Lits}. */
    private record Seq(List<Part> parts) implements Part {
        @Override
        public Node compile(Node next) {
            Node n = next;
            int k = parts.size() - 1;
            while (k >= 0) {
                if (parts.get(k) instanceof Lit) {
                    int from = k;
                    while (from > 0 && parts.get(from - 1) instanceof Lit) {
                        from--;
                    }
                    byte[] lit = new byte[k - from + 1];
                    for (int j = from; j <= k; j++) {
                        lit[j - from] = ((Lit) parts.get(j)).b;
                    }
                    n = new Lits(lit, n);
                    k = from - 1;
                } else {
                    n = parts.get(k).compile(n);
                    k--;
                }
            }
            return n;
        }
    }

    private record Lit(byte b) implements Part {
        @Override
        public Node compile(Node next) {
            return new Lits(new byte[] {b}, next);
        }
    }

    private record Repeat(boolean[] cls, int min, int max, boolean lazy) implements Part {
        @Override
        public Node compile(Node next) {
            return new Run(cls, min, max, lazy, next);
        }
    }

    private record EndPart() implements Part {
        @Override
        public Node compile(Node next) {
            return new End(next);
        }
    }

    /** A group: its alternatives, its number (0 = not capturing), whether it may be skipped. */
    private record Group(List<Seq> alts, int number, boolean optional) implements Part {
        @Override
        public Node compile(Node next) {
            Node after = number > 0 ? new Close(number, next) : next;
            Node body;
            if (alts.size() == 1) {
                body = alts.get(0).compile(after);
            } else {
                Node[] a = new Node[alts.size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = alts.get(k).compile(after);
                }
                body = new Branch(a);
            }
            if (number > 0) {
                body = new Open(number, body);
            }
            return optional ? new Branch(new Node[] {body, next}) : body;
        }
    }

    /** Reads the subset of Java's syntax; throws IllegalArgumentException outside it. */
    private static final class Parser {
        private final String r;
        private int i;
        final List<String> names = new ArrayList<>();

        Parser(String r) {
            this.r = r;
        }

        Seq top() {
            if (r.startsWith("^")) {
                i = 1; // lookingAt() begins at the start anyway
            }
            List<Seq> alts = alternatives();
            if (i != r.length()) {
                throw new IllegalArgumentException("unbalanced )");
            }
            return alts.size() == 1 ? alts.get(0) : new Seq(List.of(new Group(alts, 0, false)));
        }

        private List<Seq> alternatives() {
            List<Seq> alts = new ArrayList<>();
            alts.add(sequence());
            while (i < r.length() && r.charAt(i) == '|') {
                i++;
                alts.add(sequence());
            }
            return alts;
        }

        private Seq sequence() {
            List<Part> parts = new ArrayList<>();
            while (i < r.length() && r.charAt(i) != '|' && r.charAt(i) != ')') {
                parts.add(part());
            }
            return new Seq(parts);
        }

        private Part part() {
            char c = r.charAt(i);
            if (c == '(') {
                return group();
            }
            if (c == '$') {
                i++;
                return new EndPart();
            }
            boolean[] cls;
            int lit = -1;
            if (c == '[') {
                cls = charClass();
            } else if (c == '.') {
                i++;
                cls = all(true);
            } else if (c == '\\') {
                char e = r.charAt(i + 1);
                i += 2;
                cls = shorthand(e);
                if (cls == null) {
                    lit = escaped(e);
                    cls = one(lit);
                }
            } else {
                if (c >= 128 || "^*+?{}[]".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("unsupported: " + c);
                }
                i++;
                lit = c;
                cls = one(lit);
            }
            if (i < r.length() && "*+?{".indexOf(r.charAt(i)) >= 0) {
                return quantified(cls);
            }
            return lit >= 0 ? new Lit((byte) lit) : new Repeat(cls, 1, 1, false);
        }

        private Part quantified(boolean[] cls) {
            char q = r.charAt(i++);
            int min;
            int max;
            if (q == '*') {
                min = 0;
                max = INF;
            } else if (q == '+') {
                min = 1;
                max = INF;
            } else if (q == '?') {
                min = 0;
                max = 1;
            } else {
                int close = r.indexOf('}', i);
                String[] mm = r.substring(i, close).split(",", -1);
                min = Integer.parseInt(mm[0]);
                max = mm.length == 1 ? min : mm[1].isEmpty() ? INF : Integer.parseInt(mm[1]);
                if (mm.length > 2 || max < min) {
                    throw new IllegalArgumentException("bad count");
                }
                i = close + 1;
            }
            boolean lazy = false;
            if (i < r.length() && r.charAt(i) == '?') {
                lazy = true;
                i++;
            } else if (i < r.length() && "+*{".indexOf(r.charAt(i)) >= 0) {
                throw new IllegalArgumentException("possessive or doubled quantifier");
            }
            return new Repeat(cls, min, max, lazy);
        }

        private Part group() {
            i++;
            int number = 0;
            if (r.startsWith("?:", i)) {
                i += 2;
            } else if (r.startsWith("?<", i) && Character.isLetter(r.charAt(i + 2))) {
                int close = r.indexOf('>', i);
                String name = r.substring(i + 2, close);
                if (!name.chars().allMatch(Character::isLetterOrDigit)) {
                    throw new IllegalArgumentException("group name");
                }
                names.add(name);
                number = names.size();
                i = close + 1;
            } else if (r.startsWith("?", i)) {
                throw new IllegalArgumentException("flags or look-around");
            } else {
                names.add(null);
                number = names.size();
            }
            List<Seq> alts = alternatives();
            if (i >= r.length() || r.charAt(i) != ')') {
                throw new IllegalArgumentException("unclosed group");
            }
            i++;
            boolean optional = false;
            if (i < r.length() && "*+?{".indexOf(r.charAt(i)) >= 0) {
                if (r.charAt(i) != '?'
                        || (i + 1 < r.length() && "?+*{".indexOf(r.charAt(i + 1)) >= 0)) {
                    throw new IllegalArgumentException("repeated or lazy group");
                }
                optional = true;
                i++;
            }
            return new Group(alts, number, optional);
        }

        private boolean[] charClass() {
            i++;
            boolean negate = r.charAt(i) == '^';
            if (negate) {
                i++;
            }
            if (r.charAt(i) == ']') {
                throw new IllegalArgumentException("empty class");
            }
            boolean[] cls = new boolean[128];
            while (r.charAt(i) != ']') {
                char c = r.charAt(i);
                if (c == '[' || (c == '&' && r.charAt(i + 1) == '&') || c >= 128) {
                    throw new IllegalArgumentException("class in class");
                }
                int lo;
                if (c == '\\') {
                    char e = r.charAt(i + 1);
                    i += 2;
                    boolean[] s = shorthand(e);
                    if (s != null) {
                        cls = union(cls, s);
                        if (r.charAt(i) == '-' && r.charAt(i + 1) != ']') {
                            throw new IllegalArgumentException("range from a class");
                        }
                        continue;
                    }
                    lo = escaped(e);
                } else {
                    lo = c;
                    i++;
                }
                int hi = lo;
                if (r.charAt(i) == '-' && r.charAt(i + 1) != ']') {
                    char h = r.charAt(i + 1);
                    if (h == '\\' || h == '[' || h >= 128) {
                        throw new IllegalArgumentException("range end");
                    }
                    hi = h;
                    i += 2;
                    if (hi < lo) {
                        throw new IllegalArgumentException("range order");
                    }
                }
                for (int k = lo; k <= hi; k++) {
                    cls[k] = true;
                }
            }
            i++;
            if (negate) {
                for (int k = 0; k < 128; k++) {
                    cls[k] = !cls[k];
                }
            }
            return cls;
        }

        /** {@code \s \S \d \D \w \W} as Java reads them without flags, or null. */
        private static boolean[] shorthand(char e) {
            boolean[] cls = new boolean[128];
            switch (Character.toLowerCase(e)) {
                case 's' -> {
                    for (char c : " \t\n\u000B\f\r".toCharArray()) {
                        cls[c] = true;
                    }
                }
                case 'd' -> {
                    for (char c = '0'; c <= '9'; c++) {
                        cls[c] = true;
                    }
                }
                case 'w' -> {
                    for (int c = 0; c < 128; c++) {
                        cls[c] = Character.isLetterOrDigit(c) || c == '_';
                    }
                }
                default -> {
                    return null;
                }
            }
            if (Character.isUpperCase(e)) {
                for (int k = 0; k < 128; k++) {
                    cls[k] = !cls[k];
                }
            }
            return cls;
        }

        /** The byte an escape stands for: a non-letter, non-digit itself, or \t \n \r \f. */
        private static int escaped(char e) {
            switch (e) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                default:
                    if (e < 128 && !Character.isLetterOrDigit(e)) {
                        return e;
                    }
                    throw new IllegalArgumentException("escape \\" + e);
            }
        }
    }

    private static boolean[] one(int c) {
        boolean[] cls = new boolean[128];
        cls[c] = true;
        return cls;
    }

    private static boolean[] all(boolean v) {
        boolean[] cls = new boolean[128];
        java.util.Arrays.fill(cls, v);
        return cls;
    }
}
