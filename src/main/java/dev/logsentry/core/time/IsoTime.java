package dev.logsentry.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * RFC 3339 / ISO 8601 timestamps as rsyslog and journald write them: {@code
 * 2026-11-25T07:33:43.123456+01:00}, {@code ...Z}, or with a space instead of 'T'. Without an
 * offset the time is read in the given zone. A hand-written parser: it runs once per line when
 * merging.
 */
public final class IsoTime {
    private IsoTime() {}

    /** A parsed timestamp and how many characters it took. */
    public record Parsed(Instant instant, int length) {}

    /** Parses a timestamp at {@code offset}, or returns null when there is none. */
    public static Parsed parse(CharSequence s, int offset, ZoneId zoneWhenAbsent) {
        int n = s.length();
        if (n - offset < 19) {
            return null;
        }
        int year = digits(s, offset, 4);
        int month = digits(s, offset + 5, 2);
        int day = digits(s, offset + 8, 2);
        int hour = digits(s, offset + 11, 2);
        int minute = digits(s, offset + 14, 2);
        int second = digits(s, offset + 17, 2);
        char t = s.charAt(offset + 10);
        if (year < 0
                || s.charAt(offset + 4) != '-'
                || s.charAt(offset + 7) != '-'
                || (t != 'T' && t != ' ')
                || s.charAt(offset + 13) != ':'
                || s.charAt(offset + 16) != ':'
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 60) {
            return null;
        }
        int i = offset + 19;
        int nanos = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            int digits = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (digits < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    digits++;
                }
                i++;
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        // the offset in seconds, when the text or the zone gives a fixed one
        int offsetSeconds = Integer.MIN_VALUE;
        if (i < n && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            offsetSeconds = 0;
            i++;
        } else if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            int oh = digits(s, i + 1, 2);
            boolean colon = i + 3 < n && s.charAt(i + 3) == ':';
            int om = digits(s, i + (colon ? 4 : 3), 2);
            if (oh >= 0 && om >= 0 && oh <= 18) {
                int sign = s.charAt(i) == '-' ? -1 : 1;
                offsetSeconds = sign * (oh * 3600 + om * 60);
                i += colon ? 6 : 5;
            }
        }
        if (offsetSeconds == Integer.MIN_VALUE && zoneWhenAbsent instanceof ZoneOffset fixed) {
            offsetSeconds = fixed.getTotalSeconds();
        }
        try {
            if (offsetSeconds != Integer.MIN_VALUE && Math.abs(offsetSeconds) <= MAX_OFFSET) {
                // a fixed offset: the instant by arithmetic, without date-time objects (this runs
                // for every received line); LocalDate.of still refuses 31 February and such
                long days = LocalDate.of(year, month, day).toEpochDay();
                long secs =
                        days * 86_400
                                + hour * 3600
                                + minute * 60
                                + Math.min(second, 59)
                                - offsetSeconds;
                return new Parsed(Instant.ofEpochSecond(secs, nanos), i - offset);
            }
            ZoneId zone =
                    offsetSeconds == Integer.MIN_VALUE
                            ? zoneWhenAbsent
                            : ZoneOffset.ofTotalSeconds(offsetSeconds);
            LocalDateTime local =
                    LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59), nanos);
            return new Parsed(local.atZone(zone).toInstant(), i - offset);
        } catch (java.time.DateTimeException e) {
            return null; // 31 February and such, an offset beyond 18 hours
        }
    }

    /** The largest offset {@link ZoneOffset} accepts: 18 hours. */
    private static final int MAX_OFFSET = 18 * 3600;

    /** {@code count} decimal digits at {@code i} as a number, or -1. */
    private static int digits(CharSequence s, int i, int count) {
        if (i + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
