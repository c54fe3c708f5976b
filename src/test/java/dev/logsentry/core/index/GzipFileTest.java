package dev.logsentry.core.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipFileTest {
    @TempDir Path dir;

    /** Syslog-like lines, some long, some random (badly compressible), some repeated. */
    private static List<String> sampleLines(int count, long seed) {
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder("Nov 25 07:33:43 gw sshd[" + i + "]: ");
            int kind = rnd.nextInt(100);
            if (kind == 0) {
                sb.append("y".repeat(70_000)); // a line longer than 64 KiB
            } else if (kind < 30) {
                for (int k = 0; k < 80; k++) {
                    sb.append((char) ('!' + rnd.nextInt(90)));
                }
            } else {
                sb.append("Accepted publickey for root from 192.0.2.").append(i % 256);
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(UTF_8);
    }

    private Path gzip(String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)) {
            out.write(data);
        }
        return p;
    }

    private static List<String> readAll(LineSource s) throws IOException {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < s.lineCount(); i++) {
            out.add(s.line(i));
        }
        return out;
    }

    private static GzipFile indexed(Path p) throws Exception {
        GzipFile gz = GzipFile.open(p, OpenOptions.DEFAULT.withDisplayLimit(1 << 20));
        gz.index(IndexProgress.NONE, () -> false);
        return gz;
    }

    @Test
    void readsWhatJavaCompressedWithCheckpointsThroughout() throws Exception {
        List<String> lines = sampleLines(60_000, 1);
        Path p = gzip("a.log.gz", text(lines));
        try (GzipFile gz = indexed(p)) {
            assertThat(gz.lineCount()).isEqualTo(lines.size());
            assertThat(gz.checkpointCount()).isGreaterThan(3);
            // jumping into the middle (random order, far apart) equals the sequential read
            Random rnd = new Random(5);
            for (int k = 0; k < 60; k++) {
                int i = rnd.nextInt(lines.size());
                assertThat(gz.line(i)).as("line %d", i).isEqualTo(lines.get(i));
            }
            assertThat(readAll(gz)).isEqualTo(lines);
        }
    }

    @Test
    void readsWhatTheGzipToolWritesAndMultipleMembers() throws Exception {
        List<String> first = sampleLines(5_000, 2);
        List<String> second = sampleLines(3_000, 3);
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Files.write(a, text(first));
        Files.write(b, text(second));
        for (String level : new String[] {"-1", "-9"}) {
            Process pa = new ProcessBuilder("gzip", level, "-kf", a.toString()).start();
            Process pb = new ProcessBuilder("gzip", level, "-kf", b.toString()).start();
            assertThat(pa.waitFor()).isZero();
            assertThat(pb.waitFor()).isZero();
            Path both = dir.resolve("both" + level + ".gz");
            try (OutputStream out = Files.newOutputStream(both)) {
                out.write(Files.readAllBytes(dir.resolve("a.log.gz")));
                out.write(Files.readAllBytes(dir.resolve("b.log.gz")));
            }
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            try (GzipFile gz = indexed(both)) {
                assertThat(readAll(gz)).isEqualTo(all);
                assertThat(gz.line(first.size() + 10)).isEqualTo(second.get(10));
            }
        }
    }

    @Test
    void storedBlocksAndAnEmptyMember() throws Exception {
        byte[] data = text(sampleLines(2_000, 4));
        Path p = dir.resolve("stored.gz");
        try (OutputStream out =
                new GZIPOutputStream(Files.newOutputStream(p)) {
                    {
                        def.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
                    }
                }) {
            out.write(data);
        }
        try (GzipFile gz = indexed(p)) {
            assertThat(readAll(gz)).isEqualTo(sampleLines(2_000, 4));
        }
        Path empty = gzip("empty.gz", new byte[0]);
        try (GzipFile gz = indexed(empty)) {
            assertThat(gz.lineCount()).isZero();
        }
    }

    @Test
    void truncatedFileShowsTheReadablePartAndSaysWhereItBroke() throws Exception {
        List<String> lines = sampleLines(40_000, 6);
        Path full = gzip("full.gz", text(lines));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        GzipFile gz = GzipFile.open(cut, OpenOptions.DEFAULT.withDisplayLimit(1 << 20));
        try (gz) {
            assertThatThrownBy(() -> gz.index(IndexProgress.NONE, () -> false))
                    .isInstanceOfSatisfying(
                            SourceException.class,
                            e -> {
                                assertThat(e.reason()).isEqualTo(SourceException.Reason.CORRUPT);
                                assertThat(e.getMessage())
                                        .contains(cut.toString(), "truncated")
                                        .contains("byte " + bytes.length / 2);
                            });
            long n = gz.lineCount();
            assertThat(n).isGreaterThan(1000).isLessThan(lines.size());
            for (long i = 0; i < n - 1; i += 97) {
                assertThat(gz.line(i)).isEqualTo(lines.get((int) i));
            }
            assertThat(gz.line(n - 2)).isEqualTo(lines.get((int) n - 2));
            // the last, cut line is shown as far as it goes
            assertThat(lines.get((int) n - 1)).startsWith(gz.line(n - 1));
        }
    }

    @Test
    void corruptFileSaysWhereItBroke() throws Exception {
        List<String> lines = sampleLines(40_000, 7);
        byte[] bytes = Files.readAllBytes(gzip("ok.gz", text(lines)));
        Random rnd = new Random(8);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 200; i++) {
            bytes[i] = (byte) rnd.nextInt();
        }
        Path bad = dir.resolve("bad.gz");
        Files.write(bad, bytes);
        try (GzipFile gz = GzipFile.open(bad, OpenOptions.DEFAULT)) {
            assertThatThrownBy(() -> gz.index(IndexProgress.NONE, () -> false))
                    .isInstanceOfSatisfying(
                            SourceException.class,
                            e -> {
                                assertThat(e.reason()).isEqualTo(SourceException.Reason.CORRUPT);
                                assertThat(e.getMessage())
                                        .contains(bad.toString())
                                        .containsAnyOf("corrupt at compressed byte", "truncated");
                            });
            assertThat(gz.line(0)).isEqualTo(lines.get(0));
            assertThat(gz.line(1000)).isEqualTo(lines.get(1000));
        }
    }

    @Test
    void notGzipIsRecognised() throws Exception {
        Path plain = dir.resolve("plain.log");
        Files.write(plain, "x\n".getBytes(UTF_8));
        assertThat(GzipFile.isGzip(plain)).isFalse();
        assertThat(GzipFile.isGzip(gzip("x.gz", "x\n".getBytes(UTF_8)))).isTrue();
        Path fake = dir.resolve("fake.gz");
        ByteArrayOutputStream junk = new ByteArrayOutputStream();
        junk.write(new byte[] {0x1f, (byte) 0x8b, 99, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        Files.write(fake, junk.toByteArray());
        assertThatThrownBy(() -> GzipFile.open(fake, OpenOptions.DEFAULT))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(fake.toString());
    }
}
