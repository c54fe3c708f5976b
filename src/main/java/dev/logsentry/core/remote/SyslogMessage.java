package dev.logsentry.core.remote;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One received syslog message, parsed from an RFC 5424 or RFC 3164 payload. Text fields hold the
 * payload's bytes one per char (ISO-8859-1), as {@link dev.logsentry.core.check.InputLine} does, so
 * invalid UTF-8 and binary bytes survive unchanged until they are escaped for the spool.
 *
 * @param version 1 for RFC 5424, 0 for RFC 3164 (BSD) and anything without a version
 * @param priority the PRI value (facility * 8 + severity), or -1 when the frame had none
 * @param timestamp when the sender says the event happened, or null when it gave no time
 * @param offset the sender's UTC offset, or null when it gave none (RFC 3164: local time)
 * @param host the HOSTNAME field as sent, or null when absent or "-"
 * @param app APP-NAME (RFC 5424) or the tag's program (RFC 3164), or null
 * @param procId PROCID or the tag's [pid], or null
 * @param msgId MSGID (RFC 5424 only), or null
 * @param structuredData the STRUCTURED-DATA elements as sent (RFC 5424 only), or null for "-"
 * @param message MSG, without a leading UTF-8 BOM
 */
public record SyslogMessage(
        int version,
        int priority,
        Instant timestamp,
        ZoneOffset offset,
        String host,
        String app,
        String procId,
        String msgId,
        String structuredData,
        String message) {

    /** The facility (0-23), or -1 without PRI. */
    public int facility() {
        return priority < 0 ? -1 : priority >> 3;
    }

    /** The severity (0 emergency .. 7 debug), or -1 without PRI. */
    public int severity() {
        return priority < 0 ? -1 : priority & 7;
    }
}
