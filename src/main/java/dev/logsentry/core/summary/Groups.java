package dev.logsentry.core.summary;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * The groups of a reader's last match, copied out of whichever matcher made it, so that the
 * counting code sees one concrete type (the JIT then compiles it once).
 */
final class Groups {
    private int[] bounds;
    private String text;
    private byte[] bytes; // the subject when the byte engine matched (ASCII), else null
    private byte[] scratch = new byte[128]; // a template key being put together
    private static final byte[] NONE = KeyTemplate.value(null).getBytes(StandardCharsets.US_ASCII);

    /** {@code size}: room for this many bounds (two per group and the match) before growing. */
    Groups(int size) {
        bounds = new int[size];
    }

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

    /**
     * The item of {@code parent} named by a template ({@code ascii}: its literal parts, null where
     * a field goes) filled from a byte match, put together in a buffer instead of a String; null
     * when the match is not the byte engine's or a value is not ASCII.
     */
    Tally templateItem(Tally parent, byte[][] ascii, FieldRef[] refs) {
        if (bytes == null) {
            return null;
        }
        int n = 0;
        int f = 0;
        for (byte[] lit : ascii) {
            if (lit != null) {
                n = append(lit, 0, lit.length, n);
                continue;
            }
            FieldRef r = refs[f++];
            int g = r.number();
            if (g > 0 && bounds[2 * g] >= 0) { // took part: its text, or "(none)" when empty
                n =
                        bounds[2 * g + 1] > bounds[2 * g]
                                ? append(bytes, bounds[2 * g], bounds[2 * g + 1], n)
                                : append(NONE, 0, NONE.length, n);
            } else {
                String v = KeyTemplate.value(r.get(this, null));
                for (int k = 0; k < v.length(); k++) {
                    if (v.charAt(k) >= 128) {
                        return null;
                    }
                }
                byte[] vb = v.getBytes(StandardCharsets.ISO_8859_1);
                n = append(vb, 0, vb.length, n);
            }
        }
        return parent.item(scratch, 0, n);
    }

    private int append(byte[] b, int from, int to, int n) {
        int len = to - from;
        if (n + len > scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(2 * scratch.length, n + len));
        }
        System.arraycopy(b, from, scratch, n, len);
        return n + len;
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
