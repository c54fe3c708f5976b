package dev.logsentry.core.source;

import dev.logsentry.core.time.IsoTime;
import dev.logsentry.core.time.SyslogTime;
import dev.logsentry.core.time.Tai64n;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The header of a syslog line as written by rsyslog/syslog-ng to files: {@code TIME HOST
 * PROGRAM[PID]: MESSAGE}, with TIME either RFC 3164 ({@code Nov 25 07:33:43}) or RFC 3339 ({@code
 * 2026-11-25T07:33:43.123456+01:00}). Parts that are absent are null (program, time) or -1 (pid); a
 * line that has no syslog header at all is all message.
 *
 * @param time when the line was logged, or null
 * @param host the host name, or null
 * @param program the tag before the colon ({@code sshd}, {@code CRON}, {@code kernel}), or null
 * @param pid the process id in brackets, or -1
 * @param message the text after the header
 */
public record SyslogLine(Instant time, String host, String program, long pid, String message) {

    /**
     * A small fast parser; one per file, because RFC 3164 years are inferred from the file's
     * modification time (see {@link SyslogTime}). It holds no mutable state, so threads may share
     * it.
     */
    public static final class Parser {
        private final SyslogTime syslogTime;
        private final ZoneId zone;

        public Parser(Instant reference, ZoneId zone) {
            this.syslogTime = new SyslogTime(reference, zone);
            this.zone = zone;
        }

        /** Parses one line (without terminator). Never fails: unparsable parts become message. */
        public SyslogLine parse(String line) {
            Instant time;
            int i;
            if (!line.isEmpty() && line.charAt(0) == '@') {
                // multilog: a TAI64N label, then the program's own line (no syslog header)
                Instant tai = Tai64n.parse(line).orElse(null);
                if (tai != null) {
                    String rest = line.substring(Math.min(line.length(), Tai64n.LABEL_LENGTH + 1));
                    return new SyslogLine(tai, null, null, -1, rest);
                }
                return new SyslogLine(null, null, null, -1, line);
            }
            if (!line.isEmpty() && line.charAt(0) >= '0' && line.charAt(0) <= '9') {
                IsoTime.Parsed p = IsoTime.parse(line, 0, zone);
                if (p == null) {
                    return new SyslogLine(null, null, null, -1, line);
                }
                time = p.instant();
                i = p.length();
            } else {
                time = syslogTime.parse(line, 0);
                if (time == null) {
                    return new SyslogLine(null, null, null, -1, line);
                }
                i = SyslogTime.LENGTH;
            }
            if (i >= line.length() || line.charAt(i) != ' ') {
                return new SyslogLine(time, null, null, -1, line.substring(i).stripLeading());
            }
            i++;
            int hostEnd = line.indexOf(' ', i);
            if (hostEnd < 0) {
                return new SyslogLine(time, line.substring(i), null, -1, "");
            }
            String host = line.substring(i, hostEnd);
            int tagStart = hostEnd + 1;
            // The tag runs to the first ':' , '[' or ' '; only "tag:" or "tag[pid]:" count.
            int j = tagStart;
            while (j < line.length()) {
                char c = line.charAt(j);
                if (c == ':' || c == '[' || c == ' ') {
                    break;
                }
                j++;
            }
            if (j == tagStart || j >= line.length() || line.charAt(j) == ' ') {
                return new SyslogLine(time, host, null, -1, line.substring(tagStart));
            }
            String program = line.substring(tagStart, j);
            long pid = -1;
            if (line.charAt(j) == '[') {
                int close = line.indexOf(']', j);
                if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != ':') {
                    return new SyslogLine(time, host, null, -1, line.substring(tagStart));
                }
                pid = parsePid(line, j + 1, close);
                j = close + 1;
            }
            int msg = j + 1; // after ':'
            if (msg < line.length() && line.charAt(msg) == ' ') {
                msg++;
            }
            return new SyslogLine(time, host, program, pid, line.substring(msg));
        }

        private static long parsePid(String s, int from, int to) {
            if (from >= to || to - from > 18) {
                return -1;
            }
            long v = 0;
            for (int k = from; k < to; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }
}
