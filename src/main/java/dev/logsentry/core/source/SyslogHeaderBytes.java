package dev.logsentry.core.source;

import dev.logsentry.core.time.SyslogTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The fast path of {@link SyslogLine.Parser} for bulk readers (the summary): reads the common line,
 * {@code Mmm dd hh:mm:ss HOST TAG[PID]: MESSAGE} with an ASCII header, straight from the bytes,
 * without decoding the line. Every other line (RFC 3339 or TAI64N stamps, no tag, a tag without the
 * space after its colon, non-ASCII in the header) is declined, and the caller decodes it and asks
 * {@link SyslogLine.Parser#parse}: so the two always agree (checked by {@code
 * SyslogHeaderBytesTest}). Holds the positions of the last line read; one per reader thread.
 *
 * <p>The time of a line is computed once per minute of log: the year inference and the time zone
 * are asked for the minute's first and last second, and when they are 59 seconds apart (no year
 * change or zone transition inside the minute) the other seconds are added to the first.
 */
public final class SyslogHeaderBytes {
    private final SyslogTime syslogTime;
    private byte[] line;
    private int hostStart;
    private int hostEnd;
    private int tagEnd;
    private int messageStart;
    private int end;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;

    private long cachedMinuteKey = -1;
    private long cachedMinuteStart;

    /** One per reader: the reference and zone are those of the file's {@link SyslogLine.Parser}. */
    public SyslogHeaderBytes(SyslogTime syslogTime) {
        this.syslogTime = syslogTime;
    }

    /**
     * Reads the header of {@code b[off, off+len)}; returns false when the line is not the common
     * form (then nothing is known, and the line must go through {@link SyslogLine.Parser#parse}).
     */
    public boolean read(byte[] b, int off, int len) {
        int to = off + len;
        if (len < SyslogTime.LENGTH + 2 || b[off + SyslogTime.LENGTH] != ' ') {
            return false;
        }
        int m = month(b, off);
        if (m < 0
                || b[off + 3] != ' '
                || b[off + 6] != ' '
                || b[off + 9] != ':'
                || b[off + 12] != ':') {
            return false;
        }
        int d = b[off + 4] == ' ' ? digit(b[off + 5]) : two(b, off + 4);
        int h = two(b, off + 7);
        int mi = two(b, off + 10);
        int s = two(b, off + 13);
        if (d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) {
            return false;
        }
        int hs = off + SyslogTime.LENGTH + 1;
        int he = hs;
        while (he < to && b[he] != ' ') {
            if (b[he] < 0) {
                return false; // non-ASCII host: let the decoder handle it
            }
            he++;
        }
        if (he >= to) {
            return false;
        }
        int ts = he + 1;
        int j = ts;
        while (j < to) {
            byte c = b[j];
            if (c == ':' || c == '[' || c == ' ') {
                break;
            }
            if (c < 0) {
                return false;
            }
            j++;
        }
        if (j == ts || j >= to || b[j] == ' ') {
            return false;
        }
        int te = j;
        if (b[j] == '[') {
            int close = j + 1;
            while (close < to && b[close] != ']') {
                if (b[close] < 0) {
                    return false;
                }
                close++;
            }
            if (close + 1 >= to || b[close + 1] != ':') {
                return false;
            }
            j = close + 1;
        }
        int ms = j + 1;
        if (ms < to) {
            if (b[ms] != ' ') {
                return false; // "tag:text": not a program tag (see Summarizer.taggedLine)
            }
            ms++;
        }
        this.line = b;
        this.hostStart = hs;
        this.hostEnd = he;
        this.tagEnd = te;
        this.messageStart = ms;
        this.end = to;
        this.month = m + 1;
        this.day = d;
        this.hour = h;
        this.minute = mi;
        this.second = Math.min(s, 59);
        return true;
    }

    /** What {@link #epochSecond} returns when the date does not exist (Feb 30). */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** The time of the last line read, or null when the date does not exist (Feb 30). */
    public Instant time() {
        long t = epochSecond();
        return t == NO_TIME ? null : Instant.ofEpochSecond(t);
    }

    /** The time of the last line read in seconds since the epoch, or {@link #NO_TIME}. */
    public long epochSecond() {
        long key = ((month * 32L + day) * 24 + hour) * 60 + minute;
        if (key != cachedMinuteKey) {
            Instant first = syslogTime.infer(month, day, hour, minute, 0);
            Instant last = syslogTime.infer(month, day, hour, minute, 59);
            boolean regular =
                    first != null
                            && last != null
                            && last.getEpochSecond() - first.getEpochSecond() == 59;
            if (!regular) {
                cachedMinuteKey = -1;
                Instant t = syslogTime.infer(month, day, hour, minute, second);
                return t == null ? NO_TIME : t.getEpochSecond();
            }
            cachedMinuteKey = key;
            cachedMinuteStart = first.getEpochSecond();
        }
        return cachedMinuteStart + second;
    }

    public int hostStart() {
        return hostStart;
    }

    public int hostEnd() {
        return hostEnd;
    }

    /** Where the tag starts (after the host and its space). */
    public int tagStart() {
        return hostEnd + 1;
    }

    /** Where the tag ends (at its {@code [} or {@code :}). */
    public int tagEnd() {
        return tagEnd;
    }

    /** Where the message starts (after {@code ": "}). */
    public int messageStart() {
        return messageStart;
    }

    /** The end of the line. */
    public int end() {
        return end;
    }

    /** The message, decoded (UTF-8, invalid bytes become U+FFFD). */
    public String message() {
        return new String(line, messageStart, end - messageStart, StandardCharsets.UTF_8);
    }

    /** The host name. */
    public String host() {
        return new String(line, hostStart, hostEnd - hostStart, StandardCharsets.US_ASCII);
    }

    /** The month (0-11) of the three bytes at {@code off}, or -1: one switch, not twelve tests. */
    private static int month(byte[] b, int off) {
        switch ((b[off] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff)) {
            case 'J' << 16 | 'a' << 8 | 'n':
                return 0;
            case 'F' << 16 | 'e' << 8 | 'b':
                return 1;
            case 'M' << 16 | 'a' << 8 | 'r':
                return 2;
            case 'A' << 16 | 'p' << 8 | 'r':
                return 3;
            case 'M' << 16 | 'a' << 8 | 'y':
                return 4;
            case 'J' << 16 | 'u' << 8 | 'n':
                return 5;
            case 'J' << 16 | 'u' << 8 | 'l':
                return 6;
            case 'A' << 16 | 'u' << 8 | 'g':
                return 7;
            case 'S' << 16 | 'e' << 8 | 'p':
                return 8;
            case 'O' << 16 | 'c' << 8 | 't':
                return 9;
            case 'N' << 16 | 'o' << 8 | 'v':
                return 10;
            case 'D' << 16 | 'e' << 8 | 'c':
                return 11;
            default:
                return -1;
        }
    }

    private static int digit(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : -100;
    }

    private static int two(byte[] b, int i) {
        return digit(b[i]) * 10 + digit(b[i + 1]);
    }
}
