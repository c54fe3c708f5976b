package dev.logsentry.core.check;

/** Which logcheck a run reproduces, rule for rule and byte for byte. */
public enum Profile {
    /**
     * Debian's logcheck 1.4 ({@code /usr/sbin/logcheck}): rule directories, levels, three passes,
     * case-sensitive matching, {@code sort -k 1,3 -s}, trailing white space removed.
     */
    LOGCHECK_1_4,
    /**
     * Craig Rowland's logcheck.sh of 1996 (the seed): four rule files, {@code egrep -i} for hacking
     * and violations, lines in log order, no subtraction between sections.
     */
    CLASSIC_1996;

    /** Parses {@code logcheck}, {@code logcheck-1.4}, {@code classic} or an enum name. */
    public static Profile parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "logcheck", "logcheck-1.4", "logcheck_1_4", "debian" -> LOGCHECK_1_4;
            case "classic", "classic-1996", "classic_1996", "1996" -> CLASSIC_1996;
            default ->
                    throw new IllegalArgumentException(
                            "unknown profile '" + text + "' (expected logcheck or classic)");
        };
    }
}
