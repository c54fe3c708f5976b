package dev.logsentry.core.summary;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * The groups of a reader's last match, copied out of whichever matcher made it, so that the
 * counting code sees one concrete type (the JIT then compiles it once).
 */
final class Groups {
    private int[] bounds = new int[2];
    private String text;
    private byte[] bytes; // the subject when the byte engine matched (ASCII), else null

    void from(String msg, Matcher m) {
        text = msg;
        bytes = null;
        int n = 2 * (m.groupCount() + 1);
        if (bounds.length < n) {
            bounds = new int[n];
        }
        for (int g = 0; 2 * g < n; g++) {
            bounds[2 * g] = m.start(g);
            bounds[2 * g + 1] = m.end(g);
        }
    }

    void from(byte[] msg, ByteRegex.Matcher m) {
        text = null;
        bytes = msg;
        int[] b = m.bounds;
        if (bounds.length < b.length) {
            bounds = new int[b.length];
        }
        System.arraycopy(b, 0, bounds, 0, b.length);
    }

    int start(int g) {
        return bounds[2 * g];
    }

    int end(int g) {
        return bounds[2 * g + 1];
    }

    /** The group's text, or null when it took no part in the match. */
    String group(int g) {
        int start = bounds[2 * g];
        if (start < 0) {
            return null;
        }
        int end = bounds[2 * g + 1];
        return text != null
                ? text.substring(start, end)
                : new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** The item of {@code parent} named by group {@code g}'s text (which took part, not empty). */
    Tally item(Tally parent, int g) {
        int start = bounds[2 * g];
        int end = bounds[2 * g + 1];
        return text != null ? parent.item(text, start, end) : parent.item(bytes, start, end);
    }

    /** Group {@code g} read as a decimal number (a group of digits), or 0. */
    long number(int g) {
        int start = bounds[2 * g];
        int end = bounds[2 * g + 1];
        if (text != null || start < 0 || end - start > 18 || end == start) {
            String v = group(g);
            try {
                return v == null ? 0 : Long.parseLong(v);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) { // a sign or no number: as Long.parseLong says
                try {
                    return Long.parseLong(group(g));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            n = 10 * n + d;
        }
        return n;
    }
}
