package dev.logsentry.core.summary;

/**
 * Finds text that every match of a regular expression must contain, so that a line can be turned
 * down with {@code startsWith} or {@code indexOf} before the regex runs: most lines a service
 * claims are read by one of its later rules, and the earlier ones should cost next to nothing.
 * Conservative: when unsure (top-level alternation, flags, an escape it does not know), it finds
 * nothing and the regex decides alone.
 */
final class Literals {
    private Literals() {}

    /**
     * What a pattern requires.
     *
     * @param prefix text every match starts with (the pattern is anchored with {@code ^}), or ""
     * @param inner the longest other required text, or ""
     */
    record Required(String prefix, String inner) {
        boolean rejects(String s) {
            return (!prefix.isEmpty() && !s.startsWith(prefix))
                    || (!inner.isEmpty() && !s.contains(inner));
        }

        /** As {@link #rejects(String)} for an ASCII message {@code b[from, to)}. */
        boolean rejects(byte[] b, int from, int to) {
            return (!prefix.isEmpty() && !startsWith(b, from, to, prefix))
                    || (!inner.isEmpty() && indexOf(b, from, to, inner) < 0);
        }
    }

    private static boolean startsWith(byte[] b, int from, int to, String p) {
        if (to - from < p.length()) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (b[from + k] != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, String p) {
        char first = p.charAt(0);
        for (int i = from, last = to - p.length(); i <= last; i++) {
            if (b[i] == first && startsWith(b, i, to, p)) {
                return i;
            }
        }
        return -1;
    }

    static Required of(String regex) {
        if (regex.startsWith("(?") && !regex.startsWith("(?<") && !regex.startsWith("(?:")) {
            return new Required("", ""); // inline flags
        }
        if (hasTopLevelAlternation(regex)) {
            return new Required("", "");
        }
        boolean anchored = regex.startsWith("^");
        int i = anchored ? 1 : 0;
        int depth = 0;
        StringBuilder run = new StringBuilder();
        String prefix = null;
        String best = "";
        boolean atStart = anchored;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            Character lit = null;
            int next = i + 1;
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(i + 1);
                if ("\\.()[]{}*+?|^$/-:<>=@#%&!,;'\" ".indexOf(e) >= 0) {
                    lit = e;
                }
                next = i + 2;
            } else if (c == '[') {
                next = skipClass(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if ("^$.*+?{|".indexOf(c) < 0) {
                lit = c;
            }
            boolean quantified = next < regex.length() && "*+?{".indexOf(regex.charAt(next)) >= 0;
            if (lit != null && depth == 0 && !quantified) {
                run.append(lit);
            } else {
                if (lit != null && depth == 0 && quantified && regex.charAt(next) == '+') {
                    run.append(lit); // one at least
                }
                if (atStart && prefix == null) {
                    prefix = run.toString();
                }
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
                atStart = false;
            }
            i = next;
        }
        if (atStart && prefix == null) {
            prefix = run.toString();
        }
        if (run.length() > best.length()) {
            best = run.toString();
        }
        prefix = prefix == null ? "" : prefix;
        String inner = best.equals(prefix) || best.length() < 3 ? "" : best;
        return new Required(prefix, inner);
    }

    private static int skipClass(String r, int i) {
        int j = i + 1;
        if (j < r.length() && r.charAt(j) == '^') {
            j++;
        }
        if (j < r.length() && r.charAt(j) == ']') {
            j++;
        }
        while (j < r.length() && r.charAt(j) != ']') {
            if (r.charAt(j) == '\\') {
                j++;
            }
            j++;
        }
        return j + 1;
    }

    private static boolean hasTopLevelAlternation(String r) {
        int depth = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(r, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
