package dev.logsentry.core.remote;

import dev.logsentry.core.time.IsoTime;
import dev.logsentry.core.time.SyslogTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses syslog payloads: RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}) and the
 * BSD format of RFC 3164 as senders really write it ({@code <PRI>Mmm dd hh:mm:ss HOST TAG[PID]:
 * MSG}, also with an RFC 3339 time as rsyslog's forward format has, or without a host name). It
 * never fails: what does not fit a field is kept in the message. One parser per thread (it keeps
 * the last time offset it parsed, since a sender's lines repeat it).
 *
 * <p>The parse runs on the frame's bytes and leaves the fields as ranges of them ({@link
 * SyslogFields}): a connection turns them into the spool line without a string per field.
 */
public final class SyslogParser {
    private static final int MAX_TAG = 48;

    private final ZoneId zone;

    /** The frame's bytes as a CharSequence, for the time parsers (one char per byte). */
    private final Latin1View view = new Latin1View();

    /** The last "+hh:mm" parsed and its offset (a parser serves one connection). */
    private final byte[] lastOffsetText = new byte[6];

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
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        SyslogFields f = new SyslogFields();
        parse(b, 0, b.length, now, f);
        return f.toMessage();
    }

    /** Parses the frame {@code b[from, to)} into {@code into}. */
    void parse(byte[] b, int from, int to, Instant now, SyslogFields into) {
        into.clear(b);
        int pri = -1;
        int i = from;
        int close = -1;
        for (int k = from; k < Math.min(to, from + 5); k++) {
            if (b[k] == '>') {
                close = k - from;
                break;
            }
        }
        if (to > from && b[from] == '<' && close >= 2 && close <= 4) {
            pri = number(b, from + 1, from + close);
            if (pri > 191) {
                pri = -1;
            }
            i = pri < 0 ? from : from + close + 1;
        }
        into.priority = pri;
        if (pri >= 0 && i + 1 < to && b[i] == '1' && b[i + 1] == ' ') {
            rfc5424(b, i + 2, to, into);
        } else {
            rfc3164(b, i, to, now, into);
        }
    }

    private void rfc5424(byte[] b, int i, int to, SyslogFields f) {
        f.version = 1;
        int[] field = new int[10];
        for (int k = 0; k < 5; k++) {
            int sp = indexOf(b, ' ', i, to);
            if (sp < 0) {
                sp = to;
            }
            field[2 * k] = i;
            field[2 * k + 1] = sp;
            i = Math.min(to, sp + 1);
        }
        IsoTime.Parsed t = IsoTime.parse(view.of(b, field[0], field[1]), 0, ZoneOffset.UTC);
        if (t != null) {
            f.time(t.instant());
            f.offset = offset(b, field[0], Math.min(field[0] + t.length(), field[1]));
        }
        f.hostFrom = nil(b, field[2], field[3]) ? -1 : field[2];
        f.hostTo = field[3];
        f.appFrom = nil(b, field[4], field[5]) ? -1 : field[4];
        f.appTo = field[5];
        f.pidFrom = nil(b, field[6], field[7]) ? -1 : field[6];
        f.pidTo = field[7];
        f.msgIdFrom = nil(b, field[8], field[9]) ? -1 : field[8];
        f.msgIdTo = field[9];
        if (i < to && b[i] == '-') {
            i = Math.min(to, i + 2);
        } else if (i < to && b[i] == '[') {
            int end = structuredDataEnd(b, i, to);
            f.sdFrom = i;
            f.sdTo = end;
            i = Math.min(to, end + 1);
        }
        // a UTF-8 byte order mark before MSG is not part of it
        if (to - i >= 3
                && b[i] == (byte) 0xef
                && b[i + 1] == (byte) 0xbb
                && b[i + 2] == (byte) 0xbf) {
            i += 3;
        }
        f.msgFrom = i;
        f.msgTo = to;
    }

    /** The end of STRUCTURED-DATA: after the last ']' of consecutive elements. */
    private static int structuredDataEnd(byte[] b, int i, int n) {
        while (i < n && b[i] == '[') {
            boolean quoted = false;
            i++;
            while (i < n) {
                byte c = b[i];
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

    private void rfc3164(byte[] b, int i, int to, Instant now, SyslogFields f) {
        boolean timed = false;
        IsoTime.Parsed iso =
                i < to && b[i] >= '0' && b[i] <= '9'
                        ? IsoTime.parse(view.of(b, i, to), 0, zone)
                        : null;
        if (iso != null) {
            f.time(iso.instant());
            f.offset = offset(b, i, i + iso.length());
            timed = true;
            i = skipSpace(b, i + iso.length(), to);
        } else {
            Instant t = new SyslogTime(now, zone).parse(view.of(b, i, to), 0);
            if (t != null) {
                f.time(t);
                timed = true;
                i = skipSpace(b, i + SyslogTime.LENGTH, to);
            }
        }
        if (timed) {
            int sp = indexOf(b, ' ', i, to);
            if (sp > i) {
                // a tag, not a host name: "sshd[12]:" or "su:"
                if (b[sp - 1] != ':' && indexOf(b, '[', i, sp) < 0) {
                    f.hostFrom = i;
                    f.hostTo = sp;
                    i = sp + 1;
                }
            }
        }
        int j = i;
        int n = Math.min(to, i + MAX_TAG);
        while (j < n && isTagChar(b[j])) {
            j++;
        }
        if (j > i && j < to) {
            byte c = b[j];
            if (c == ':') {
                f.appFrom = i;
                f.appTo = j;
                i = j + 1;
            } else if (c == '[') {
                int end = indexOf(b, ']', j, to);
                if (end > j && end - j <= 24 && end + 1 < to && b[end + 1] == ':') {
                    f.appFrom = i;
                    f.appTo = j;
                    f.pidFrom = j + 1;
                    f.pidTo = end;
                    i = end + 2;
                }
            }
            if (f.appFrom >= 0 && i < to && b[i] == ' ') {
                i++;
            }
        }
        f.msgFrom = i;
        f.msgTo = to;
    }

    private static boolean isTagChar(byte b) {
        int c = b & 0xff;
        return c > ' ' && c < 0x7f && c != ':' && c != '[' && c != ']';
    }

    /** The offset of the RFC 3339 time {@code b[from, end)} ("Z" or "+hh:mm"), or null. */
    private ZoneOffset offset(byte[] b, int from, int end) {
        if (end <= from) {
            return null;
        }
        byte last = b[end - 1];
        if (last == 'Z' || last == 'z') {
            return ZoneOffset.UTC;
        }
        if (end - from >= 6) {
            byte sign = b[end - 6];
            if ((sign == '+' || sign == '-') && b[end - 3] == ':') {
                // a sender keeps its offset: parse it once, not for every line
                if (lastOffset != null
                        && java.util.Arrays.equals(b, end - 6, end, lastOffsetText, 0, 6)) {
                    return lastOffset;
                }
                try {
                    ZoneOffset o =
                            ZoneOffset.of(new String(b, end - 6, 6, StandardCharsets.ISO_8859_1));
                    System.arraycopy(b, end - 6, lastOffsetText, 0, 6);
                    lastOffset = o;
                    return o;
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean nil(byte[] b, int from, int to) {
        return to == from || (to - from == 1 && b[from] == '-');
    }

    private static int number(byte[] b, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int indexOf(byte[] b, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] b, int i, int to) {
        while (i < to && b[i] == ' ') {
            i++;
        }
        return i;
    }

    /** Bytes {@code [from, to)} as chars, one per byte; reused frame after frame. */
    private static final class Latin1View implements CharSequence {
        private byte[] b;
        private int from;
        private int length;

        Latin1View of(byte[] bytes, int start, int end) {
            b = bytes;
            from = start;
            length = Math.max(0, end - start);
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) (b[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, from + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
    }
}
