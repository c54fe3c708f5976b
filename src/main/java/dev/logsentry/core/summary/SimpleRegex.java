package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * A matcher for the simplest rule patterns, in place of {@code java.util.regex} where it must give
 * the same answer: {@code ^} then literal characters and runs of one character class ({@code \S+},
 * {@code (?<name>[^>]*)}, ...), optionally {@code $}, where every run is followed by the end of the
 * pattern or by a literal that its class does not contain. Then the greedy run is the only way to
 * match and no backtracking is needed: one pass over the message, no recursion. Postfix's and
 * sshd's most frequent rules have this form. Anything else ({@link #compile} returns null) and any
 * case it cannot decide alone (a {@code $} not at the message's end, where Java accepts a final
 * line terminator) go to the Java pattern.
 *
 * <p>Classes follow {@code java.util.regex} without flags: {@code \s} is {@code [ \t\n\x0B\f\r]},
 * {@code \d} is {@code [0-9]}, {@code \w} is {@code [a-zA-Z_0-9]}; every non-ASCII character is in
 * {@code \S}, {@code \D}, {@code \W} and in negated classes.
 */
final class SimpleRegex {
    static final int NO_MATCH = 0;
    static final int MATCH = 1;
    static final int UNSURE = -1;

    /** A literal character (class == null) or a run of a class. */
    private record Op(char literal, Cls cls, int min, int group) {}

    /** ASCII members, and whether non-ASCII characters are members. */
    private record Cls(boolean[] ascii, boolean nonAscii) {
        boolean has(char c) {
            return c < 128 ? ascii[c] : nonAscii;
        }
    }

    private final Op[] ops;
    private final boolean endAnchor;
    private final int groups;
    private final List<String> names;

    private SimpleRegex(Op[] ops, boolean endAnchor, List<String> names) {
        this.ops = ops;
        this.endAnchor = endAnchor;
        this.groups = names.size();
        this.names = List.copyOf(names);
    }

    /** The matcher for {@code regex}, or null when the pattern is not of the simple form. */
    static SimpleRegex compile(String regex) {
        try {
            return parse(regex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static SimpleRegex parse(String r) {
        if (!r.startsWith("^")) {
            throw new IllegalArgumentException();
        }
        List<Op> ops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean end = false;
        int i = 1;
        int n = r.length();
        while (i < n) {
            char c = r.charAt(i);
            if (c == '$') {
                if (i != n - 1) {
                    throw new IllegalArgumentException();
                }
                end = true;
                i++;
            } else if (c == '(') {
                if (!r.startsWith("(?<", i) || i + 3 >= n || !Character.isLetter(r.charAt(i + 3))) {
                    throw new IllegalArgumentException(); // only named groups around one run
                }
                int close = r.indexOf('>', i);
                if (close < 0) {
                    throw new IllegalArgumentException();
                }
                int[] at = {close + 1};
                Cls cls = atom(r, at);
                int min = quantifier(r, at);
                if (cls == null || min < 0 || at[0] >= n || r.charAt(at[0]) != ')') {
                    throw new IllegalArgumentException();
                }
                names.add(r.substring(i + 3, close));
                ops.add(new Op('\0', cls, min, names.size()));
                i = at[0] + 1;
            } else {
                int lit = c == '\\' ? escapedLiteral(r, i) : -1;
                if (lit >= 0) {
                    if (i + 2 < n && "*+?{".indexOf(r.charAt(i + 2)) >= 0) {
                        throw new IllegalArgumentException();
                    }
                    ops.add(new Op((char) lit, null, 0, 0));
                    i += 2;
                    continue;
                }
                if (c != '\\' && c != '[') {
                    if (c >= 128 || ".*+?{}|)^$".indexOf(c) >= 0) {
                        throw new IllegalArgumentException();
                    }
                    if (i + 1 < n && "*+?{".indexOf(r.charAt(i + 1)) >= 0) {
                        throw new IllegalArgumentException();
                    }
                    ops.add(new Op(c, null, 0, 0));
                    i++;
                    continue;
                }
                int[] at = {i};
                Cls cls = atom(r, at);
                int min = quantifier(r, at);
                if (cls == null || min < 0) {
                    throw new IllegalArgumentException();
                }
                ops.add(new Op('\0', cls, min, 0));
                i = at[0];
            }
        }
        for (int k = 0; k < ops.size(); k++) {
            Op op = ops.get(k);
            if (op.cls() != null && k + 1 < ops.size()) {
                Op next = ops.get(k + 1);
                if (next.cls() != null || op.cls().has(next.literal())) {
                    throw new IllegalArgumentException(); // the run could end elsewhere
                }
            }
        }
        return new SimpleRegex(ops.toArray(new Op[0]), end, names);
    }

    /** {@code \X} for punctuation X: the literal X; -1 for anything else. */
    private static int escapedLiteral(String r, int i) {
        if (i + 1 >= r.length()) {
            throw new IllegalArgumentException();
        }
        char e = r.charAt(i + 1);
        return e < 128 && !Character.isLetterOrDigit(e) ? e : -1;
    }

    /** A class ({@code \S}, {@code [^,\s]}, ...) at {@code at[0]}, advancing it; else null. */
    private static Cls atom(String r, int[] at) {
        int i = at[0];
        if (i >= r.length()) {
            return null;
        }
        boolean[] a = new boolean[128];
        if (r.charAt(i) == '\\' && i + 1 < r.length()) {
            boolean non = shorthand(r.charAt(i + 1), a);
            at[0] = i + 2;
            return new Cls(a, non);
        }
        if (r.charAt(i) != '[') {
            return null;
        }
        int j = i + 1;
        boolean negated = j < r.length() && r.charAt(j) == '^';
        if (negated) {
            j++;
        }
        boolean non = false;
        boolean first = true;
        while (true) {
            if (j >= r.length()) {
                throw new IllegalArgumentException();
            }
            char c = r.charAt(j);
            if (c == ']') {
                if (first) {
                    throw new IllegalArgumentException(); // "[]...]": leave it to Java
                }
                j++;
                break;
            }
            first = false;
            if (c == '[' || (c == '&' && j + 1 < r.length() && r.charAt(j + 1) == '&')) {
                throw new IllegalArgumentException();
            }
            char lo;
            if (c == '\\') {
                int lit = escapedLiteral(r, j);
                if (lit < 0) {
                    non |= shorthand(r.charAt(j + 1), a);
                    j += 2;
                    continue;
                }
                lo = (char) lit;
                j += 2;
            } else {
                lo = c;
                j++;
            }
            if (lo >= 128) {
                throw new IllegalArgumentException();
            }
            if (j + 1 < r.length() && r.charAt(j) == '-' && r.charAt(j + 1) != ']') {
                char hi = r.charAt(j + 1);
                if (hi == '\\' || hi == '[' || hi >= 128 || hi < lo) {
                    throw new IllegalArgumentException();
                }
                for (char x = lo; x <= hi; x++) {
                    a[x] = true;
                }
                j += 2;
            } else {
                a[lo] = true;
            }
        }
        at[0] = j;
        if (negated) {
            for (int k = 0; k < 128; k++) {
                a[k] = !a[k];
            }
            non = !non;
        }
        return new Cls(a, non);
    }

    /** Adds {@code \s \S \d \D \w \W} to {@code a}; returns whether non-ASCII is in it. */
    private static boolean shorthand(char e, boolean[] a) {
        boolean[] m = new boolean[128];
        switch (Character.toLowerCase(e)) {
            case 's' -> {
                for (char c : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
                    m[c] = true;
                }
            }
            case 'd' -> {
                for (char c = '0'; c <= '9'; c++) {
                    m[c] = true;
                }
            }
            case 'w' -> {
                for (char c = 0; c < 128; c++) {
                    m[c] = Character.isLetterOrDigit(c) || c == '_';
                }
            }
            default -> throw new IllegalArgumentException();
        }
        boolean upper = Character.isUpperCase(e);
        for (int k = 0; k < 128; k++) {
            a[k] |= upper != m[k];
        }
        return upper;
    }

    /** {@code +} (1) or {@code *} (0), greedy only, advancing {@code at[0]}; else -1. */
    private static int quantifier(String r, int[] at) {
        int i = at[0];
        if (i >= r.length() || (r.charAt(i) != '+' && r.charAt(i) != '*')) {
            return -1;
        }
        if (i + 1 < r.length() && "?+*{".indexOf(r.charAt(i + 1)) >= 0) {
            throw new IllegalArgumentException(); // lazy or possessive
        }
        at[0] = i + 1;
        return r.charAt(i) == '+' ? 1 : 0;
    }

    /** A matcher's state: the groups of the last match; one per reader. */
    State state() {
        return new State();
    }

    /** The groups of one reader's last match, read like a {@link java.util.regex.Matcher}'s. */
    final class State implements MatchResult {
        private final int[] bounds = new int[2 * (groups + 1)];
        private String text;

        /**
         * Matches at the start of {@code s}: {@link #MATCH}, {@link #NO_MATCH} or {@link #UNSURE}.
         */
        int lookingAt(String s) {
            text = s;
            int p = 0;
            int n = s.length();
            for (Op op : ops) {
                if (op.cls() == null) {
                    if (p >= n || s.charAt(p) != op.literal()) {
                        return NO_MATCH;
                    }
                    p++;
                    continue;
                }
                int from = p;
                Cls c = op.cls();
                while (p < n && c.has(s.charAt(p))) {
                    p++;
                }
                if (p - from < op.min()) {
                    return NO_MATCH;
                }
                if (op.group() > 0) {
                    bounds[2 * op.group()] = from;
                    bounds[2 * op.group() + 1] = p;
                }
            }
            if (endAnchor && p != n) {
                return UNSURE; // Java's $ also matches before a final line terminator
            }
            bounds[0] = 0;
            bounds[1] = p;
            return MATCH;
        }

        @Override
        public int start() {
            return bounds[0];
        }

        @Override
        public int start(int group) {
            return bounds[2 * group];
        }

        @Override
        public int end() {
            return bounds[1];
        }

        @Override
        public int end(int group) {
            return bounds[2 * group + 1];
        }

        @Override
        public String group() {
            return group(0);
        }

        @Override
        public String group(int group) {
            return text.substring(bounds[2 * group], bounds[2 * group + 1]);
        }

        /** Start and end of each group of the last match (group 0 first), not a copy. */
        int[] bounds() {
            return bounds;
        }

        /** The group called {@code name} (a named group of the pattern). */
        String group(String name) {
            return group(names.indexOf(name) + 1);
        }

        @Override
        public int groupCount() {
            return groups;
        }
    }
}
