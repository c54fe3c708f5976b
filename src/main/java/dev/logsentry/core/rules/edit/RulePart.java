package dev.logsentry.core.rules.edit;

/**
 * One piece of a rule built from a log line: literal text, or a variable part (a PID, a number, an
 * address...) that is either kept as written (escaped) or generalised to a pattern.
 *
 * @param kind what the text is
 * @param text the text as it is in the line
 * @param generalised whether the rule uses {@link Kind#pattern()} instead of the text
 */
public record RulePart(Kind kind, String text, boolean generalised) {

    /** What a part of a log line is, and the pattern it generalises to. */
    public enum Kind {
        /** The timestamp: always the two-format prefix of logcheck's shipped rules. */
        TIMESTAMP("(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32})"),
        /** The host name in the header. */
        HOST("[._[:alnum:]-]+"),
        /** Fixed text. */
        TEXT(null),
        /** A process id in brackets after the program name. */
        PID("[[:digit:]]+"),
        /** A port number (after "port " or an address and a colon). */
        PORT("[[:digit:]]+"),
        /** Any other decimal number. */
        NUMBER("[[:digit:]]+"),
        /** An IPv4 address. */
        IPV4("[[:digit:]]{1,3}(\\.[[:digit:]]{1,3}){3}"),
        /** An IPv6 address. */
        IPV6("[[:xdigit:]:.]+"),
        /** A hexadecimal id (queue ids, session ids, 0x values). */
        HEX("[[:xdigit:]]+"),
        /** A host or domain name inside the message. */
        DOMAIN("[._[:alnum:]-]+"),
        /** A user name (after "user", "for", "by", "user=" ...). */
        USER("[._[:alnum:]-]+"),
        /** A file system path. */
        PATH("/[^[:space:]]*");

        private final String pattern;

        Kind(String pattern) {
            this.pattern = pattern;
        }

        /** The ERE this kind generalises to; null for fixed text. */
        public String pattern() {
            return pattern;
        }

        /** Whether the part can be generalised at all. */
        public boolean variable() {
            return pattern != null && this != TIMESTAMP;
        }
    }

    /** The ERE for this part: the pattern, or the text with every special character escaped. */
    public String regex() {
        if (kind == Kind.TIMESTAMP) {
            return kind.pattern();
        }
        if (kind == Kind.HEX && generalised && text.startsWith("0x")) {
            return "0x" + kind.pattern();
        }
        return generalised ? kind.pattern() : escape(text);
    }

    /** {@code text} as an ERE matching exactly it: {@code .[]()*+?{}|^$\} escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (".[]()*+?{}|^$\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
