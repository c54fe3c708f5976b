package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.edit.RuleDiagnostic.Code;
import dev.logsentry.core.rules.edit.RuleDiagnostic.Severity;
import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreNode;
import dev.logsentry.core.rules.ere.EreParser;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreToken;
import dev.logsentry.core.rules.ere.EreToken.Kind;
import dev.logsentry.core.rules.ere.EreTranslator;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Validates a rule exactly as {@code grep -E} (GNU grep 3.8, C locale) reads it, through the same
 * {@link EreParser} the check engine uses, and warns about what is valid but means something else
 * than the author probably meant.
 *
 * <p>What GNU grep 3.8 (Debian 12) does with Perl habits, checked with {@code /usr/bin/grep -E}:
 * {@code \d}, {@code \t}, {@code \x41}, {@code \A}, {@code \z} are the letters d, t, x41, A, z,
 * silently (Debian's grep prints no "stray \" warning); {@code (?:a)} matches ":a" (the {@code ?}
 * applies to nothing; grep warns "? at start of expression" but runs it); {@code a*?} is {@code
 * (a*)?}, {@code a+?} is {@code (a+)?} (so zero a's match too), {@code a++} is {@code (a+)+};
 * inside brackets a backslash is an ordinary character. {@code \w \W \s \S \b \B \< \>} are GNU
 * extensions that work as in Perl (ASCII only in the C locale) and get no warning.
 */
public final class RuleValidator {

    private static final Map<Character, String> PERL_ESCAPES =
            Map.ofEntries(
                    Map.entry('d', "a digit: write [[:digit:]] or [0-9]"),
                    Map.entry('D', "a non-digit: write [^[:digit:]]"),
                    Map.entry('t', "a tab: write [[:space:]] or a real tab"),
                    Map.entry('n', "a newline (log lines never contain one)"),
                    Map.entry('r', "a carriage return: write [[:cntrl:]] or [[:space:]]"),
                    Map.entry('x', "a hexadecimal escape: write the character itself"),
                    Map.entry('A', "the start of the line: write ^"),
                    Map.entry('z', "the end of the line: write $"),
                    Map.entry('Z', "the end of the line: write $"),
                    Map.entry('h', "horizontal space: write [[:blank:]]"),
                    Map.entry('Q', "quoting: escape each special character with \\"),
                    Map.entry('E', "the end of quoting: escape each special character with \\"),
                    Map.entry('p', "a Unicode property: write a [[:class:]]"),
                    Map.entry('u', "a Unicode escape: write the character itself"));

    /** A line every rule that "matches everything" matches too. */
    private static final String PROBE = "Dec  4 12:00:00 host prog[1]: probe \u00ff";

    private RuleValidator() {}

    /** Validates {@code pattern} as a rule of a file in {@code category} (logcheck 1.4). */
    public static RuleValidation validate(String pattern, Category category) {
        List<EreToken> tokens = new ArrayList<>();
        List<RuleDiagnostic> found = new ArrayList<>();
        EreNode tree = null;
        CompiledEre compiled = null;
        try {
            tree =
                    EreParser.parse(
                            pattern, false, (kind, s, e) -> tokens.add(new EreToken(kind, s, e)));
            compiled = EreTranslator.compile(pattern, false);
        } catch (EreSyntaxException e) {
            int at = Math.min(Math.max(0, e.position()), pattern.length());
            found.add(
                    new RuleDiagnostic(
                            Severity.ERROR,
                            Code.SYNTAX,
                            at,
                            Math.min(pattern.length(), at + 1),
                            "grep -E rejects this rule: " + e.getMessage()));
        }
        int covered = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        if (covered < pattern.length()) {
            tokens.add(new EreToken(Kind.ERROR, covered, pattern.length()));
        }
        if (pattern.isBlank()) {
            found.add(
                    new RuleDiagnostic(
                            Severity.WARNING,
                            Code.EMPTY,
                            0,
                            pattern.length(),
                            "empty rule: logcheck drops blank lines, so this rule does nothing"));
        }
        perlHabits(pattern, tokens, found);
        if (compiled != null) {
            semantics(pattern, category, tree, compiled, found);
        }
        found.sort(Comparator.comparingInt(RuleDiagnostic::start));
        return new RuleValidation(pattern, tokens, found, compiled);
    }

    private static void perlHabits(String p, List<EreToken> tokens, List<RuleDiagnostic> out) {
        for (int i = 0; i < tokens.size(); i++) {
            EreToken t = tokens.get(i);
            EreToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (t.kind()) {
                case ESCAPED_LITERAL -> {
                    char c = p.charAt(t.start() + 1);
                    if (Character.isLetter(c)) {
                        String perl = PERL_ESCAPES.get(c);
                        out.add(
                                warn(
                                        Code.PERL_ESCAPE,
                                        t,
                                        "\\"
                                                + c
                                                + " is just the letter '"
                                                + c
                                                + "' in grep -E"
                                                + (perl == null ? "" : "; for " + perl)));
                    }
                }
                case GROUP_OPEN -> {
                    if (next != null
                            && next.kind() == Kind.QUANTIFIER
                            && next.start() == t.end()
                            && p.charAt(next.start()) == '?') {
                        out.add(
                                warn(
                                        Code.PERL_GROUP,
                                        new EreToken(t.kind(), t.start(), next.end()),
                                        "(? is not a Perl group in grep -E: the ? applies to"
                                                + " nothing and the rest is matched literally"
                                                + " (\"(?:a)\" matches \":a\"); write (a)"));
                    }
                }
                case QUANTIFIER -> {
                    if (next != null
                            && next.kind() == Kind.QUANTIFIER
                            && next.start() == t.end()
                            && next.end() == next.start() + 1) {
                        char q = p.charAt(next.start());
                        String x = p.substring(t.start(), t.end());
                        if (q == '?') {
                            out.add(
                                    warn(
                                            Code.LAZY_QUANTIFIER,
                                            new EreToken(t.kind(), t.start(), next.end()),
                                            x
                                                    + "? is not lazy in grep -E: it means (x"
                                                    + x
                                                    + ")?"
                                                    + (x.equals("+")
                                                            ? ", which also matches nothing (x*)"
                                                            : "")
                                                    + "; POSIX matching has no lazy"
                                                    + " quantifiers"));
                        } else if (q == '+') {
                            out.add(
                                    warn(
                                            Code.POSSESSIVE_QUANTIFIER,
                                            new EreToken(t.kind(), t.start(), next.end()),
                                            x
                                                    + "+ is not possessive in grep -E: it means"
                                                    + " (x"
                                                    + x
                                                    + ")+"));
                        }
                    }
                }
                case BRACKET -> {
                    int b = p.indexOf('\\', t.start() + 1);
                    if (b >= 0 && b < t.end() - 1) {
                        out.add(
                                warn(
                                        Code.BACKSLASH_IN_BRACKET,
                                        t,
                                        "a backslash inside [...] is an ordinary character: "
                                                + p.substring(t.start(), t.end())
                                                + " also matches '\\'; write [[:digit:]],"
                                                + " [[:space:]], or put ] first and - last"));
                    }
                }
                case ANY -> {
                    EreToken prev = i > 0 ? tokens.get(i - 1) : null;
                    if (isAlnumLiteral(p, prev) && isAlnumLiteral(p, next)) {
                        out.add(
                                warn(
                                        Code.UNESCAPED_DOT,
                                        t,
                                        "unescaped . between literal text matches any character;"
                                                + " write \\. for a dot"));
                    }
                }
                default -> {}
            }
        }
    }

    private static boolean isAlnumLiteral(String p, EreToken t) {
        return t != null
                && t.kind() == Kind.LITERAL
                && Character.isLetterOrDigit(p.charAt(t.start()))
                && p.charAt(t.start()) < 128;
    }

    private static void semantics(
            String p,
            Category category,
            EreNode tree,
            CompiledEre compiled,
            List<RuleDiagnostic> out) {
        boolean ignoreFile = category != Category.CRACKING && category != Category.VIOLATIONS;
        if (ignoreFile && !p.isBlank()) {
            if (!compiled.anchored()) {
                out.add(
                        new RuleDiagnostic(
                                Severity.WARNING,
                                Code.UNANCHORED_START,
                                0,
                                0,
                                "ignore rule without ^: it ignores any line that merely contains"
                                        + " this text, also inside a message an attacker"
                                        + " controls"));
            }
            if (!anchoredAtEnd(tree)) {
                out.add(
                        new RuleDiagnostic(
                                Severity.WARNING,
                                Code.UNANCHORED_END,
                                p.length(),
                                p.length(),
                                "ignore rule without $: it ignores any line that starts like this,"
                                        + " whatever follows"));
            }
        }
        if (!p.isBlank()
                && PatternMatch.find(compiled.pattern().matcher(""))
                && PatternMatch.find(compiled.pattern().matcher(PROBE))) {
            out.add(
                    new RuleDiagnostic(
                            Severity.WARNING,
                            Code.MATCHES_EVERY_LINE,
                            0,
                            p.length(),
                            "this rule matches every line (it can match the empty string, e.g."
                                    + " an empty alternative a|)"
                                    + (ignoreFile ? ": it hides everything" : "")));
        }
        int trimmed = p.length();
        while (trimmed > 0 && (p.charAt(trimmed - 1) == ' ' || p.charAt(trimmed - 1) == '\t')) {
            trimmed--;
        }
        if (trimmed < p.length() && trimmed > 0) {
            out.add(
                    new RuleDiagnostic(
                            Severity.WARNING,
                            Code.TRAILING_SPACE,
                            trimmed,
                            p.length(),
                            "trailing white space is part of the rule (invisible in most editors);"
                                    + " logcheck strips it from log lines, so a rule that needs"
                                    + " it at the end of a line never matches"));
        }
        if (EreNode.hasBackReference(tree)) {
            out.add(
                    new RuleDiagnostic(
                            Severity.INFO,
                            Code.BACK_REFERENCE,
                            0,
                            p.length(),
                            "a back-reference cannot run on the linear automaton: lines it may"
                                    + " match are confirmed by a backtracking regex under a time"
                                    + " budget"));
        }
    }

    /** True when every match of {@code node} must end at the end of the line. */
    static boolean anchoredAtEnd(EreNode node) {
        if (node instanceof EreNode.Anchor a) {
            return a.kind() == EreNode.Anchor.Kind.LINE_END;
        }
        if (node instanceof EreNode.Group g) {
            return anchoredAtEnd(g.body());
        }
        if (node instanceof EreNode.Sequence s) {
            return !s.items().isEmpty() && anchoredAtEnd(s.items().get(s.items().size() - 1));
        }
        if (node instanceof EreNode.Alternation a) {
            return a.branches().stream().allMatch(RuleValidator::anchoredAtEnd);
        }
        return false;
    }

    private static RuleDiagnostic warn(Code code, EreToken at, String message) {
        return new RuleDiagnostic(Severity.WARNING, code, at.start(), at.end(), message);
    }
}
