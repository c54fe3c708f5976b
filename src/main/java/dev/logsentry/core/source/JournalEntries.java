package dev.logsentry.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a systemd journal entry ({@code journalctl -o json}) becomes log lines: the lines {@code
 * journalctl}'s default short output shows, which is what logcheck checks and what its rules expect
 * ({@code MMM dd HH:mm:ss host ident[pid]: message}, continuation lines of a multi-line message
 * indented under the first). The one formatter for the cron check ({@code JournalTail}) and the
 * workbench ({@link JournalSource}), so both judge an entry the same way. Unlike the short output,
 * binary messages are passed on as their bytes (as with {@code journalctl -a}).
 */
public final class JournalEntries {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);

    private JournalEntries() {}

    /** The lines for one entry; none when it has no MESSAGE. */
    public static List<byte[]> lines(JsonNode e, ZoneId zone) {
        byte[] message = bytes(e.get("MESSAGE"));
        if (message == null) {
            return List.of();
        }
        StringBuilder head = new StringBuilder();
        String usec = text(e.get("__REALTIME_TIMESTAMP"));
        long micros = usec == null ? 0 : Long.parseLong(usec);
        Instant t = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        head.append(STAMP.format(t.atZone(zone)));
        String host = text(e.get("_HOSTNAME"));
        if (host != null) {
            head.append(' ').append(host);
        }
        String ident = text(e.get("SYSLOG_IDENTIFIER"));
        if (ident == null) {
            ident = text(e.get("_COMM"));
        }
        head.append(' ').append(ident == null ? "unknown" : ident);
        String pid = text(e.get("_PID"));
        if (pid == null) {
            pid = text(e.get("SYSLOG_PID"));
        }
        if (pid != null) {
            head.append('[').append(pid).append(']');
        }
        head.append(": ");
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] indent = " ".repeat(head.length()).getBytes(StandardCharsets.US_ASCII);
        int end = message.length;
        while (end > 0 && message[end - 1] == '\n') {
            end--; // journalctl drops trailing newlines
        }
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || message[i] == '\n') {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(out.isEmpty() ? prefix : indent);
                b.write(message, start, i - start);
                out.add(b.toByteArray());
                start = i + 1;
            }
        }
        return out;
    }

    /** A field's value as text: the first value when repeated, null when missing or binary. */
    public static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray() && !v.isEmpty() && !v.get(0).isNumber()) {
            return text(v.get(0));
        }
        if (v.isArray()) {
            return new String(bytes(v), StandardCharsets.UTF_8);
        }
        return v.asText();
    }

    /** A field's raw bytes: JSON text, or the byte array journalctl emits for binary values. */
    static byte[] bytes(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue().getBytes(StandardCharsets.UTF_8);
        }
        if (v.isArray() && !v.isEmpty() && !v.get(0).isNumber()) {
            return bytes(v.get(0));
        }
        if (v.isArray()) {
            byte[] b = new byte[v.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) v.get(i).asInt();
            }
            return b;
        }
        return v.asText().getBytes(StandardCharsets.UTF_8);
    }
}
