package dev.logsentry.core.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.SourceException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSourceTest {
    private static final Path REMOTE = Path.of("/lib/systemd/systemd-journal-remote");

    @TempDir Path dir;

    /** Appends entries in journal export format to a journal file, as journald would. */
    private void export(Path journal, String entries) throws Exception {
        Process p =
                new ProcessBuilder(REMOTE.toString(), "--output=" + journal, "-")
                        .redirectErrorStream(true)
                        .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(entries.getBytes(UTF_8));
        }
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
    }

    private static String entry(long usec, String ident, String pid, String message, int seq) {
        return "__REALTIME_TIMESTAMP="
                + usec
                + "\n__MONOTONIC_TIMESTAMP="
                + seq
                + "\n_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=gw\nSYSLOG_IDENTIFIER="
                + ident
                + "\n"
                + (pid == null ? "" : "_PID=" + pid + "\n")
                + "MESSAGE="
                + message
                + "\n\n";
    }

    @Test
    void readsEntriesAsSyslogLinesAndContinuesAfterTheCursor() throws Exception {
        assumeTrue(
                Files.isExecutable(REMOTE) && Files.isExecutable(Path.of("/usr/bin/journalctl")),
                "systemd-journal-remote and journalctl are not installed (.ci/run installs them)");
        Path journal = dir.resolve("test.journal");
        export(
                journal,
                entry(1764055000123456L, "sshd", "123", "Accepted publickey for root", 1)
                        + entry(1764055001000000L, "CRON", null, "job ran", 2));
        try (JournalSource j = JournalSource.open(List.of("--file=" + journal), ZoneOffset.UTC)) {
            j.index(IndexProgress.NONE, () -> false);
            assertThat(j.lineCount()).isEqualTo(2);
            assertThat(j.line(0))
                    .isEqualTo("Nov 25 07:16:40 gw sshd[123]: Accepted publickey for root");
            assertThat(j.line(1)).isEqualTo("Nov 25 07:16:41 gw CRON: job ran");
            assertThat(j.cursor()).isNotBlank();
            // the syslog parser reads these lines like any other (the lines are the ones logcheck
            // sees: journalctl's short output, to the second)
            SyslogLine l =
                    new SyslogLine.Parser(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC)
                            .parse(j.line(0));
            assertThat(l.program()).isEqualTo("sshd");
            assertThat(l.pid()).isEqualTo(123);
            assertThat(l.time()).isEqualTo(Instant.parse("2025-11-25T07:16:40Z"));

            j.index(IndexProgress.NONE, () -> false);
            assertThat(j.lineCount()).as("nothing new, nothing twice").isEqualTo(2);
            export(journal, entry(1764055002000000L, "kernel", null, "eth0: link up", 3));
            j.index(IndexProgress.NONE, () -> false);
            assertThat(j.lineCount()).isEqualTo(3);
            assertThat(j.line(2)).endsWith("gw kernel: eth0: link up");
        }
    }

    @Test
    void aFailingJournalctlIsAClearMessage() throws Exception {
        Path missing = dir.resolve("none.journal");
        try (JournalSource j = JournalSource.open(List.of("--file=" + missing), ZoneOffset.UTC)) {
            assertThatThrownBy(() -> j.index(IndexProgress.NONE, () -> false))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("journalctl");
        }
        try (JournalSource j =
                JournalSource.open("/nonexistent/journalctl", List.of(), ZoneOffset.UTC)) {
            assertThatThrownBy(() -> j.index(IndexProgress.NONE, () -> false))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("Cannot run journalctl");
        }
    }
}
