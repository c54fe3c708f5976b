package dev.logsentry.core.remote;

import dev.logsentry.core.time.IsoTime;
import dev.logsentry.core.time.SyslogTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses syslog payloads: RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}) and the
 * BSD format of RFC 3164 as senders really write it ({@code <PRI>Mmm dd hh:mm:ss HOST TAG[PID]:
 * MSG}, also with an RFC 3339 time as rsyslog's forward format has, or without a host name). It
 * never fails: what does not fit a field is kept in the message. One parser per thread (it keeps
 * the last time offset it parsed, since a sender's lines repeat it).
 */
public final class SyslogParser {
    private static final int MAX_TAG = 48;

    private final ZoneId zone;

    /** The last "+hh:mm" parsed and its offset (a parser serves one connection). */
    private String lastOffsetText;

    private ZoneOffset lastOffset;

    /**
     * @param zone the zone of RFC 3164 times, which carry none
     */
    public SyslogParser(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Parses {@code s} (one char per byte); {@code now} is when it arrived, the reference for the
     * year of an RFC 3164 time.
     */
    public SyslogMessage parse(String s, Instant now) {
        int pri = -1;
        int i = 0;
        int close = s.indexOf('>');
        if (s.startsWith("<") && close >= 2 && close <= 4) {
            pri = number(s, 1, close);
            if (pri > 191) {
                pri = -1;
            }
            i = pri < 0 ? 0 : close + 1;
        }
        if (pri >= 0 && s.startsWith("1 ", i)) {
            return rfc5424(s, i + 2, pri);
        }
        return rfc3164(s, i, pri, now);
    }

    private SyslogMessage rfc5424(String s, int i, int pri) {
        String[] f = new String[5];
        for (int k = 0; k < 5; k++) {
            int sp = s.indexOf(' ', i);
            if (sp < 0) {
                sp = s.length();
            }
            f[k] = s.substring(i, sp);
            i = Math.min(s.length(), sp + 1);
        }
        Instant ts = null;
        ZoneOffset off = null;
        IsoTime.Parsed t = IsoTime.parse(f[0], 0, ZoneOffset.UTC);
        if (t != null) {
            ts = t.instant();
            off = offset(f[0], t.length());
        }
        String sd = null;
        if (s.startsWith("-", i)) {
            i = Math.min(s.length(), i + 2);
        } else if (s.startsWith("[", i)) {
            int end = structuredDataEnd(s, i);
            sd = s.substring(i, end);
            i = Math.min(s.length(), end + 1);
        }
        String msg = s.substring(i);
        if (msg.startsWith("\u00ef\u00bb\u00bf")) {
            msg = msg.substring(3);
        }
        return new SyslogMessage(
                1, pri, ts, off, nil(f[1]), nil(f[2]), nil(f[3]), nil(f[4]), sd, msg);
    }

    /** The end of STRUCTURED-DATA: after the last ']' of consecutive elements. */
    private static int structuredDataEnd(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) == '[') {
            boolean quoted = false;
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (quoted && c == '\\' && i + 1 < n) {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    i++;
                    break;
                }
                i++;
            }
        }
        return Math.min(i, n);
    }

    private SyslogMessage rfc3164(String s, int i, int pri, Instant now) {
        Instant ts = null;
        ZoneOffset off = null;
        IsoTime.Parsed iso = Character.isDigit(at(s, i)) ? IsoTime.parse(s, i, zone) : null;
        if (iso != null) {
            ts = iso.instant();
            off = offset(s.substring(i, i + iso.length()), iso.length());
            i = skipSpace(s, i + iso.length());
        } else {
            Instant t = new SyslogTime(now, zone).parse(s, i);
            if (t != null) {
                ts = t;
                i = skipSpace(s, i + SyslogTime.LENGTH);
            }
        }
        String host = null;
        if (ts != null) {
            int sp = s.indexOf(' ', i);
            if (sp > i) {
                String word = s.substring(i, sp);
                // a tag, not a host name: "sshd[12]:" or "su:"
                if (!word.endsWith(":") && word.indexOf('[') < 0) {
                    host = word;
                    i = sp + 1;
                }
            }
        }
        String app = null;
        String pid = null;
        int j = i;
        int n = Math.min(s.length(), i + MAX_TAG);
        while (j < n && isTagChar(s.charAt(j))) {
            j++;
        }
        if (j > i && j < s.length()) {
            char c = s.charAt(j);
            if (c == ':') {
                app = s.substring(i, j);
                i = j + 1;
            } else if (c == '[') {
                int end = s.indexOf(']', j);
                if (end > j && end - j <= 24 && s.startsWith(":", end + 1)) {
                    app = s.substring(i, j);
                    pid = s.substring(j + 1, end);
                    i = end + 2;
                }
            }
            if (app != null && at(s, i) == ' ') {
                i++;
            }
        }
        return new SyslogMessage(0, pri, ts, off, host, app, pid, null, null, s.substring(i));
    }

    private static boolean isTagChar(char c) {
        return c > ' ' && c < 0x7f && c != ':' && c != '[' && c != ']';
    }

    /** The offset of an RFC 3339 time of {@code len} chars ("Z" or "+hh:mm"), or null. */
    private ZoneOffset offset(String t, int len) {
        int end = Math.min(len, t.length());
        if (end == 0) {
            return null;
        }
        char last = t.charAt(end - 1);
        if (last == 'Z' || last == 'z') {
            return ZoneOffset.UTC;
        }
        if (end >= 6) {
            char sign = t.charAt(end - 6);
            if ((sign == '+' || sign == '-') && t.charAt(end - 3) == ':') {
                // a sender keeps its offset: parse it once, not for every line
                if (lastOffset != null && t.regionMatches(end - 6, lastOffsetText, 0, 6)) {
                    return lastOffset;
                }
                try {
                    String text = t.substring(end - 6, end);
                    ZoneOffset o = ZoneOffset.of(text);
                    lastOffsetText = text;
                    lastOffset = o;
                    return o;
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String nil(String field) {
        return field.isEmpty() || field.equals("-") ? null : field;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
