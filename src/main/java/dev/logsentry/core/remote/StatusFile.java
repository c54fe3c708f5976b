package dev.logsentry.core.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The running service's status as a JSON file that it rewrites atomically (temp file, fsync,
 * rename; owner-only) every few seconds, so {@code logsentry serve --status} can show it from
 * another process without a socket to secure.
 */
public final class StatusFile {
    /** Its name in the state directory. */
    public static final String NAME = "serve-status.json";

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    private StatusFile() {}

    public static void write(Path file, ReceiverStatus status) throws IOException {
        SafeFiles.writeAtomically(file, out -> JSON.writeValue(out, status));
    }

    public static ReceiverStatus read(Path file) throws IOException {
        try {
            return JSON.readValue(java.nio.file.Files.readAllBytes(file), ReceiverStatus.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a status file: " + e.getOriginalMessage(), e);
        }
    }

    /** The status as a person reads it: the service, then one row per host. */
    public static String render(ReceiverStatus s, Instant now) {
        StringBuilder b = new StringBuilder();
        Duration age = Duration.between(s.written(), now);
        b.append("listening on ")
                .append(s.listen())
                .append(", since ")
                .append(s.started())
                .append('\n');
        b.append("certificate ").append(s.fingerprint()).append('\n');
        b.append(s.accepting() ? "accepting" : "NOT accepting")
                .append(s.problem() != null ? ": " + s.problem() : "")
                .append("; ")
                .append(s.connections())
                .append(" connection(s), ")
                .append(s.queued())
                .append(" line(s) waiting for classification\n");
        if (age.toSeconds() > 15) {
            b.append("WARNING: this status is ")
                    .append(age.toSeconds())
                    .append(" s old; is the service still running?\n");
        }
        b.append(
                String.format(
                        "%n%-30s %12s %14s %9s %5s %10s  %s%n",
                        "HOST", "LINES", "BYTES", "REJECTED", "CONN", "LAG", "LAST LINE"));
        for (ReceiverStatus.Host h : s.hosts()) {
            b.append(
                    String.format(
                            "%-30s %12d %14d %9d %5d %10s  %s%n",
                            h.host(),
                            h.lines(),
                            h.bytes(),
                            h.rejected(),
                            h.connections(),
                            lag(h.lagMillis()),
                            h.lastReceived() == null ? "-" : h.lastReceived()));
        }
        if (s.hosts().isEmpty()) {
            b.append("(no host has sent anything yet)\n");
        }
        b.append("\nrejected:");
        boolean any = false;
        for (Map.Entry<String, Long> e : s.rejections().entrySet()) {
            if (e.getValue() > 0) {
                Rejection r = Rejection.valueOf(e.getKey());
                b.append(any ? ", " : " ").append(r.label()).append(' ').append(e.getValue());
                any = true;
            }
        }
        return b.append(any ? "\n" : " none\n").toString();
    }

    private static String lag(long millis) {
        return millis < 10_000 ? millis + " ms" : millis / 1000 + " s";
    }
}
