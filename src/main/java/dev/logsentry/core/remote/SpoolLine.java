package dev.logsentry.core.remote;

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
 *
 * <p>The line is written straight into one byte array of its exact length (the fields hold one char
 * per byte): this runs for every received line, so it makes no StringBuilder, String or date-time
 * object of its own.
 */
public final class SpoolLine {
    private static final int TIME_LENGTH = 32; // 2026-12-04T10:15:30.123456+01:00

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
        Instant t = m.timestamp() != null ? m.timestamp() : received;
        ZoneOffset off = m.offset() != null ? m.offset() : zone.getRules().getOffset(t);
        // not OffsetDateTime.ofInstant: that builds the offset's ZoneRules anew for every line
        LocalDateTime local = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), off);
        String msg = m.message();
        int msgEnd = trimmed(msg);
        boolean space = m.app() != null && !msg.startsWith(" ");
        int year = local.getYear();
        int n = TIME_LENGTH + (year > 9999 || year < 0 ? 12 : 0) + 1 + host.length() + 1;
        int appLength = m.app() == null ? 0 : escapedLength(m.app(), m.app().length());
        int pidLength = m.procId() == null ? 0 : escapedLength(m.procId(), m.procId().length());
        int msgLength = escapedLength(msg, msgEnd);
        if (m.app() != null) {
            n += appLength + 1 + (space ? 1 : 0);
            if (m.procId() != null) {
                n += pidLength + 2;
            }
        }
        n += msgLength;
        Out o = new Out(new byte[n]);
        appendTime(o, local, off);
        o.put(' ').ascii(host).put(' ');
        if (m.app() != null) {
            o.escape(m.app(), m.app().length(), appLength);
            if (m.procId() != null) {
                o.put('[').escape(m.procId(), m.procId().length(), pidLength).put(']');
            }
            o.put(':');
            if (space) {
                o.put(' ');
            }
        }
        o.escape(msg, msgEnd, msgLength);
        return o.pos == n ? o.b : java.util.Arrays.copyOf(o.b, o.pos);
    }

    /** A trailing line feed is the frame's, not the message's (rsyslog drops it too). */
    private static int trimmed(String s) {
        int n = s.length();
        while (n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
            n--;
        }
        return n;
    }

    private static boolean control(char c) {
        return c < 0x20 || c == 0x7f;
    }

    private static int escapedLength(String s, int end) {
        int n = end;
        for (int i = 0; i < end; i++) {
            if (control(s.charAt(i))) {
                n += 3;
            }
        }
        return n;
    }

    private static void appendTime(Out o, LocalDateTime t, ZoneOffset off) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            o.ascii(Integer.toString(year)).put('-');
        } else {
            o.digits(year, 4).put('-');
        }
        o.digits(t.getMonthValue(), 2).put('-');
        o.digits(t.getDayOfMonth(), 2).put('T');
        o.digits(t.getHour(), 2).put(':');
        o.digits(t.getMinute(), 2).put(':');
        o.digits(t.getSecond(), 2).put('.');
        o.digits(t.getNano() / 1000, 6);
        int secs = off.getTotalSeconds();
        o.put(secs < 0 ? '-' : '+');
        secs = Math.abs(secs);
        o.digits(secs / 3600, 2).put(':');
        o.digits(secs / 60 % 60, 2);
    }

    /** A cursor over the line's array. */
    private static final class Out {
        final byte[] b;
        int pos;

        Out(byte[] b) {
            this.b = b;
        }

        Out put(char c) {
            b[pos++] = (byte) c;
            return this;
        }

        Out ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                b[pos++] = (byte) s.charAt(i);
            }
            return this;
        }

        /** {@code v} (0 or more) as exactly {@code width} digits, zero-padded. */
        Out digits(int v, int width) {
            for (int i = pos + width - 1; i >= pos; i--) {
                b[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            pos += width;
            return this;
        }

        /**
         * Appends {@code s} up to {@code end} (one char per byte), controls as {@code #ooo}; {@code
         * escaped} is its {@link #escapedLength}.
         */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is what we mean
        Out escape(String s, int end, int escaped) {
            if (escaped == end) {
                // no control character (the usual line): one bulk copy of each char's low byte,
                // an array copy for the Latin-1 strings that frames decode to
                s.getBytes(0, end, b, pos);
                pos += end;
                return this;
            }
            for (int i = 0; i < end; i++) {
                char c = s.charAt(i);
                if (control(c)) {
                    b[pos++] = '#';
                    b[pos++] = (byte) ('0' + (c >> 6));
                    b[pos++] = (byte) ('0' + ((c >> 3) & 7));
                    b[pos++] = (byte) ('0' + (c & 7));
                } else {
                    b[pos++] = (byte) c;
                }
            }
            return this;
        }
    }
}
