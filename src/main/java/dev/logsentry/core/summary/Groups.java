package dev.logsentry.core.summary;

import java.util.regex.Matcher;

/**
 * The groups of a reader's last match, copied out of whichever matcher made it, so that the
 * counting code sees one concrete type (the JIT then compiles it once).
 */
final class Groups {
    private int[] bounds = new int[2];
    private String text;

    void from(String msg, Matcher m) {
        text = msg;
        int n = 2 * (m.groupCount() + 1);
        if (bounds.length < n) {
            bounds = new int[n];
        }
        for (int g = 0; 2 * g < n; g++) {
            bounds[2 * g] = m.start(g);
            bounds[2 * g + 1] = m.end(g);
        }
    }

    void from(String msg, SimpleRegex.State s) {
        text = msg;
        int[] b = s.bounds();
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
        return start < 0 ? null : text.substring(start, bounds[2 * g + 1]);
    }
}
