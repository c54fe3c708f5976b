package dev.logsentry.core.rules.edit;

/**
 * A finding about one rule's pattern, with the characters it concerns, for the editor's squiggles
 * and {@code logsentry rules lint}.
 *
 * @param severity how bad it is
 * @param code a stable name for the finding (tests, filters, documentation)
 * @param start 0-based index of the first character concerned
 * @param end index after the last character concerned ({@code start == end} for a position)
 * @param message what is wrong and what to write instead, in words
 */
public record RuleDiagnostic(Severity severity, Code code, int start, int end, String message) {

    /** How bad a finding is. */
    public enum Severity {
        /** grep -E rejects the pattern: logcheck would fail on the whole file. */
        ERROR,
        /** Valid, but very likely not what the author meant. */
        WARNING,
        /** Worth knowing (for instance: runs on the slower regex engine). */
        INFO
    }

    /** What a finding is about. */
    public enum Code {
        SYNTAX,
        EMPTY,
        PERL_ESCAPE,
        PERL_GROUP,
        LAZY_QUANTIFIER,
        POSSESSIVE_QUANTIFIER,
        BACKSLASH_IN_BRACKET,
        UNANCHORED_START,
        UNANCHORED_END,
        UNESCAPED_DOT,
        MATCHES_EVERY_LINE,
        TRAILING_SPACE,
        BACK_REFERENCE
    }

    /** {@code column N: message} (1-based column), as lint prints it after {@code file:line:}. */
    public String describe() {
        return severity.name().toLowerCase(java.util.Locale.ROOT)
                + ": column "
                + (start + 1)
                + ": "
                + message;
    }
}
