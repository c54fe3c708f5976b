package dev.logsentry.core.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Finds the timestamp at the start of a log line, whatever its format: a TAI64N label (multilog),
 * RFC 3339/ISO 8601 (rsyslog's high-precision format, journald), or RFC 3164 syslog with the year
 * inferred. Used to merge sources chronologically.
 */
public final class LineTimes {
    private final SyslogTime syslog;
    private final ZoneId zone;

    /**
     * @param reference no line is expected after this instant (the file's mtime, or now); used for
     *     the year of RFC 3164 timestamps
     * @param zone the zone of timestamps without an offset
     */
    public LineTimes(Instant reference, ZoneId zone) {
        this.syslog = new SyslogTime(reference, zone);
        this.zone = zone;
    }

    /** The timestamp at the start of {@code line}, or null. */
    public Instant parse(CharSequence line) {
        if (line.length() == 0) {
            return null;
        }
        char c = line.charAt(0);
        if (c == '@') {
            return Tai64n.parse(line).orElse(null);
        }
        if (c >= '0' && c <= '9') {
            IsoTime.Parsed p = IsoTime.parse(line, 0, zone);
            return p == null ? null : p.instant();
        }
        return syslog.parse(line, 0);
    }
}
