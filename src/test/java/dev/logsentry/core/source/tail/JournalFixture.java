package dev.logsentry.core.source.tail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds real journal files for tests: entries in journal export format fed to
 * systemd-journal-remote (its export-format input). Timestamps start at 2026-03-05T04:05:06Z, one
 * second apart.
 */
public final class JournalFixture {
    public static final Path REMOTE = Path.of("/lib/systemd/systemd-journal-remote");
    private static final String BOOT = "0123456789abcdef0123456789abcdef";
    private static final long T0 = 1_772_683_506_000_000L;

    private final Path dir;
    private long seq;

    public JournalFixture(Path dir) {
        this.dir = dir;
    }

    /** Whether systemd-journal-remote and journalctl are installed. */
    public static boolean available() {
        return Files.isExecutable(REMOTE)
                && (Files.isExecutable(Path.of("/usr/bin/journalctl"))
                        || Files.isExecutable(Path.of("/bin/journalctl")));
    }

    /** One entry; a byte[] value is written in the binary-safe form (for newlines, raw bytes). */
    public byte[] entry(Map<String, Object> fields) {
        seq++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("__REALTIME_TIMESTAMP", Long.toString(T0 + seq * 1_000_000));
        all.put("__MONOTONIC_TIMESTAMP", Long.toString(seq));
        all.put("_BOOT_ID", BOOT);
        all.putAll(fields);
        all.forEach(
                (k, v) -> {
                    byte[] value =
                            v instanceof byte[] b
                                    ? b
                                    : v.toString().getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(k.getBytes(StandardCharsets.US_ASCII));
                    if (v instanceof byte[]) {
                        // Binary-safe form of the export format: name, newline, LE64 length, data.
                        out.write('\n');
                        out.writeBytes(
                                ByteBuffer.allocate(8)
                                        .order(ByteOrder.LITTLE_ENDIAN)
                                        .putLong(value.length)
                                        .array());
                    } else {
                        out.write('=');
                    }
                    out.writeBytes(value);
                    out.write('\n');
                });
        out.write('\n');
        return out.toByteArray();
    }

    /** Appends entries to {@code journal} (created when missing). */
    public void append(Path journal, byte[]... entries) throws IOException, InterruptedException {
        Path export = dir.resolve("in.export");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            all.writeBytes(e);
        }
        Files.write(export, all.toByteArray());
        Path log = dir.resolve("remote.out");
        Process p =
                new ProcessBuilder(REMOTE.toString(), "--output=" + journal, "-")
                        .redirectInput(export.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("systemd-journal-remote failed: " + Files.readString(log));
        }
    }
}
