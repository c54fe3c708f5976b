package dev.logsentry.core.rules.ere;

/**
 * One lexical element of a POSIX ERE as {@link EreParser} read it, with its character span: what an
 * editor colours, and what rule warnings point at. The parser reports tokens in pattern order.
 *
 * @param kind what the characters are
 * @param start 0-based index of the first character
 * @param end index after the last character
 */
public record EreToken(Kind kind, int start, int end) {

    /** Token kinds, coarse enough for syntax colouring. */
    public enum Kind {
        /** A character matched as is (also an unmatched {@code )} or a {@code {} that is literal). */
        LITERAL,
        /** A backslash before an ordinary character: that character, as is. */
        ESCAPED_LITERAL,
        /** {@code .}. */
        ANY,
        /** A bracket expression {@code [...]}. */
        BRACKET,
        /** GNU's {@code \w \W \s \S}. */
        CLASS_ESCAPE,
        /** {@code ^ $ \b \B \< \> \` \'}. */
        ANCHOR,
        /** {@code (}. */
        GROUP_OPEN,
        /** {@code )} closing a group. */
        GROUP_CLOSE,
        /** {@code |}. */
        ALTERNATION,
        /** {@code * + ?} or an interval {@code {m,n}}. */
        QUANTIFIER,
        /** {@code \1} to {@code \9}. */
        BACK_REFERENCE,
        /** Text after a syntax error, which grep never reads. */
        ERROR
    }

    /** Receives tokens while a pattern is parsed. */
    @FunctionalInterface
    public interface Sink {
        void token(Kind kind, int start, int end);
    }
}
