package dev.logsentry.core.remote;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The fields of one parsed frame as ranges of its bytes ({@code [from, to)} of {@link #bytes}, a
 * from of -1 for an absent field), filled by {@link SyslogParser#parse(byte[], int, int, Instant,
 * SyslogFields)}. A connection reuses one for every frame it reads, so receiving a line makes no
 * string or object per field; {@link #toMessage()} makes the {@link SyslogMessage} where one is
 * wanted.
 */
final class SyslogFields {
    byte[] bytes;
    int version;
    int priority;

    /** Whether the sender gave a time; then {@link #epochSecond} and {@link #nanos} hold it. */
    boolean timed;

    long epochSecond;
    int nanos;

    /** The sender's UTC offset, or null when it gave none. */
    ZoneOffset offset;

    int hostFrom = -1;
    int hostTo;
    int appFrom = -1;
    int appTo;
    int pidFrom = -1;
    int pidTo;
    int msgIdFrom = -1;
    int msgIdTo;
    int sdFrom = -1;
    int sdTo;
    int msgFrom;
    int msgTo;

    void clear(byte[] b) {
        bytes = b;
        version = 0;
        priority = -1;
        timed = false;
        offset = null;
        hostFrom = appFrom = pidFrom = msgIdFrom = sdFrom = -1;
    }

    void time(Instant t) {
        timed = t != null;
        if (t != null) {
            epochSecond = t.getEpochSecond();
            nanos = t.getNano();
        }
    }

    /** The sender's time, or null. */
    Instant timestamp() {
        return timed ? Instant.ofEpochSecond(epochSecond, nanos) : null;
    }

    /** The message as a {@link SyslogMessage} (its text fields one char per byte). */
    SyslogMessage toMessage() {
        return new SyslogMessage(
                version,
                priority,
                timestamp(),
                offset,
                text(hostFrom, hostTo),
                text(appFrom, appTo),
                text(pidFrom, pidTo),
                text(msgIdFrom, msgIdTo),
                text(sdFrom, sdTo),
                text(msgFrom, msgTo));
    }

    /** The fields of {@code m}, for formatting it as a received frame is formatted. */
    static SyslogFields of(SyslogMessage m) {
        SyslogFields f = new SyslogFields();
        String app = m.app() == null ? "" : m.app();
        String pid = m.procId() == null ? "" : m.procId();
        byte[] b = (app + pid + m.message()).getBytes(StandardCharsets.ISO_8859_1);
        f.clear(b);
        f.version = m.version();
        f.priority = m.priority();
        f.time(m.timestamp());
        f.offset = m.offset();
        if (m.app() != null) {
            f.appFrom = 0;
            f.appTo = app.length();
        }
        if (m.procId() != null) {
            f.pidFrom = app.length();
            f.pidTo = app.length() + pid.length();
        }
        f.msgFrom = app.length() + pid.length();
        f.msgTo = b.length;
        return f;
    }

    private String text(int from, int to) {
        return from < 0 ? null : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
