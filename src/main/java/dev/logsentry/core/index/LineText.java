package dev.logsentry.core.index;

import java.nio.charset.StandardCharsets;

/**
 * Turns the raw bytes of a line into display text: UTF-8 with every invalid byte shown as U+FFFD,
 * and a visible marker when the line was cut at the display limit. Raw bytes stay untouched in the
 * file; this is only how they are shown.
 */
public final class LineText {
    /** Starts the marker appended to a cut line, so views can style it. */
    public static final String CUT_MARKER_START = " \u2026[cut: ";

    private LineText() {}

    /** Decodes UTF-8, replacing malformed input with U+FFFD. */
    public static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Decodes UTF-8, replacing malformed input with U+FFFD. */
    public static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * Decodes UTF-8 for a file opened although it looks binary: every control byte (but tab) and
     * every byte that is not part of a valid UTF-8 character is shown as {@code \xNN}, so NULs and
     * stray bytes are visible and countable instead of invisible or U+FFFD.
     */
    public static String escaped(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length + 16);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int c = bytes[i] & 0xFF;
            if (c < 0x80) {
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    hex(out, c);
                } else {
                    out.append((char) c);
                }
                i++;
                continue;
            }
            int n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 ? 2 : 0;
            if (n > 0 && i + n <= end && continuations(bytes, i + 1, i + n)) {
                String ch = new String(bytes, i, n, StandardCharsets.UTF_8);
                if (ch.indexOf('\ufffd') < 0) {
                    out.append(ch);
                    i += n;
                    continue;
                }
            }
            hex(out, c);
            i++;
        }
        return out.toString();
    }

    private static boolean continuations(byte[] bytes, int from, int to) {
        for (int j = from; j < to; j++) {
            if ((bytes[j] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void hex(StringBuilder out, int b) {
        out.append("\\x")
                .append(Character.forDigit(b >> 4, 16))
                .append(Character.forDigit(b & 15, 16));
    }

    /**
     * Display text for a line of {@code fullLength} bytes of which {@code length} bytes (at most
     * the display limit) are in {@code bytes}. When cut, the cut backs off to a character boundary
     * and a marker says how long the whole line is.
     */
    public static String display(byte[] bytes, int offset, int length, long fullLength) {
        if (length >= fullLength) {
            return decode(bytes, offset, length);
        }
        int end = offset + length;
        // Do not split a multi-byte character: find the last lead byte and drop its character
        // when it does not fit completely.
        int lead = end - 1;
        while (lead > offset && lead > end - 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        int b = bytes[lead] & 0xFF;
        int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (lead + need > end) {
            end = lead;
        }
        return decode(bytes, offset, end - offset) + cutMarker(fullLength);
    }

    /** The marker appended to a line that was cut, naming its full length. */
    public static String cutMarker(long fullLength) {
        return CUT_MARKER_START + String.format("%,d bytes in all]", fullLength);
    }

    /** Whether display text ends with a cut marker. */
    public static boolean isCut(String displayText) {
        return displayText.contains(CUT_MARKER_START) && displayText.endsWith(" bytes in all]");
    }
}
