package dev.logsentry.core.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()} without its formatter: the date and time of the last second written
 * are kept, and only the fraction is appended. Log entries come many to a second, and writing the
 * timestamps of a large dnscache log through {@code DateTimeFormatter} took a tenth of the time.
 * Not thread-safe: one per writer. Instants before 1970 or after 9999 take {@code toString}.
 */
public final class InstantText {
    private static final long MAX_SECOND = 253402300799L; // 9999-12-31T23:59:59Z

    private long second = -1;
    private String prefix;

    /** Exactly {@code t.toString()}. */
    public String format(Instant t) {
        long s = t.getEpochSecond();
        if (s < 0 || s > MAX_SECOND) {
            return t.toString();
        }
        if (s != second) {
            LocalDateTime d = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
            StringBuilder sb = new StringBuilder(20);
            sb.append(d.getYear());
            two(sb.append('-'), d.getMonthValue());
            two(sb.append('-'), d.getDayOfMonth());
            two(sb.append('T'), d.getHour());
            two(sb.append(':'), d.getMinute());
            two(sb.append(':'), d.getSecond());
            prefix = sb.toString();
            second = s;
        }
        int nano = t.getNano();
        if (nano == 0) {
            return prefix + 'Z';
        }
        StringBuilder sb = new StringBuilder(31).append(prefix).append('.');
        if (nano % 1_000_000 == 0) {
            digits(sb, nano / 1_000_000, 3);
        } else if (nano % 1000 == 0) {
            digits(sb, nano / 1000, 6);
        } else {
            digits(sb, nano, 9);
        }
        return sb.append('Z').toString();
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void digits(StringBuilder sb, int v, int n) {
        char[] c = new char[n];
        for (int i = n - 1; i >= 0; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        sb.append(c);
    }
}
