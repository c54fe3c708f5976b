package dev.logsentry.core.check;

import java.nio.charset.StandardCharsets;

/**
 * One log line as read from its source, without the line terminator.
 *
 * <p>The text is kept as the line's bytes, stored one byte per char (ISO-8859-1) in {@code latin1}:
 * that keeps binary data and invalid UTF-8 exactly, costs one byte per char in a compact Java
 * string, and is what the rules match against (grep's C-locale byte semantics). Use {@link
 * #displayText()} to show the line to a person.
 *
 * @param source where the line came from (a path, "journal", ...), reported in JSON
 * @param offset byte offset of the line's start in that source, or -1 when unknown
 * @param latin1 the line's bytes, one char per byte
 */
public record InputLine(String source, long offset, String latin1) {

    /** A line from raw bytes. */
    public static InputLine ofBytes(String source, long offset, byte[] bytes) {
        return new InputLine(source, offset, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** A line from raw bytes {@code bytes[from, to)}. */
    public static InputLine ofBytes(String source, long offset, byte[] bytes, int from, int to) {
        return new InputLine(
                source, offset, new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** A line from decoded text (it is matched as its UTF-8 bytes). */
    public static InputLine ofText(String source, long offset, String text) {
        return ofBytes(source, offset, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw bytes of the line. */
    public byte[] bytes() {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The line decoded as UTF-8, invalid bytes replaced by U+FFFD. */
    public String displayText() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * Whether the line is binary data rather than text: it holds a NUL, or at least a fifth of its
     * bytes (and no fewer than four) are control characters (other than tab) or not valid UTF-8.
     * Text with the odd escape sequence, carriage return or Latin-1 letter is text: reports show it
     * as logcheck does; binary lines are shown escaped.
     */
    public boolean looksBinary() {
        if (plainText(latin1)) {
            return false;
        }
        int odd = 0;
        int n = latin1.length();
        for (int i = 0; i < n; i++) {
            char c = latin1.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x80) {
                odd += (c < 0x20 && c != '\t') || c == 0x7f ? 1 : 0;
                continue;
            }
            int more =
                    c >= 0xc2 && c <= 0xdf
                            ? 1
                            : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
            int j = i + 1;
            while (more > 0 && j < n && (latin1.charAt(j) & 0xc0) == 0x80) {
                j++;
                more--;
            }
            if (more == 0) {
                i = j - 1; // a whole UTF-8 sequence
            } else {
                odd++;
            }
        }
        return odd >= 4 && odd * 5 >= n;
    }

    /** Whether {@code s} is printable ASCII and tabs only (most lines): then no byte is odd. */
    private static boolean plainText(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        for (byte x : b) {
            if (x < 0x20 && x != '\t' || x == 0x7f || x < 0) {
                return false;
            }
        }
        return true;
    }

    /** The same line with other text (same source and offset). */
    public InputLine withLatin1(String text) {
        return text.equals(latin1) ? this : new InputLine(source, offset, text);
    }
}
