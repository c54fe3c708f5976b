package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final ByteNodes.Node start;
    private final boolean[] first; // the bytes a match can begin with, or null if any
    private final ByteNodes.Run leadRun; // a leading run with one way to split, or null
    private final byte[] lead; // the literal after it (or at the start), or null
    private final List<String> names;
    private final int runs;

    /** Positions (from the subject's start) up to which failed runs are remembered. */
    static final int MEMO = 1024;

    private ByteRegex(ByteNodes.Node start, List<String> names, int runs) {
        this.runs = runs;
        this.start = start;
        this.first = start.first();
        ByteNodes.Node n = start;
        ByteNodes.Run run = null;
        if (n instanceof ByteNodes.Run r && r.once) {
            run = r;
            n = r.next;
        }
        this.leadRun = run;
        this.lead = n instanceof ByteNodes.Lits l ? l.lit : null;
        this.names = java.util.Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** The engine for {@code regex}, or null when the pattern uses a form it does not take. */
    static ByteRegex compile(String regex) {
        try {
            ByteRegexParser.Parser p = new ByteRegexParser.Parser(regex);
            ByteRegexParser.Seq top = p.top();
            return new ByteRegex(top.compile(new ByteNodes.Accept()), p.names, p.runs);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Whether {@code b[from, to)} can be matched here: ASCII, no {@code \r}, no {@code \n}. */
    static boolean plain(byte[] b, int from, int to) {
        int i = from;
        if (to - from >= 8) { // eight bytes at a time, the last word overlapping the one before
            for (; ; i += 8) {
                if (i + 8 > to) {
                    i = to - 8;
                }
                long x = (long) LONGS.get(b, i);
                if ((x & HIGH) != 0 || zeroByte(x ^ 0x0D0D0D0D0D0D0D0DL) || zeroByte(x ^ LF)) {
                    return false;
                }
                if (i + 8 == to) {
                    return true;
                }
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c < 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * False when no match can begin at {@code from}, by a cheap test before {@code lookingAt}: the
     * first byte, and for a pattern that begins with a run that can split only one way followed by
     * a literal ({@code (?<qid>\w+): removed}, {@code ^Accepted }) whether the literal is where the
     * run ends: postfix's many {@code qid: ...} rules are turned down without backtracking.
     */
    boolean canStart(byte[] b, int from, int to) {
        if (first != null && (from >= to || !first[b[from]])) {
            return false;
        }
        if (lead == null) {
            return true;
        }
        int j = from;
        if (leadRun != null) {
            int lim = to - from > leadRun.max ? from + leadRun.max : to;
            boolean[] cls = leadRun.cls;
            while (j < lim && cls[b[j]]) {
                j++;
            }
            if (j - from < leadRun.min) {
                return false;
            }
        }
        return to - j >= lead.length && Arrays.equals(b, j, j + lead.length, lead, 0, lead.length);
    }

    /** The message as bytes when it is plain (ASCII, no CR/LF), else null. */
    static byte[] plainBytes(String msg) {
        for (int k = 0; k < msg.length(); k++) {
            char c = msg.charAt(k);
            if (c >= 128 || c == '\r' || c == '\n') {
                return null;
            }
        }
        return msg.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final long HIGH = 0x8080808080808080L;
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
                    long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Whether a word of ASCII bytes has a zero byte. */
    private static boolean zeroByte(long x) {
        return ((x - 0x0101010101010101L) & ~x & HIGH) != 0;
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
        private boolean dirty = true;
        int from;
        int gen; // the attempt: a memo entry equal to it is a failure of this attempt
        private final int[][] memo = new int[runs][];

        int[] memo(int run) {
            int[] m = memo[run];
            if (m == null) {
                m = new int[MEMO];
                memo[run] = m;
            }
            return m;
        }

        /** Matches at {@code from} (as {@code lookingAt()}); the subject must be {@link #plain}. */
        boolean lookingAt(byte[] subject, int from, int to) {
            b = subject;
            end = to;
            if (dirty) { // a failed attempt puts every group back: clear only after a match
                for (int k = 0; k < bounds.length; k++) {
                    bounds[k] = -1;
                }
            }
            bounds[0] = from;
            this.from = from;
            if (++gen == Integer.MAX_VALUE) {
                for (int[] m : memo) {
                    if (m != null) {
                        java.util.Arrays.fill(m, 0);
                    }
                }
                gen = 1;
            }
            boolean m = start.m(this, from);
            dirty = m;
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
}
