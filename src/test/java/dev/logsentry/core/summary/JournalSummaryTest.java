package dev.logsentry.core.summary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal is summarised through JournalSource, like any other log. */
class JournalSummaryTest {
    private static final Path REMOTE = Path.of("/lib/systemd/systemd-journal-remote");

    @TempDir Path dir;

    private static String entry(long usec, String ident, String message, int seq) {
        return "__REALTIME_TIMESTAMP="
                + usec
                + "\n__MONOTONIC_TIMESTAMP="
                + seq
                + "\n_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=gw\nSYSLOG_IDENTIFIER="
                + ident
                + "\n_PID="
                + (100 + seq)
                + "\nMESSAGE="
                + message
                + "\n\n";
    }

    @Test
    void journalEntriesAreCountedByTheirServices() throws Exception {
        assumeTrue(
                Files.isExecutable(REMOTE) && Files.isExecutable(Path.of("/usr/bin/journalctl")),
                "systemd-journal-remote and journalctl are needed (.ci/run installs them)");
        Path journal = dir.resolve("test.journal");
        Process p =
                new ProcessBuilder(REMOTE.toString(), "--output=" + journal, "-")
                        .redirectErrorStream(true)
                        .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(
                    (entry(
                                            1764055000123456L,
                                            "sshd",
                                            "Accepted publickey for root from 10.1.1.1 port 22 ssh2",
                                            1)
                                    + entry(
                                            1764055001000000L,
                                            "systemd",
                                            "nginx.service: Failed with result 'exit-code'.",
                                            2)
                                    + entry(
                                            1764055002000000L,
                                            "sshd",
                                            "Accepted password for root from 10.1.1.2 port 22 ssh2",
                                            3))
                            .getBytes(UTF_8));
        }
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Summary s =
                new Summarizer(
                                new ArrayList<>(ServiceLoader.load(List.of()).services().values()),
                                new Summarizer.Options(
                                        DateRange.everything(),
                                        Detail.HIGH,
                                        false,
                                        true,
                                        ZoneOffset.UTC,
                                        1),
                                Clock.systemUTC())
                        .run(
                                List.of(new SummaryInput.Journal(List.of("--file=" + journal))),
                                () -> false)
                        .get(0);
        assertThat(s.sources()).containsExactly("journal --file=" + journal);
        assertThat(s.service("sshd").section("accepted").tally().child("root").count())
                .isEqualTo(2);
        assertThat(
                        s.service("sshd")
                                .section("accepted")
                                .tally()
                                .child("root")
                                .lines()
                                .sorted()
                                .line(1))
                .isEqualTo(3);
        assertThat(s.service("systemd").section("failed").tally().child("nginx.service").count())
                .isEqualTo(1);
    }
}
