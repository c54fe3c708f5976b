package dev.logsentry.core.remote;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Writes a message as one spool line in rsyslog's {@code RSYSLOG_FileFormat}, the default of Debian
 * 12's rsyslog: {@code 2026-12-04T10:15:30.123456+01:00 HOST APP[PID]: MSG}. That is what
 * logcheck's rules (and {@code logsentry check}) expect in /var/log, so the same rules judge the
 * spool as they judge local logs. Control characters are escaped as rsyslog does ({@code #012} for
 * a line feed), so one message is always one line.
 */
public final class SpoolLine {
    private SpoolLine() {}

    /**
     * The line's bytes, without the trailing newline.
     *
     * @param m the message
     * @param host the sanitised host name
     * @param received when it arrived (the time when the sender gave none)
     * @param zone the zone for a time without an offset
     */
    public static byte[] format(SyslogMessage m, String host, Instant received, ZoneId zone) {
        StringBuilder b =
                new StringBuilder(
                        48
                                + host.length()
                                + length(m.app())
                                + length(m.procId())
                                + m.message().length());
        Instant t = m.timestamp() != null ? m.timestamp() : received;
        ZoneOffset off = m.offset() != null ? m.offset() : zone.getRules().getOffset(t);
        // not OffsetDateTime.ofInstant: that builds the offset's ZoneRules anew for every line
        appendTime(b, LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), off), off);
        b.append(' ').append(host).append(' ');
        if (m.app() != null) {
            escape(b, m.app());
            if (m.procId() != null) {
                b.append('[');
                escape(b, m.procId());
                b.append(']');
            }
            b.append(':');
            if (!m.message().startsWith(" ")) {
                b.append(' ');
            }
        }
        escape(b, m.message());
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length() + 2;
    }

    private static void appendTime(StringBuilder b, LocalDateTime t, ZoneOffset off) {
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        pad(b, t.getNano() / 1000, 6);
        int secs = off.getTotalSeconds();
        b.append(secs < 0 ? '-' : '+');
        secs = Math.abs(secs);
        pad(b, secs / 3600, 2).append(':');
        pad(b, secs / 60 % 60, 2);
    }

    private static StringBuilder pad(StringBuilder b, int v, int width) {
        // digits appended directly: no String per field and line
        if (v < 0) {
            return b.append(v);
        }
        int digits = 1;
        for (int x = v; x >= 10; x /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            b.append('0');
        }
        for (int p = pow10(digits - 1); p > 0; p /= 10) {
            b.append((char) ('0' + v / p % 10));
        }
        return b;
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** Appends {@code s} (one char per byte), control characters as {@code #ooo}. */
    private static void escape(StringBuilder b, String s) {
        int n = s.length();
        // a trailing line feed is the frame's, not the message's (rsyslog drops it too)
        while (n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append('#').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)));
                b.append((char) ('0' + (c & 7)));
            } else {
                b.append(c);
            }
        }
    }
}
