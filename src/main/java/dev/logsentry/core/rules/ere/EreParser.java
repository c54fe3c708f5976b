package dev.logsentry.core.rules.ere;

import dev.logsentry.core.rules.ere.EreNode.Anchor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Parses a POSIX extended regular expression the way GNU grep 3.x {@code -E} reads it in the C
 * locale. The quirks reproduced here were checked against the real grep (see {@code
 * EreTranslatorTest}): a quantifier with nothing before it applies to the empty string, an
 * unmatched {@code )} and a {@code {} that does not start a valid interval are literal, a
 * backslash before an ordinary character is that character, backslashes are literal inside
 * brackets, and {@code ]} first in a bracket is literal.
 */
public final class EreParser {

    /** GNU regex's RE_DUP_MAX. */
    private static final int DUP_MAX = 0x7fff;

    private final String pattern;
    private final boolean ignoreCase;
    private final EreToken.Sink sink;
    private int pos;
    private int groups;
    private int openGroups;

    private EreParser(String pattern, boolean ignoreCase, EreToken.Sink sink) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        this.sink = sink;
    }

    /** Parses {@code pattern}; with {@code ignoreCase}, ASCII letters match either case. */
    public static EreNode parse(String pattern, boolean ignoreCase) throws EreSyntaxException {
        return parse(pattern, ignoreCase, (kind, start, end) -> {});
    }

    /**
     * Parses {@code pattern} and reports each token to {@code sink} as it is read (the rule
     * editor's colouring and warnings: one reading of the syntax, this one). On a syntax error the
     * tokens read so far have been reported.
     */
    public static EreNode parse(String pattern, boolean ignoreCase, EreToken.Sink sink)
            throws EreSyntaxException {
        EreParser parser = new EreParser(pattern, ignoreCase, sink);
        EreNode node = parser.alternation();
        if (parser.pos < pattern.length()) {
            // only reachable through a ')' the alternation refused, which cannot happen at depth 0
            throw new EreSyntaxException("Unmatched ) or \\)", parser.pos);
        }
        return node;
    }

    private EreNode alternation() throws EreSyntaxException {
        List<EreNode> branches = new ArrayList<>();
        branches.add(sequence());
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            sink.token(EreToken.Kind.ALTERNATION, pos, pos + 1);
            pos++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? branches.get(0) : new EreNode.Alternation(branches);
    }

    private EreNode sequence() throws EreSyntaxException {
        List<EreNode> items = new ArrayList<>();
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos);
            if (c == '|' || (c == ')' && openGroups > 0)) {
                break;
            }
            if (isQuantifierStart()) {
                int at = pos;
                int[] bounds = quantifier();
                sink.token(EreToken.Kind.QUANTIFIER, at, pos);
                if (!items.isEmpty()) {
                    EreNode last = items.remove(items.size() - 1);
                    items.add(new EreNode.Repeat(last, bounds[0], bounds[1]));
                }
                // nothing before it: grep applies it to the empty string, which changes nothing
                continue;
            }
            items.add(atom());
        }
        return items.size() == 1 ? items.get(0) : new EreNode.Sequence(items);
    }

    private boolean isQuantifierStart() {
        char c = pattern.charAt(pos);
        return c == '*' || c == '+' || c == '?' || (c == '{' && intervalEnd(pos) > 0);
    }

    /** The index after a syntactically valid interval starting at {@code start}, or -1. */
    private int intervalEnd(int start) {
        int i = start + 1;
        int digits = 0;
        while (i < pattern.length() && isDigit(pattern.charAt(i))) {
            i++;
            digits++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ',') {
            i++;
            while (i < pattern.length() && isDigit(pattern.charAt(i))) {
                i++;
                digits++;
            }
        } else if (digits == 0) {
            return -1;
        }
        return i < pattern.length() && pattern.charAt(i) == '}' ? i + 1 : -1;
    }

    private int[] quantifier() throws EreSyntaxException {
        char c = pattern.charAt(pos);
        if (c != '{') {
            pos++;
            return switch (c) {
                case '*' -> new int[] {0, -1};
                case '+' -> new int[] {1, -1};
                default -> new int[] {0, 1};
            };
        }
        int start = pos;
        int end = intervalEnd(pos);
        String body = pattern.substring(pos + 1, end - 1);
        pos = end;
        int comma = body.indexOf(',');
        int min;
        int max;
        if (comma < 0) {
            min = number(body, start);
            max = min;
        } else {
            min = comma == 0 ? 0 : number(body.substring(0, comma), start);
            max = comma == body.length() - 1 ? -1 : number(body.substring(comma + 1), start);
        }
        if (max >= 0 && max < min) {
            throw new EreSyntaxException("Invalid content of \\{\\}", start);
        }
        return new int[] {min, max};
    }

    private static int number(String digits, int at) throws EreSyntaxException {
        if (digits.length() > 6 || Integer.parseInt(digits) > DUP_MAX) {
            throw new EreSyntaxException("Regular expression too big", at);
        }
        return Integer.parseInt(digits);
    }

    private EreNode atom() throws EreSyntaxException {
        int at = pos;
        char c = pattern.charAt(pos++);
        EreToken.Kind kind =
                switch (c) {
                    case '(' -> EreToken.Kind.GROUP_OPEN;
                    case '.' -> EreToken.Kind.ANY;
                    case '^', '$' -> EreToken.Kind.ANCHOR;
                    case '[', '\\' -> null; // reported once their end is known
                    default -> EreToken.Kind.LITERAL;
                };
        if (kind != null) {
            sink.token(kind, at, pos);
        }
        return switch (c) {
            case '(' -> group();
            case '.' -> new EreNode.AnyByte();
            case '^' -> new Anchor(Anchor.Kind.LINE_START);
            case '$' -> new Anchor(Anchor.Kind.LINE_END);
            case '[' -> {
                EreNode set = bracket();
                sink.token(EreToken.Kind.BRACKET, at, pos);
                yield set;
            }
            case '\\' -> {
                EreNode node = escape();
                sink.token(escapeKind(node, pattern.charAt(at + 1)), at, pos);
                yield node;
            }
            default -> literal(c);
        };
    }

    private EreNode group() throws EreSyntaxException {
        int number = ++groups;
        int start = pos - 1;
        openGroups++;
        EreNode body = alternation();
        openGroups--;
        if (pos >= pattern.length() || pattern.charAt(pos) != ')') {
            throw new EreSyntaxException("Unmatched ( or \\(", start);
        }
        sink.token(EreToken.Kind.GROUP_CLOSE, pos, pos + 1);
        pos++;
        return new EreNode.Group(body, number);
    }

    private EreNode escape() throws EreSyntaxException {
        if (pos >= pattern.length()) {
            throw new EreSyntaxException("Trailing backslash", pos - 1);
        }
        char c = pattern.charAt(pos++);
        return switch (c) {
            case 'w' -> new EreNode.ByteSet(ByteClasses.word());
            case 'W' -> new EreNode.ByteSet(ByteClasses.complement(ByteClasses.word()));
            case 's' -> new EreNode.ByteSet(ByteClasses.named("space"));
            case 'S' -> new EreNode.ByteSet(ByteClasses.complement(ByteClasses.named("space")));
            case 'b' -> new Anchor(Anchor.Kind.WORD_BOUNDARY);
            case 'B' -> new Anchor(Anchor.Kind.NOT_WORD_BOUNDARY);
            case '<' -> new Anchor(Anchor.Kind.WORD_START);
            case '>' -> new Anchor(Anchor.Kind.WORD_END);
            case '`' -> new Anchor(Anchor.Kind.LINE_START);
            case '\'' -> new Anchor(Anchor.Kind.LINE_END);
            default -> {
                if (c >= '1' && c <= '9') {
                    int n = c - '0';
                    if (n > groups) {
                        throw new EreSyntaxException("Invalid back reference", pos - 2);
                    }
                    yield new EreNode.BackReference(n);
                }
                yield literal(c);
            }
        };
    }

    private static EreToken.Kind escapeKind(EreNode node, char escaped) {
        if (node instanceof Anchor) {
            return EreToken.Kind.ANCHOR;
        }
        if (node instanceof EreNode.BackReference) {
            return EreToken.Kind.BACK_REFERENCE;
        }
        if ("wWsS".indexOf(escaped) >= 0) {
            return EreToken.Kind.CLASS_ESCAPE;
        }
        return EreToken.Kind.ESCAPED_LITERAL;
    }

    private EreNode literal(char c) {
        if (ignoreCase && isAsciiLetter(c)) {
            BitSet both = new BitSet(256);
            both.set(Character.toLowerCase(c));
            both.set(Character.toUpperCase(c));
            return new EreNode.ByteSet(both);
        }
        return new EreNode.Literal(c);
    }

    private EreNode bracket() throws EreSyntaxException {
        int start = pos - 1;
        BitSet set = new BitSet(256);
        boolean negate = false;
        if (pos < pattern.length() && pattern.charAt(pos) == '^') {
            negate = true;
            pos++;
        }
        int contentStart = pos;
        boolean first = true;
        while (true) {
            if (pos >= pattern.length()) {
                throw new EreSyntaxException("Unmatched [, [^, [:, [., or [=", start);
            }
            char c = pattern.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (c == '['
                    && pos + 1 < pattern.length()
                    && ":=.".indexOf(pattern.charAt(pos + 1)) >= 0) {
                char kind = pattern.charAt(pos + 1);
                int close = pattern.indexOf(kind + "]", pos + 2);
                if (close < 0) {
                    throw new EreSyntaxException("Unmatched [, [^, [:, [., or [=", pos);
                }
                String name = pattern.substring(pos + 2, close);
                pos = close + 2;
                if (kind == ':') {
                    BitSet named = ByteClasses.named(name);
                    if (named == null) {
                        throw new EreSyntaxException("Invalid character class name", pos);
                    }
                    set.or(named);
                    rejectRangeAfterClass();
                    continue;
                }
                char element = collatingElement(name, kind, pos);
                if (kind == '=') {
                    set.set(element);
                    continue;
                }
                rangeOrSingle(set, element);
                continue;
            }
            pos++;
            rangeOrSingle(set, c);
        }
        String content = pattern.substring(contentStart, pos - 1);
        if (!negate && content.length() >= 2 && content.startsWith(":") && content.endsWith(":")) {
            throw new EreSyntaxException(
                    "character class syntax is [[:space:]], not [:space:]", start);
        }
        if (ignoreCase) {
            ByteClasses.foldCase(set);
        }
        return new EreNode.ByteSet(negate ? ByteClasses.complement(set) : set);
    }

    private void rejectRangeAfterClass() throws EreSyntaxException {
        if (pos + 1 < pattern.length()
                && pattern.charAt(pos) == '-'
                && pattern.charAt(pos + 1) != ']') {
            throw new EreSyntaxException("Invalid range end", pos);
        }
    }

    private static char collatingElement(String name, char kind, int at) throws EreSyntaxException {
        if (name.length() == 1) {
            return name.charAt(0);
        }
        throw new EreSyntaxException(
                kind == '=' ? "Invalid collation character" : "Invalid collation character", at);
    }

    /** Adds {@code low}, or the range {@code low-high} when a range follows. */
    private void rangeOrSingle(BitSet set, char low) throws EreSyntaxException {
        if (pos + 1 < pattern.length()
                && pattern.charAt(pos) == '-'
                && pattern.charAt(pos + 1) != ']') {
            int rangeAt = pos;
            pos++;
            char high;
            if (pattern.startsWith("[.", pos)) {
                int close = pattern.indexOf(".]", pos + 2);
                if (close < 0) {
                    throw new EreSyntaxException("Unmatched [, [^, [:, [., or [=", pos);
                }
                high = collatingElement(pattern.substring(pos + 2, close), '.', pos);
                pos = close + 2;
            } else if (pattern.startsWith("[:", pos) || pattern.startsWith("[=", pos)) {
                throw new EreSyntaxException("Invalid range end", pos);
            } else {
                high = pattern.charAt(pos++);
            }
            if (high < low) {
                throw new EreSyntaxException("Invalid range end", rangeAt);
            }
            set.set(low, high + 1);
            return;
        }
        set.set(low);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
