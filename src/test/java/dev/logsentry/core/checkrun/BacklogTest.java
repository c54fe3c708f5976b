package dev.logsentry.core.checkrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.source.tail.FileIdentity;
import dev.logsentry.core.source.tail.FileState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate of new bytes that decides whether a check gets a bounded heap (ADR 0008). */
class BacklogTest {
    @TempDir Path tmp;

    private FileState savedAt(Path log, long offset) throws Exception {
        FileIdentity.Observed o = FileIdentity.observe(log);
        return new FileState(o.device(), o.inode(), 0, "", "", offset);
    }

    @Test
    void aLogWithoutStateCountsWhole() throws Exception {
        Path log = tmp.resolve("syslog");
        Files.write(log, new byte[1000]);
        assertThat(Backlog.newBytes(log, null)).isEqualTo(1000);
    }

    @Test
    void aKnownLogCountsWhatFollowsTheSavedOffset() throws Exception {
        Path log = tmp.resolve("syslog");
        Files.write(log, new byte[1000]);
        assertThat(Backlog.newBytes(log, savedAt(log, 600))).isEqualTo(400);
    }

    @Test
    void afterARotationTheNewestGenerationCountsTooACompressedOneExpanded() throws Exception {
        Path log = tmp.resolve("syslog");
        Files.write(log, new byte[1000]);
        FileState before = savedAt(log, 1000);
        Files.move(log, tmp.resolve("syslog.1.gz"));
        Files.write(log, new byte[300]);
        assertThat(Backlog.newBytes(log, before)).isEqualTo(300 + 1000L * Backlog.GZIP_RATIO);
    }

    @Test
    void aMissingLogCountsNothing() {
        assertThat(Backlog.newBytes(tmp.resolve("absent"), null)).isZero();
    }
}
