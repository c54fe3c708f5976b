package dev.logsentry.core.rules.ere;

import java.util.BitSet;
import java.util.List;

/**
 * Syntax tree of a POSIX extended regular expression, as {@link EreParser} reads it. Characters are
 * bytes (0-255): the C locale grep works in.
 */
public sealed interface EreNode {

    /** One byte, matched as is. */
    record Literal(char c) implements EreNode {}

    /** {@code .}: any byte. */
    record AnyByte() implements EreNode {}

    /** A bracket expression or escape such as {@code \w}: a set of bytes. */
    record ByteSet(BitSet bytes) implements EreNode {}

    /** A zero-width assertion. */
    record Anchor(Kind kind) implements EreNode {
        public enum Kind {
            LINE_START,
            LINE_END,
            WORD_BOUNDARY,
            NOT_WORD_BOUNDARY,
            WORD_START,
            WORD_END
        }
    }

    /** A parenthesised group; {@code number} counts from 1 for back-references. */
    record Group(EreNode body, int number) implements EreNode {}

    /** {@code \1} to {@code \9}. */
    record BackReference(int number) implements EreNode {}

    /** Concatenation; empty for the empty expression. */
    record Sequence(List<EreNode> items) implements EreNode {}

    /** {@code a|b|c}. */
    record Alternation(List<EreNode> branches) implements EreNode {}

    /** {@code *}, {@code +}, {@code ?} and intervals; {@code max < 0} means unbounded. */
    record Repeat(EreNode body, int min, int max) implements EreNode {}

    /** Whether {@code node} contains a back-reference (then only a backtracking regex decides). */
    static boolean hasBackReference(EreNode node) {
        if (node instanceof BackReference) {
            return true;
        } else if (node instanceof Group g) {
            return hasBackReference(g.body());
        } else if (node instanceof Sequence s) {
            return s.items().stream().anyMatch(EreNode::hasBackReference);
        } else if (node instanceof Alternation a) {
            return a.branches().stream().anyMatch(EreNode::hasBackReference);
        } else if (node instanceof Repeat r) {
            return hasBackReference(r.body());
        }
        return false;
    }
}
