package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The capturing groups of a Java regex in the order the regex engine numbers them, each with its
 * name or null: so that a rule's fields are read with {@code Matcher.group(int)} instead of a name
 * lookup per line. Conservative: when the count found differs from the compiled pattern's (a
 * construct it does not follow, such as {@code \Q..\E} or comments), it answers null and the caller
 * reads the groups by name.
 */
final class GroupNumbers {
    private GroupNumbers() {}

    static List<String> of(String regex, Pattern compiled) {
        if (regex.contains("\\Q")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                i = skipClass(regex, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                    if (i + 3 < regex.length()
                            && regex.charAt(i + 2) == '<'
                            && regex.charAt(i + 3) != '='
                            && regex.charAt(i + 3) != '!') {
                        int close = regex.indexOf('>', i + 3);
                        if (close < 0) {
                            return null;
                        }
                        out.add(regex.substring(i + 3, close));
                    }
                } else {
                    out.add(null);
                }
                i++;
            } else {
                i++;
            }
        }
        return out.size() == compiled.matcher("").groupCount() ? out : null;
    }

    /** The index after the class starting at {@code i}, or -1 for a nested class. */
    private static int skipClass(String r, int i) {
        int j = i + 1;
        if (j < r.length() && r.charAt(j) == '^') {
            j++;
        }
        if (j < r.length() && r.charAt(j) == ']') {
            j++;
        }
        while (j < r.length() && r.charAt(j) != ']') {
            char c = r.charAt(j);
            if (c == '[') {
                return -1;
            }
            j += c == '\\' ? 2 : 1;
        }
        return j + 1;
    }
}
