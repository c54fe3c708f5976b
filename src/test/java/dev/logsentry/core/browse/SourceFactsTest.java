package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFactsTest {
    @TempDir Path dir;

    private static final SourceClock CLOCK =
            new SourceClock(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void timesComeFromTheFirstAndLastStampedLinesAndBadBytesAreCounted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("  continued line without a time\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("Dec  4 10:00:00 h a: one\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("Dec  4 10:00:01 h a: caf".getBytes(StandardCharsets.UTF_8));
        out.write(0xe9); // Latin-1, not UTF-8
        out.writeBytes(
                "\nDec  4 12:30:00 h a: caf\u00e9 in UTF-8\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("  trailing\n".getBytes(StandardCharsets.UTF_8));
        Path log = Files.write(dir.resolve("x.log"), out.toByteArray());
        try (IndexedFile f = IndexedFile.open(log)) {
            f.index(IndexProgress.NONE, () -> false);
            SourceFacts facts = SourceFacts.of(f, CLOCK, SourceFacts.SAMPLE);
            assertThat(facts.lines()).isEqualTo(5);
            assertThat(facts.bytes()).isEqualTo(out.size());
            assertThat(facts.first()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
            assertThat(facts.last()).isEqualTo(Instant.parse("2026-12-04T12:30:00Z"));
            assertThat(facts.badEncoding()).isEqualTo(1);
            assertThat(facts.encodingChecked()).isEqualTo(5);

            SourceFacts sampled = SourceFacts.of(f, CLOCK, 2);
            assertThat(sampled.encodingChecked()).isEqualTo(2);
            assertThat(sampled.badEncoding()).isZero();
            assertThat(sampled.last()).isEqualTo(Instant.parse("2026-12-04T12:30:00Z"));
        }
    }
}
