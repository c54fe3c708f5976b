package dev.logsentry.core.source.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads real journal files built with systemd-journal-remote from journal export format. */
class JournalTailTest {

    @TempDir Path dir;

    private JournalFixture fx;

    @BeforeAll
    static void toolsPresent() {
        assumeTrue(JournalFixture.available(), "systemd-journal-remote or journalctl missing");
    }

    @BeforeEach
    void fixture() {
        fx = new JournalFixture(dir);
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
        fx.append(
                journal,
                fx.entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "sshd",
                                "_PID",
                                "4242",
                                "MESSAGE",
                                "Accepted publickey for root from 10.0.0.1")),
                fx.entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "app",
                                "SYSLOG_PID",
                                "7",
                                "MESSAGE",
                                "first\nsecond\n".getBytes(StandardCharsets.UTF_8))),
                fx.entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "_COMM",
                                "cmd",
                                "MESSAGE",
                                new byte[] {'b', 1, 'n', ' ', (byte) 0xff})),
                fx.entry(Map.of("MESSAGE", "no host, no identifier")),
                fx.entry(
                        Map.of("_HOSTNAME", "web1", "SYSLOG_IDENTIFIER", "none", "PRIORITY", "6")));

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

        fx.append(
                journal,
                fx.entry(
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
