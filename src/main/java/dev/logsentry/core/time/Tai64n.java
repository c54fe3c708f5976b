package dev.logsentry.core.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * TAI64N labels as written by multilog ({@code @4000000063f1a2b30c1d2e3f}): 16 hex digits of TAI
 * seconds offset by 2^62, then 8 hex digits of nanoseconds. Decoded the way {@code tai64nlocal}
 * does it, which ignores leap seconds (TAI - 10 s = UTC as daemontools assumes).
 */
public final class Tai64n {
    /** Length of a label including the leading '@'. */
    public static final int LABEL_LENGTH = 25;

    private static final long OFFSET = 4611686018427387914L; // 2^62 + 10

    private Tai64n() {}

    /** Decodes the label at the start of {@code text}; empty when it is not a valid label. */
    public static Optional<Instant> parse(CharSequence text) {
        if (text.length() < LABEL_LENGTH || text.charAt(0) != '@') {
            return Optional.empty();
        }
        long secs = 0;
        for (int i = 1; i <= 16; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return Optional.empty();
            }
            secs = (secs << 4) | d;
        }
        long nanos = 0;
        for (int i = 17; i < LABEL_LENGTH; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return Optional.empty();
            }
            nanos = (nanos << 4) | d;
        }
        if (nanos > 999_999_999L) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(secs - OFFSET, nanos));
    }

    /**
     * Decodes the label starting at {@code from} without allocating an {@link Optional}: the hot
     * path of log parsers that read millions of labelled lines.
     *
     * @return the instant, or {@code null} when there is no valid label at {@code from}
     */
    public static Instant parseAt(CharSequence text, int from) {
        if (text.length() - from < LABEL_LENGTH || text.charAt(from) != '@') {
            return null;
        }
        long secs = 0;
        for (int i = from + 1; i <= from + 16; i++) {
            int d = hex(text.charAt(i));
            if (d < 0) {
                return null;
            }
            secs = (secs << 4) | d;
        }
        long nanos = 0;
        for (int i = from + 17; i < from + LABEL_LENGTH; i++) {
            int d = hex(text.charAt(i));
            if (d < 0) {
                return null;
            }
            nanos = (nanos << 4) | d;
        }
        if (nanos > 999_999_999L) {
            return null;
        }
        return Instant.ofEpochSecond(secs - OFFSET, nanos);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Encodes an instant as a TAI64N label, the inverse of {@link #parse}. */
    public static String format(Instant instant) {
        return String.format("@%016x%08x", instant.getEpochSecond() + OFFSET, instant.getNano());
    }

    /**
     * Formats an instant the way {@code tai64nlocal} prints it: local date and time with nine
     * digits of nanoseconds, {@code 2023-02-19 05:16:41.203238975}.
     */
    public static String formatLocal(Instant instant, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
        return String.format(
                "%04d-%02d-%02d %02d:%02d:%02d.%09d",
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano());
    }

    /**
     * The {@code tai64nlocal} filter for one line: a leading label is replaced by local time, any
     * other line is returned unchanged.
     */
    public static String toLocal(String line, ZoneId zone) {
        return parse(line)
                .map(t -> formatLocal(t, zone) + line.substring(LABEL_LENGTH))
                .orElse(line);
    }
}
