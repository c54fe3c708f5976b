package dev.logsentry.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our decoder against zlib's encoder: every level and strategy, resumed at every checkpoint. */
class InflateTest {
    @TempDir Path dir;

    private static byte[] gzip(byte[] data, int level, int strategy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
        Deflater d = new Deflater(level, true);
        d.setStrategy(strategy);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        long n = data.length;
        for (int i = 0; i < 4; i++) {
            out.write((int) (c >>> (8 * i)));
        }
        for (int i = 0; i < 4; i++) {
            out.write((int) (n >>> (8 * i)));
        }
        return out.toByteArray();
    }

    private static byte[] data(Random rnd) {
        int size = rnd.nextInt(300_000);
        byte[] b = new byte[size];
        int i = 0;
        while (i < size) {
            int run = Math.min(size - i, 1 + rnd.nextInt(2000));
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    for (int k = 0; k < run; k++) {
                        b[i + k] = (byte) rnd.nextInt(256);
                    }
                }
                case 1 -> Arrays.fill(b, i, i + run, (byte) ('a' + rnd.nextInt(3)));
                default -> {
                    int back = 1 + rnd.nextInt(Math.max(1, Math.min(i, 32768)));
                    for (int k = 0; k < run; k++) {
                        b[i + k] = i + k - back >= 0 ? b[i + k - back] : (byte) 'x';
                    }
                }
            }
            i += run;
        }
        return b;
    }

    @Test
    void decodesWhatZlibEncodesAndResumesAtEveryBoundary() throws Exception {
        Random rnd = new Random(11);
        int[] strategies = {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY};
        for (int round = 0; round < 40; round++) {
            byte[] data = data(rnd);
            int level = rnd.nextInt(10);
            Path p = dir.resolve("r" + round + ".gz");
            Files.write(p, gzip(data, level, strategies[rnd.nextInt(3)]));
            try (FileChannel ch = FileChannel.open(p)) {
                Inflate inf = new Inflate(ch);
                List<long[]> bounds = new ArrayList<>();
                List<byte[]> windows = new ArrayList<>();
                inf.onBoundary(
                        at -> {
                            bounds.add(new long[] {at.bitPosition(), at.outPosition()});
                            windows.add(at.window());
                        });
                byte[] got = readAll(inf);
                assertThat(got).as("round %d level %d", round, level).isEqualTo(data);
                for (int k = 0; k < bounds.size(); k += 1 + bounds.size() / 5) {
                    long[] b = bounds.get(k);
                    byte[] rest = readAll(new Inflate(ch, b[0], b[1], windows.get(k)));
                    assertThat(rest)
                            .as("round %d resumed at block %d", round, k)
                            .isEqualTo(Arrays.copyOfRange(data, (int) b[1], data.length));
                }
            }
        }
    }

    private static byte[] readAll(Inflate inf) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7777];
        int n;
        while ((n = inf.read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
