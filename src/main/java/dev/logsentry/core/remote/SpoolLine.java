package dev.logsentry.core.remote;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Writes a message as one spool line in rsyslog's {@code RSYSLOG_FileFormat}, the default of Debian
 * 12's rsyslog: {@code 2026-12-04T10:15:30.123456+01:00 HOST APP[PID]: MSG}. That is what
 * logcheck's rules (and {@code logsentry check}) expect in /var/log, so the same rules judge the
 * spool as they judge local logs. Control characters are escaped as rsyslog does ({@code #012} for
 * a line feed), so one message is always one line.
 *
 * <p>This runs for every received line: a {@link Writer} appends the lines of a batch, each with
 * its newline, to one buffer that is written to the spool as it is, straight from the frame's bytes
 * ({@link SyslogFields}), and keeps the text of the last second and offset it formatted (a sender's
 * lines share them for a whole second). No string, date-time object or array per line.
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
        Writer w = new Writer(host);
        w.add(SyslogFields.of(m), received, zone);
        return Arrays.copyOf(w.bytes(), w.length() - 1);
    }

    /**
     * The spool lines of one host's batch, each followed by a newline, in one growing buffer;
     * {@link #clear()} starts the next batch (the buffer and the time text are kept).
     */
    static final class Writer {
        private final byte[] host;
        private byte[] b = new byte[8192];
        private int pos;
        private int[] starts = new int[64];
        private int lines;

        /** The second and offset whose text {@link #second} holds. */
        private long lastSecond = Long.MIN_VALUE;

        private int lastOffset = Integer.MIN_VALUE;
        private byte[] second = new byte[0];
        private final byte[] offsetText = new byte[6];

        Writer(String host) {
            this.host = host.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        byte[] bytes() {
            return b;
        }

        /** Bytes written, newlines included. */
        int length() {
            return pos;
        }

        int lines() {
            return lines;
        }

        /** Where line {@code k} starts; it ends one byte (the newline) before the next start. */
        int start(int k) {
            return k < lines ? starts[k] : pos;
        }

        /**
         * Empties the buffer for the next batch. One that a batch of long or escaped lines grew
         * beyond {@link #KEEP_BYTES} is let go: a connection keeps no more than that between
         * batches, however hostile its frames were.
         */
        void clear() {
            pos = 0;
            lines = 0;
            if (b.length > KEEP_BYTES) {
                b = new byte[8192];
            }
            if (starts.length > 1024) {
                starts = new int[64];
            }
        }

        /** The most a writer keeps between batches (a batch of usual lines needs 16-32 KiB). */
        static final int KEEP_BYTES = 64 * 1024;

        /** Appends the line of {@code f}, received at {@code received}. */
        void add(SyslogFields f, Instant received, ZoneId zone) {
            long sec = f.timed ? f.epochSecond : received.getEpochSecond();
            int nano = f.timed ? f.nanos : received.getNano();
            ZoneOffset off =
                    f.offset != null
                            ? f.offset
                            : zone.getRules().getOffset(Instant.ofEpochSecond(sec, nano));
            byte[] in = f.bytes;
            int msgEnd = f.msgTo;
            // a trailing line feed is the frame's, not the message's (rsyslog drops it too)
            while (msgEnd > f.msgFrom && (in[msgEnd - 1] == '\n' || in[msgEnd - 1] == '\r')) {
                msgEnd--;
            }
            boolean app = f.appFrom >= 0;
            boolean space = app && !(f.msgTo > f.msgFrom && in[f.msgFrom] == ' ');
            // at most: the time (up to 44 bytes with a 10-digit year), host, the escaped fields
            int most =
                    44
                            + host.length
                            + 8
                            + 4
                                    * ((app ? f.appTo - f.appFrom : 0)
                                            + (f.pidFrom >= 0 ? f.pidTo - f.pidFrom : 0)
                                            + (msgEnd - f.msgFrom));
            ensure(most);
            if (lines == starts.length) {
                starts = Arrays.copyOf(starts, lines * 2);
            }
            starts[lines++] = pos;
            time(sec, nano, off);
            b[pos++] = ' ';
            System.arraycopy(host, 0, b, pos, host.length);
            pos += host.length;
            b[pos++] = ' ';
            if (app) {
                escape(in, f.appFrom, f.appTo);
                if (f.pidFrom >= 0) {
                    b[pos++] = '[';
                    escape(in, f.pidFrom, f.pidTo);
                    b[pos++] = ']';
                }
                b[pos++] = ':';
                if (space) {
                    b[pos++] = ' ';
                }
            }
            escape(in, f.msgFrom, msgEnd);
            b[pos++] = '\n';
        }

        private void ensure(int more) {
            if (b.length - pos < more) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, pos + more));
            }
        }

        /** {@code in[from, to)}, control characters as {@code #ooo}. */
        private void escape(byte[] in, int from, int to) {
            int run = from;
            for (int i = from; i < to; i++) {
                int c = in[i] & 0xff;
                if (c < 0x20 || c == 0x7f) {
                    System.arraycopy(in, run, b, pos, i - run);
                    pos += i - run;
                    b[pos++] = '#';
                    b[pos++] = (byte) ('0' + (c >> 6));
                    b[pos++] = (byte) ('0' + ((c >> 3) & 7));
                    b[pos++] = (byte) ('0' + (c & 7));
                    run = i + 1;
                }
            }
            System.arraycopy(in, run, b, pos, to - run);
            pos += to - run;
        }

        /** {@code 2026-12-04T10:15:30.123456+01:00}: the second's text kept while it lasts. */
        private void time(long sec, int nano, ZoneOffset off) {
            int secs = off.getTotalSeconds();
            if (sec != lastSecond || secs != lastOffset) {
                LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, off);
                byte[] s = new byte[24];
                int n = 0;
                int year = t.getYear();
                if (year < 0 || year > 9999) {
                    byte[] y =
                            Integer.toString(year)
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    s = new byte[y.length + 20];
                    System.arraycopy(y, 0, s, 0, y.length);
                    n = y.length;
                } else {
                    n = digits(s, n, year, 4);
                }
                s[n++] = '-';
                n = digits(s, n, t.getMonthValue(), 2);
                s[n++] = '-';
                n = digits(s, n, t.getDayOfMonth(), 2);
                s[n++] = 'T';
                n = digits(s, n, t.getHour(), 2);
                s[n++] = ':';
                n = digits(s, n, t.getMinute(), 2);
                s[n++] = ':';
                n = digits(s, n, t.getSecond(), 2);
                s[n++] = '.';
                second = Arrays.copyOf(s, n);
                offsetText[0] = (byte) (secs < 0 ? '-' : '+');
                int abs = Math.abs(secs);
                digits(offsetText, 1, abs / 3600, 2);
                offsetText[3] = ':';
                digits(offsetText, 4, abs / 60 % 60, 2);
                lastSecond = sec;
                lastOffset = secs;
            }
            System.arraycopy(second, 0, b, pos, second.length);
            pos += second.length;
            pos = digits(b, pos, nano / 1000, 6);
            System.arraycopy(offsetText, 0, b, pos, 6);
            pos += 6;
        }

        /** {@code v} (0 or more) as exactly {@code width} digits at {@code at}; returns the end. */
        private static int digits(byte[] to, int at, int v, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                to[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            return at + width;
        }
    }
}
