package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    @TempDir Path dir;

    /** CRLF and LF lines, empty lines, a 3 MiB line, a lone CR inside, no final newline. */
    private static byte[] awkward() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(5);
        for (int i = 0; i < 40_000; i++) {
            String body = "line " + i + " " + "x".repeat(random.nextInt(120));
            out.writeBytes(body.getBytes(StandardCharsets.US_ASCII));
            switch (i % 5) {
                case 0 -> out.writeBytes(new byte[] {'\r', '\n'});
                case 1 -> out.writeBytes(new byte[] {'\r', 'x', '\n'});
                case 2 -> out.writeBytes(new byte[] {'\n', '\n'});
                default -> out.write('\n');
            }
            if (i == 20_000) {
                out.writeBytes("y".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
        }
        out.writeBytes("last without newline\r".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static List<byte[]> readAll(LineReader reader, long from, long to) throws Exception {
        List<byte[]> lines = new ArrayList<>();
        long end =
                reader.read(
                        from,
                        to,
                        (line, buf, off, len) -> {
                            assertThat(line).isEqualTo(from + lines.size());
                            lines.add(Arrays.copyOfRange(buf, off, off + len));
                            return true;
                        });
        assertThat(end).isEqualTo(to);
        return lines;
    }

    @Test
    void blocksGiveExactlyTheBytesOfRawLine() throws Exception {
        try (IndexedFile file = Fixtures.indexed(dir, "awkward", awkward());
                LineReader reader = LineReader.of(file)) {
            long n = file.lineCount();
            List<byte[]> lines = readAll(reader, 0, n);
            for (int i = 0; i < n; i++) {
                assertThat(lines.get(i)).as("line %d", i).isEqualTo(file.rawLine(i));
            }
            List<byte[]> middle = readAll(reader, 19_999, 30_000);
            assertThat(middle.get(0)).isEqualTo(file.rawLine(19_999));
        }
    }

    @Test
    void aVisitorCanStopEarly() throws Exception {
        try (IndexedFile file = Fixtures.indexed(dir, "awkward", awkward());
                LineReader reader = LineReader.of(file)) {
            long stopped = reader.read(10, 1000, (line, buf, off, len) -> line < 500);
            assertThat(stopped).isEqualTo(500);
        }
    }

    @Test
    void aFileReplacedAfterIndexingIsReadThroughTheSource() throws Exception {
        try (IndexedFile file =
                Fixtures.indexed(
                        dir, "syslog", "one\ntwo\nthree\n".getBytes(StandardCharsets.US_ASCII))) {
            Path other = dir.resolve("new");
            Files.writeString(other, "uno\ndos\ntres\n");
            Files.move(other, dir.resolve("syslog"), StandardCopyOption.REPLACE_EXISTING);
            try (LineReader reader = LineReader.of(file)) {
                List<byte[]> lines = readAll(reader, 0, 3);
                assertThat(new String(lines.get(2), StandardCharsets.US_ASCII)).isEqualTo("three");
            }
        }
    }

    @Test
    void aGrowingFileIsReadAsIndexed() throws Exception {
        Path path = dir.resolve("growing");
        Files.writeString(path, "a\nb\npartial");
        try (IndexedFile file = IndexedFile.open(path)) {
            file.index(IndexProgress.NONE, () -> false);
            Files.writeString(path, " and more\nc\n", java.nio.file.StandardOpenOption.APPEND);
            try (LineReader reader = LineReader.of(file)) {
                List<byte[]> lines = readAll(reader, 0, file.lineCount());
                assertThat(lines).hasSize(3);
                assertThat(lines.get(2)).isEqualTo(file.rawLine(2));
            }
        }
    }
}
