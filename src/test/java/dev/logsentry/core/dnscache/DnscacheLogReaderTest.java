package dev.logsentry.core.dnscache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnscacheLogReaderTest {
    @TempDir Path dir;

    private static List<DnscacheEntry> read(Path... files) throws IOException {
        List<DnscacheEntry> out = new ArrayList<>();
        DnscacheLogReader.read(
                List.of(files), out::add, DnscacheLogReader.Progress.NONE, () -> false);
        return out;
    }

    @Test
    void multilogDirectoryIsReadOldestFirstThenCurrent() throws IOException {
        List<Path> files = DnscacheLogReader.expand(Fixtures.main());
        assertThat(files.get(files.size() - 1).getFileName().toString()).isEqualTo("current");
        assertThat(files.subList(0, files.size() - 1))
                .extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.startsWith("@") && n.endsWith(".s"))
                .isSorted();
        List<DnscacheEntry> entries = read(files.toArray(Path[]::new));
        assertThat(entries.get(0)).isInstanceOf(DnscacheEntry.Starting.class);
        assertThat(entries).hasSize(509);
    }

    @Test
    void crlfMissingLastNewlineGzipAndAnOverlongLine() throws IOException {
        Path f = dir.resolve("log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(
                    "query 1 7f000001:0001:0002 1 a.example.\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(
                    "x".repeat(3 * DnscacheLogReader.MAX_LINE).getBytes(StandardCharsets.US_ASCII));
            out.write("\nsent 1 33".getBytes(StandardCharsets.US_ASCII)); // no final newline
        }
        List<DnscacheEntry> entries = read(f);
        assertThat(entries).hasSize(3);
        assertThat(((DnscacheEntry.Query) entries.get(0)).name()).isEqualTo("a.example.");
        DnscacheEntry.Unparsed bad = (DnscacheEntry.Unparsed) entries.get(1);
        assertThat(bad.line()).isEqualTo(2);
        assertThat(bad.source()).isEqualTo(f.toString());
        assertThat(bad.text()).hasSize(DnscacheLogReader.MAX_LINE);
        assertThat(entries.get(2)).isEqualTo(new DnscacheEntry.Sent(3, null, 1, 33));
    }

    @Test
    void aDirectoryWithoutMultilogFilesIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DnscacheLogReader.expand(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.toString());
    }
}
