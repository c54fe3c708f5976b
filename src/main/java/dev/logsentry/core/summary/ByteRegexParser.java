package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rule pattern for {@link ByteRegex}: the subset of {@code java.util.regex}'s syntax it
 * takes, into parts that compile back to front into {@link ByteNodes}; anything outside the subset
 * throws {@link IllegalArgumentException}.
 */
final class ByteRegexParser {
    private ByteRegexParser() {}

    interface Part {
        ByteNodes.Node compile(ByteNodes.Node next);
    }

    /** Parts in a row; consecutive literal bytes become one {@link Lits}. */
    record Seq(List<Part> parts) implements Part {
        @Override
        public ByteNodes.Node compile(ByteNodes.Node next) {
            ByteNodes.Node n = next;
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
                    n = new ByteNodes.Lits(lit, n);
                    k = from - 1;
                } else {
                    n = parts.get(k).compile(n);
                    k--;
                }
            }
            return n;
        }
    }

    record Lit(byte b) implements Part {
        @Override
        public ByteNodes.Node compile(ByteNodes.Node next) {
            return new ByteNodes.Lits(new byte[] {b}, next);
        }
    }

    record Repeat(boolean[] cls, int min, int max, boolean lazy, int id) implements Part {
        @Override
        public ByteNodes.Node compile(ByteNodes.Node next) {
            return new ByteNodes.Run(cls, min, max, lazy, id, 0, next);
        }
    }

    record EndPart() implements Part {
        @Override
        public ByteNodes.Node compile(ByteNodes.Node next) {
            return new ByteNodes.End(next);
        }
    }

    /** A group: its alternatives, its number (0 = not capturing), whether it may be skipped. */
    record Group(List<Seq> alts, int number, boolean optional) implements Part {
        @Override
        public ByteNodes.Node compile(ByteNodes.Node next) {
            if (number > 0
                    && !optional
                    && alts.size() == 1
                    && alts.get(0).parts().size() == 1
                    && alts.get(0).parts().get(0) instanceof Repeat r) {
                return new ByteNodes.Run(r.cls(), r.min(), r.max(), r.lazy(), r.id(), number, next);
            }
            ByteNodes.Node after = number > 0 ? new ByteNodes.Close(number, next) : next;
            ByteNodes.Node body;
            if (alts.size() == 1) {
                body = alts.get(0).compile(after);
            } else {
                ByteNodes.Node[] a = new ByteNodes.Node[alts.size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = alts.get(k).compile(after);
                }
                body = new ByteNodes.Branch(a);
            }
            if (number > 0) {
                body = new ByteNodes.Open(number, body);
            }
            return optional ? new ByteNodes.Branch(new ByteNodes.Node[] {body, next}) : body;
        }
    }

    /** Reads the subset of Java's syntax; throws IllegalArgumentException outside it. */
    static final class Parser {
        private final String r;
        private int i;
        final List<String> names = new ArrayList<>();
        int runs;

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
            return lit >= 0 ? new Lit((byte) lit) : new Repeat(cls, 1, 1, false, runs++);
        }

        private Part quantified(boolean[] cls) {
            char q = r.charAt(i++);
            int min;
            int max;
            if (q == '*') {
                min = 0;
                max = ByteNodes.INF;
            } else if (q == '+') {
                min = 1;
                max = ByteNodes.INF;
            } else if (q == '?') {
                min = 0;
                max = 1;
            } else {
                int close = r.indexOf('}', i);
                String[] mm = r.substring(i, close).split(",", -1);
                min = Integer.parseInt(mm[0]);
                max =
                        mm.length == 1
                                ? min
                                : mm[1].isEmpty() ? ByteNodes.INF : Integer.parseInt(mm[1]);
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
            return new Repeat(cls, min, max, lazy, runs++);
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
                        cls = ByteNodes.union(cls, s);
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

    static boolean[] one(int c) {
        boolean[] cls = new boolean[128];
        cls[c] = true;
        return cls;
    }

    static boolean[] all(boolean v) {
        boolean[] cls = new boolean[128];
        java.util.Arrays.fill(cls, v);
        return cls;
    }
}
