package dev.logsentry.core.browse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The quick filter and search text: a plain substring or a regular expression (java.util.regex
 * syntax), case-sensitive or not. A bad regular expression is not an exception: {@link #error()}
 * says what is wrong and where, and the text matches no line. Immutable and thread-safe.
 */
public final class QuickText {

    /** No text: every line matches. */
    public static final QuickText NONE = new QuickText("", false, false);

    private final String text;
    private final boolean regex;
    private final boolean caseSensitive;
    private final Pattern pattern; // null for empty, plain case-sensitive, or invalid
    private final String error;
    private final byte[] asciiNeedle; // plain ASCII text, lower-cased unless case-sensitive

    public QuickText(String text, boolean regex, boolean caseSensitive) {
        this.text = Objects.requireNonNull(text, "text");
        this.regex = regex;
        this.caseSensitive = caseSensitive;
        boolean ascii = !regex && !text.isEmpty() && text.chars().allMatch(c -> c < 0x80);
        // plain ASCII text folds ASCII letters only, so it can be matched on the raw bytes
        int flags =
                caseSensitive
                        ? 0
                        : ascii
                                ? Pattern.CASE_INSENSITIVE
                                : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.asciiNeedle =
                ascii
                        ? (caseSensitive ? text : text.toLowerCase(java.util.Locale.ROOT))
                                .getBytes(StandardCharsets.US_ASCII)
                        : null;
        Pattern p = null;
        String e = null;
        if (!text.isEmpty() && (regex || !caseSensitive)) {
            try {
                p = Pattern.compile(regex ? text : Pattern.quote(text), flags);
            } catch (PatternSyntaxException ex) {
                e = describe(ex);
            }
        }
        this.pattern = p;
        this.error = e;
    }

    /** A plain, case-insensitive substring. */
    public static QuickText plain(String text) {
        return new QuickText(text, false, false);
    }

    private static String describe(PatternSyntaxException ex) {
        String where = ex.getIndex() >= 0 ? " at position " + (ex.getIndex() + 1) : "";
        return "Invalid regular expression" + where + ": " + ex.getDescription();
    }

    public String text() {
        return text;
    }

    public boolean regex() {
        return regex;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    /** True when there is no text (everything matches). */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** What is wrong with the regular expression, shown under the filter field; empty if valid. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Whether {@code line} contains a match (an invalid expression matches nothing). */
    public boolean matches(String line) {
        if (text.isEmpty()) {
            return true;
        }
        if (error != null) {
            return false;
        }
        if (pattern == null) {
            return line.contains(text);
        }
        return pattern.matcher(line).find();
    }

    /**
     * Whether the line given as UTF-8 bytes {@code buf[off, off + len)} contains a match: the same
     * answer as {@link #matches(String)} on the decoded line, without decoding plain ASCII text.
     */
    public boolean matches(byte[] buf, int off, int len) {
        if (asciiNeedle == null || error != null) {
            return matches(new String(buf, off, len, StandardCharsets.UTF_8));
        }
        // UTF-8 never hides an ASCII byte inside another character, and the decoder keeps every
        // ASCII byte of invalid input, so a byte match is a match in the decoded text
        byte[] needle = asciiNeedle;
        int n = needle.length;
        byte first = needle[0];
        for (int i = off, last = off + len - n; i <= last; i++) {
            if (fold(buf[i]) != first) {
                continue;
            }
            int k = 1;
            while (k < n && fold(buf[i + k]) == needle[k]) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    private byte fold(byte b) {
        return !caseSensitive && b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /**
     * The matches in {@code line} as {@code [start, end)} char ranges, in order and not
     * overlapping, for highlighting. Empty matches are left out.
     */
    public List<int[]> spans(String line) {
        List<int[]> spans = new ArrayList<>();
        if (text.isEmpty() || error != null) {
            return spans;
        }
        if (pattern == null) {
            for (int i = line.indexOf(text); i >= 0; i = line.indexOf(text, i + text.length())) {
                spans.add(new int[] {i, i + text.length()});
            }
            return spans;
        }
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            if (m.end() > m.start()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuickText q
                && q.text.equals(text)
                && q.regex == regex
                && q.caseSensitive == caseSensitive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, regex, caseSensitive);
    }

    @Override
    public String toString() {
        return (regex ? "/" + text + "/" : '"' + text + '"') + (caseSensitive ? "" : "i");
    }
}
