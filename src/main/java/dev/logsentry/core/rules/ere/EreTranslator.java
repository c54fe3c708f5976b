package dev.logsentry.core.rules.ere;

import dev.logsentry.core.rules.ere.EreNode.Alternation;
import dev.logsentry.core.rules.ere.EreNode.Anchor;
import dev.logsentry.core.rules.ere.EreNode.AnyByte;
import dev.logsentry.core.rules.ere.EreNode.BackReference;
import dev.logsentry.core.rules.ere.EreNode.ByteSet;
import dev.logsentry.core.rules.ere.EreNode.Group;
import dev.logsentry.core.rules.ere.EreNode.Literal;
import dev.logsentry.core.rules.ere.EreNode.Repeat;
import dev.logsentry.core.rules.ere.EreNode.Sequence;
import java.util.BitSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates POSIX extended regular expressions, as GNU {@code grep -E --text} reads them in the C
 * locale, into java.util.regex patterns that match exactly the same lines.
 *
 * <p>Why a translation and not the pattern as is: Java reads {@code [[:alnum:]]} as the set of
 * characters {@code [:alnum} and compiles it silently, {@code \<}, {@code \>} and {@code \`} mean
 * other things or nothing, {@code a+?} is lazy instead of optional, {@code $} also matches before a
 * final carriage return or NEL, and {@code \b} treats accented letters as word characters. The
 * translation parses the ERE ({@link EreParser}) and writes every construct explicitly: byte sets
 * as hexadecimal ranges, anchors as {@code \z} and lookarounds, stacked quantifiers in groups.
 *
 * <p>Lines are matched as ISO-8859-1 strings, one {@code char} per byte. That is exactly grep's
 * behaviour with {@code LC_ALL=C} for any input, including binary bytes and invalid UTF-8. In a
 * UTF-8 locale grep differs only on non-ASCII bytes ({@code .} then matches a whole multi-byte
 * character and never an invalid byte); logcheck rules are ASCII, so this choice is documented
 * rather than emulated.
 */
public final class EreTranslator {

    /** Shortest literal worth a prefilter entry. */
    public static final int MIN_LITERAL = 3;

    private static final String WORD = "[0-9A-Za-z_]";

    private EreTranslator() {}

    /**
     * Translates and compiles {@code ere}.
     *
     * @param ignoreCase true for {@code grep -i} (ASCII letters only, as in the C locale)
     * @throws EreSyntaxException when grep would reject the pattern
     */
    public static CompiledEre compile(String ere, boolean ignoreCase) throws EreSyntaxException {
        CompiledEre compiled = parse(ere, ignoreCase);
        // compiled here, so that a translation Java rejects is reported as a syntax error
        compiled.compileNow();
        return compiled;
    }

    /**
     * Parses {@code ere} and finds its literals; the Java translation is made only when asked for
     * ({@link CompiledEre#pattern()}). What a check loads its rules with: its automata need the
     * parse tree, and only a few rules ever need their Java pattern.
     *
     * @param ignoreCase true for {@code grep -i} (ASCII letters only, as in the C locale)
     * @throws EreSyntaxException when grep would reject the pattern
     */
    public static CompiledEre parse(String ere, boolean ignoreCase) throws EreSyntaxException {
        EreNode tree = EreParser.parse(ere, ignoreCase);
        return new CompiledEre(
                ere,
                tree,
                RequiredLiterals.of(tree, MIN_LITERAL),
                RequiredLiterals.allOf(tree, MIN_LITERAL + 1, 4),
                ignoreCase,
                anchoredAtStart(tree));
    }

    /** The java.util.regex text for a parsed ERE. */
    static String emit(EreNode tree) {
        StringBuilder java = new StringBuilder(64);
        emit(tree, java);
        return java.toString();
    }

    /** Compiles a translation with the flags every translated pattern needs. */
    static Pattern javaPattern(String javaRegex, boolean ignoreCase) throws EreSyntaxException {
        try {
            int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            return Pattern.compile(javaRegex, flags);
        } catch (PatternSyntaxException e) {
            throw new EreSyntaxException("cannot translate: " + e.getDescription(), 0);
        }
    }

    /** The java.util.regex text for {@code ere} (for display and tests). */
    public static String translate(String ere) throws EreSyntaxException {
        return compile(ere, false).javaRegex();
    }

    /** True when every match of {@code node} must start at the beginning of the line. */
    private static boolean anchoredAtStart(EreNode node) {
        if (node instanceof Anchor a) {
            return a.kind() == Anchor.Kind.LINE_START;
        }
        if (node instanceof Group g) {
            return anchoredAtStart(g.body());
        }
        if (node instanceof Sequence s) {
            return !s.items().isEmpty() && anchoredAtStart(s.items().get(0));
        }
        if (node instanceof Alternation a) {
            return a.branches().stream().allMatch(EreTranslator::anchoredAtStart);
        }
        return false;
    }

    private static void emit(EreNode node, StringBuilder out) {
        if (node instanceof Literal l) {
            appendChar(l.c(), out);
        } else if (node instanceof AnyByte) {
            out.append('.');
        } else if (node instanceof ByteSet s) {
            appendSet(s.bytes(), out);
        } else if (node instanceof Anchor a) {
            out.append(anchor(a.kind()));
        } else if (node instanceof Group g) {
            out.append('(');
            emit(g.body(), out);
            out.append(')');
        } else if (node instanceof BackReference b) {
            out.append("(?:\\").append(b.number()).append(')');
        } else if (node instanceof Sequence s) {
            s.items().forEach(item -> emit(item, out));
        } else if (node instanceof Alternation a) {
            out.append("(?:");
            for (int i = 0; i < a.branches().size(); i++) {
                if (i > 0) {
                    out.append('|');
                }
                emit(a.branches().get(i), out);
            }
            out.append(')');
        } else if (node instanceof Repeat r) {
            out.append("(?:");
            emit(r.body(), out);
            out.append(')');
            out.append(quantifier(r.min(), r.max()));
        } else {
            throw new IllegalStateException("unknown node " + node);
        }
    }

    private static String quantifier(int min, int max) {
        if (max < 0) {
            return min == 0 ? "*" : min == 1 ? "+" : "{" + min + ",}";
        }
        if (min == 0 && max == 1) {
            return "?";
        }
        return min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
    }

    private static String anchor(Anchor.Kind kind) {
        return switch (kind) {
            case LINE_START -> "^";
            case LINE_END -> "\\z";
            case WORD_START -> "(?<!" + WORD + ")(?=" + WORD + ")";
            case WORD_END -> "(?<=" + WORD + ")(?!" + WORD + ")";
            case WORD_BOUNDARY ->
                    "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
            case NOT_WORD_BOUNDARY ->
                    "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";
        };
    }

    private static void appendSet(BitSet bytes, StringBuilder out) {
        int count = bytes.cardinality();
        if (count == 0) {
            out.append("(?!)");
            return;
        }
        if (count == 256) {
            out.append('.');
            return;
        }
        if (count == 1) {
            appendChar((char) bytes.nextSetBit(0), out);
            return;
        }
        // Single characters, never ranges: java.util.regex turns a class of single chars below
        // 256 into one table lookup, but each range into another predicate in a chain.
        boolean negate = count > 128;
        BitSet members = negate ? ByteClasses.complement(bytes) : bytes;
        out.append(negate ? "[^" : "[");
        for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
            appendChar((char) c, out);
        }
        out.append(']');
    }

    private static void appendChar(char c, StringBuilder out) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out.append(c);
        } else {
            out.append("\\x")
                    .append(Character.forDigit(c >> 4, 16))
                    .append(Character.forDigit(c & 15, 16));
        }
    }
}
