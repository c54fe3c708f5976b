package dev.logsentry.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.time.Tai64n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedSourceTest {
    @TempDir Path dir;

    @Test
    void mergesSyslogIsoAndMultilogChronologically() throws Exception {
        Path syslog = dir.resolve("syslog");
        Files.writeString(
                syslog,
                "Dec 31 23:59:58 gw a: s1\n"
                        + "  continuation of s1\n"
                        + "Jan  1 00:00:02 gw a: s3\n");
        // written on New Year's Day: the December line belongs to the old year
        Files.setLastModifiedTime(syslog, FileTime.from(Instant.parse("2026-01-01T00:05:00Z")));
        Path iso = dir.resolve("iso.log");
        Files.writeString(
                iso,
                "2025-12-31T23:59:59.500+00:00 gw b: i1\n" + "2026-01-01T00:00:02Z gw b: i2\n");
        Path ml = dir.resolve("svc");
        Files.createDirectories(ml);
        Files.writeString(
                ml.resolve("current"),
                Tai64n.format(Instant.parse("2026-01-01T00:00:01Z")) + " m1\n");

        List<OpenedLog> logs =
                List.of(
                        LogOpener.open(syslog),
                        LogOpener.open(iso),
                        LogOpener.open(ml, OpenOptions.DEFAULT, null));
        try (MergedSource m = MergedSource.of(logs, ZoneOffset.UTC)) {
            m.index(IndexProgress.NONE, () -> false);
            List<String> got = new ArrayList<>();
            for (long i = 0; i < m.lineCount(); i++) {
                got.add(m.line(i));
            }
            assertThat(got)
                    .containsExactly(
                            "Dec 31 23:59:58 gw a: s1",
                            "  continuation of s1",
                            "2025-12-31T23:59:59.500+00:00 gw b: i1",
                            Tai64n.format(Instant.parse("2026-01-01T00:00:01Z")) + " m1",
                            "Jan  1 00:00:02 gw a: s3", // equal times keep the sources' order
                            "2026-01-01T00:00:02Z gw b: i2");
            assertThat(m.sourceOf(3)).isEqualTo(2);
            assertThat(m.lineInSource(4)).isEqualTo(2);
        }
    }

    @Test
    void manyLinesAcrossBlocksMapBackToTheirSources() throws Exception {
        StringBuilder even = new StringBuilder();
        StringBuilder odd = new StringBuilder();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 5000; i++) {
            String line = t0.plusSeconds(i) + " h p: n" + i + "\n";
            (i % 3 == 0 ? even : odd).append(line);
        }
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Files.writeString(a, even);
        Files.writeString(b, odd);
        try (MergedSource m =
                MergedSource.of(List.of(LogOpener.open(a), LogOpener.open(b)), ZoneOffset.UTC)) {
            m.index(IndexProgress.NONE, () -> false);
            assertThat(m.lineCount()).isEqualTo(5000);
            for (int i = 0; i < 5000; i += 7) {
                assertThat(m.line(i)).endsWith(" n" + i);
                assertThat(m.sourceOf(i)).isEqualTo(i % 3 == 0 ? 0 : 1);
            }
        }
    }
}
