package dev.logsentry.core.source.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads real journal files built with systemd-journal-remote (see FACTS.md). */
class JournalTailTest {
    private static final Path REMOTE = Path.of("/lib/systemd/systemd-journal-remote");
    private static final String BOOT = "0123456789abcdef0123456789abcdef";
    // 2026-03-05T04:05:06Z: a one-digit day shows journalctl's zero padding.
    private static final long T0 = 1_772_683_506_000_000L;

    @TempDir Path dir;

    private long seq;

    @BeforeAll
    static void toolsPresent() {
        assumeTrue(Files.isExecutable(REMOTE), "systemd-journal-remote is not installed");
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/journalctl"))
                        || Files.isExecutable(Path.of("/bin/journalctl")),
                "journalctl is not installed");
    }

    private byte[] entry(Map<String, Object> fields) {
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

    private void appendToJournal(Path journal, byte[]... entries) throws Exception {
        Path export = dir.resolve("in.export");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            all.writeBytes(e);
        }
        Files.write(export, all.toByteArray());
        Process p =
                new ProcessBuilder(REMOTE.toString(), "--output=" + journal, "-")
                        .redirectInput(export.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("remote.out").toFile())
                        .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("remote.out"))).isZero();
    }

    private JournalTail tail(Path journal) {
        return new JournalTail(
                new JournalTail.Config(
                        List.of("journalctl", "--file=" + journal), null, ZoneOffset.UTC));
    }

    private static List<String> read(
            JournalTail t, JournalState prev, List<JournalTail.Result> out) {
        List<String> lines = new ArrayList<>();
        out.add(
                t.read(
                        "journal",
                        prev,
                        l -> lines.add(new String(l.bytes(), StandardCharsets.ISO_8859_1))));
        return lines;
    }

    /** What journalctl's own short output (with -a, raw bytes) shows, split into lines. */
    private static List<String> journalctlShort(Path journal) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder("journalctl", "--file=" + journal, "-q", "-a", "--no-pager");
        pb.environment().put("TZ", "UTC"); // the zone the tail under test formats in
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String s = new String(out, StandardCharsets.ISO_8859_1);
        return Arrays.asList(s.split("\n"));
    }

    @Test
    void entriesBecomeTheLinesJournalctlShowsAndACursorResumesExactly() throws Exception {
        Path journal = dir.resolve("test.journal");
        appendToJournal(
                journal,
                entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "sshd",
                                "_PID",
                                "4242",
                                "MESSAGE",
                                "Accepted publickey for root from 10.0.0.1")),
                entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "app",
                                "SYSLOG_PID",
                                "7",
                                "MESSAGE",
                                "first\nsecond\n".getBytes(StandardCharsets.UTF_8))),
                entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "_COMM",
                                "cmd",
                                "MESSAGE",
                                new byte[] {'b', 1, 'n', ' ', (byte) 0xff})),
                entry(Map.of("MESSAGE", "no host, no identifier")),
                entry(Map.of("_HOSTNAME", "web1", "SYSLOG_IDENTIFIER", "none", "PRIORITY", "6")));

        List<JournalTail.Result> results = new ArrayList<>();
        List<String> first = read(tail(journal), null, results);

        assertThat(first)
                .startsWith(
                        "Mar 05 04:05:07 web1 sshd[4242]: Accepted publickey for root from 10.0.0.1");
        assertThat(first).contains(" ".repeat("Mar 05 04:05:08 web1 app[7]: ".length()) + "second");
        assertThat(first).isEqualTo(journalctlShort(journal));
        JournalState cursor = results.get(0).next();
        assertThat(cursor.cursor()).contains("i=5");

        assertThat(read(tail(journal), cursor, results)).isEmpty();

        appendToJournal(
                journal,
                entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "cron",
                                "_PID",
                                "9",
                                "MESSAGE",
                                "after the cursor")));
        assertThat(read(tail(journal), results.get(1).next(), results))
                .containsExactly("Mar 05 04:05:12 web1 cron[9]: after the cursor");
        assertThat(results.get(2).events()).isEmpty();
    }

    @Test
    void aFailingJournalctlIsAnErrorAndKeepsTheCursor() {
        JournalTail t =
                new JournalTail(
                        new JournalTail.Config(
                                List.of("journalctl", "--file=" + dir.resolve("missing.journal")),
                                null,
                                ZoneOffset.UTC));
        JournalState before = new JournalState("s=0;i=1");
        List<JournalTail.Result> results = new ArrayList<>();
        assertThat(read(t, before, results)).isEmpty();
        assertThat(results.get(0).next()).isEqualTo(before);
        assertThat(results.get(0).events())
                .singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(TailEvent.Severity.ERROR));
    }
}
