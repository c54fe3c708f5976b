package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.ere.ByteClasses;
import dev.logsentry.core.rules.ere.EreNode;
import dev.logsentry.core.rules.ere.EreParser;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import java.util.List;

/**
 * The header nearly every logcheck rule starts with, {@code ^(\w{3} [
 * :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ } (a classic or RFC 3339 timestamp, then the
 * host), matched once per line instead of once per rule.
 *
 * <p>Where the header ends on a line is unique: the two timestamp forms differ at the fourth byte
 * (a space, or one of {@code [0-9T:.+-]}), both have a fixed length, and the host cannot contain
 * the space that ends it. So a rule {@code HEADER REST} matches a line exactly when the header
 * matches and {@code REST} matches at the position {@link #restStart} returns.
 */
final class SyslogHeader {

    /** The header as logcheck-database writes it (with {@code [ :0-9]} as an equal variant). */
    static final String PATTERN = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";

    private static final List<EreNode> ITEMS = parseItems();

    private static final boolean[] WORD = table(ByteClasses.word());
    private static final boolean[] TIME = table(bits(" :0123456789"));
    private static final boolean[] ISO = table(bits("0123456789T:.+-"));
    private static final boolean[] HOST = table(hostBits());

    private SyslogHeader() {}

    private static List<EreNode> parseItems() {
        try {
            return ((EreNode.Sequence) EreParser.parse(PATTERN, false)).items();
        } catch (EreSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The part of {@code tree} after the standard header, or null when {@code tree} does not start
     * with exactly that header (or refers back to the header's group).
     */
    static EreNode rest(EreNode tree) {
        if (!(tree instanceof EreNode.Sequence s) || s.items().size() < ITEMS.size()) {
            return null;
        }
        if (!s.items().subList(0, ITEMS.size()).equals(ITEMS)
                || PatternNfa.Builder.hasBackReference(tree)) {
            return null;
        }
        List<EreNode> rest = s.items().subList(ITEMS.size(), s.items().size());
        return rest.size() == 1 ? rest.get(0) : new EreNode.Sequence(List.copyOf(rest));
    }

    /** A rest that can start with more bytes than this is left to the whole-line automaton. */
    static final int MAX_FIRST_BYTES = 8;

    /**
     * Whether {@code rest} must start with one of a few bytes (as a program name does). A rest that
     * can start almost anywhere ({@code .+\[[0-9]+\]: }) would be alive beside every other rest and
     * multiply the automaton's states by its own partial matches.
     */
    static boolean selective(EreNode rest) {
        java.util.BitSet first = new java.util.BitSet(256);
        return !firstBytes(rest, first) && first.cardinality() <= MAX_FIRST_BYTES;
    }

    /**
     * Adds the bytes a match of {@code node} can start with to {@code first}; returns whether
     * {@code node} can match the empty string (then what follows it can start the match too).
     */
    private static boolean firstBytes(EreNode node, java.util.BitSet first) {
        if (node instanceof EreNode.Literal l) {
            first.set(l.c());
            return false;
        } else if (node instanceof EreNode.AnyByte) {
            first.set(0, 256);
            return false;
        } else if (node instanceof EreNode.ByteSet b) {
            first.or(b.bytes());
            return false;
        } else if (node instanceof EreNode.Group g) {
            return firstBytes(g.body(), first);
        } else if (node instanceof EreNode.Sequence s) {
            for (EreNode item : s.items()) {
                if (!firstBytes(item, first)) {
                    return false;
                }
            }
            return true;
        } else if (node instanceof EreNode.Alternation a) {
            boolean nullable = false;
            for (EreNode branch : a.branches()) {
                nullable |= firstBytes(branch, first);
            }
            return nullable;
        } else if (node instanceof EreNode.Repeat r) {
            return firstBytes(r.body(), first) || r.min() == 0;
        }
        // anchors and back-references: zero width here, or unknown; be conservative
        first.set(0, 256);
        return true;
    }

    /**
     * The index after the header in {@code line[from, to)}, or -1 when the line does not start with
     * it.
     */
    static int restStart(byte[] line, int from, int to) {
        int host;
        if (to - from > 16 && line[from + 3] == ' ') {
            for (int i = 0; i < 3; i++) {
                if (!WORD[line[from + i] & 0xff]) {
                    return -1;
                }
            }
            for (int i = 4; i < 15; i++) {
                if (!TIME[line[from + i] & 0xff]) {
                    return -1;
                }
            }
            host = from + 16;
        } else if (to - from > 33) {
            for (int i = 0; i < 32; i++) {
                if (!ISO[line[from + i] & 0xff]) {
                    return -1;
                }
            }
            host = from + 33;
        } else {
            return -1;
        }
        if (line[host - 1] != ' ') {
            return -1;
        }
        int i = host;
        while (i < to && HOST[line[i] & 0xff]) {
            i++;
        }
        return i > host && i < to && line[i] == ' ' ? i + 1 : -1;
    }

    private static java.util.BitSet bits(String chars) {
        java.util.BitSet set = new java.util.BitSet(256);
        chars.chars().forEach(set::set);
        return set;
    }

    private static java.util.BitSet hostBits() {
        java.util.BitSet set = ByteClasses.named("alnum");
        set.set('.');
        set.set('_');
        set.set('-');
        return set;
    }

    private static boolean[] table(java.util.BitSet set) {
        boolean[] table = new boolean[256];
        for (int b = set.nextSetBit(0); b >= 0; b = set.nextSetBit(b + 1)) {
            table[b] = true;
        }
        return table;
    }
}
