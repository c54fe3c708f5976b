package dev.logsentry.core.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * RFC 3164 timestamps ({@code Nov 25 07:33:43}, day padded with a space), which carry no year. The
 * year is inferred from a reference instant, normally the file's modification time: every line of a
 * file was written before the file was last modified, so a date that would lie more than a day
 * after the reference belongs to the previous year. That puts December lines of a file written in
 * January into the old year, in any reading order.
 */
public final class SyslogTime {
    /** Length of an RFC 3164 timestamp: {@code "Nov 25 07:33:43"}. */
    public static final int LENGTH = 15;

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final long TOLERANCE_SECONDS = 86_400;

    private final ZoneId zone;
    private final ZonedDateTime reference;
    private final long referenceLimit;

    /**
     * @param reference no line is expected after this instant (the file's mtime, or now)
     * @param zone the zone the log was written in
     */
    public SyslogTime(Instant reference, ZoneId zone) {
        this.zone = zone;
        this.reference = reference.atZone(zone);
        this.referenceLimit = reference.getEpochSecond() + TOLERANCE_SECONDS;
    }

    /**
     * Parses a timestamp at {@code offset}; returns null when there is none. Accepts a zero or
     * space padded day and fractional seconds are not part of RFC 3164, so they are not read.
     */
    public Instant parse(CharSequence s, int offset) {
        if (s.length() - offset < LENGTH) {
            return null;
        }
        int month = month(s, offset);
        if (month < 0
                || s.charAt(offset + 3) != ' '
                || s.charAt(offset + 6) != ' '
                || s.charAt(offset + 9) != ':'
                || s.charAt(offset + 12) != ':') {
            return null;
        }
        char d1 = s.charAt(offset + 4);
        int day = d1 == ' ' ? digit(s, offset + 5) : two(s, offset + 4);
        int hour = two(s, offset + 7);
        int minute = two(s, offset + 10);
        int second = two(s, offset + 13);
        if (day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        if (second < 0 || second > 60) {
            return null;
        }
        return infer(month + 1, day, hour, minute, Math.min(second, 59));
    }

    /** The instant of a month/day/time, with the year inferred from the reference. */
    public Instant infer(int month, int day, int hour, int minute, int second) {
        int year = reference.getYear();
        Instant candidate = at(year, month, day, hour, minute, second);
        if (candidate == null || candidate.getEpochSecond() > referenceLimit) {
            Instant previous = at(year - 1, month, day, hour, minute, second);
            if (previous != null) {
                return previous;
            }
        }
        return candidate;
    }

    private Instant at(int year, int month, int day, int hour, int minute, int second) {
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null; // Feb 29 in a year that has none
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant();
    }

    private static int month(CharSequence s, int offset) {
        for (int m = 0; m < 12; m++) {
            if (s.charAt(offset) == MONTHS.charAt(3 * m)
                    && s.charAt(offset + 1) == MONTHS.charAt(3 * m + 1)
                    && s.charAt(offset + 2) == MONTHS.charAt(3 * m + 2)) {
                return m;
            }
        }
        return -1;
    }

    private static int digit(CharSequence s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -100;
    }

    private static int two(CharSequence s, int i) {
        return digit(s, i) * 10 + digit(s, i + 1);
    }
}
