package dev.logsentry.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlineScannerTest {

    @Test
    void findsTheSameNewlinesAsAByteLoop() {
        Random rnd = new Random(1);
        byte[] buf = new byte[10_000];
        for (int round = 0; round < 200; round++) {
            rnd.nextBytes(buf);
            // bytes just around '\n' (0x09, 0x0B, 0x8A) provoke SWAR false positives
            for (int i = 0; i < buf.length; i++) {
                int r = rnd.nextInt(40);
                buf[i] = r == 0 ? (byte) '\n' : r == 1 ? 0x0B : r == 2 ? (byte) 0x8A : buf[i];
            }
            int from = rnd.nextInt(50);
            int to = buf.length - rnd.nextInt(50);
            int i = from;
            while (true) {
                int expected = NewlineScanner.indexOfSimple(buf, i, to);
                int actual = NewlineScanner.indexOf(buf, i, to);
                assertThat(actual).isEqualTo(expected);
                if (actual < 0) {
                    break;
                }
                i = actual + 1;
            }
            int[] ends = new int[to - from];
            int count = NewlineScanner.lineEnds(buf, from, to, ends);
            int k = 0;
            for (int j = from; j < to; j++) {
                if (buf[j] == '\n') {
                    assertThat(ends[k++]).isEqualTo(j + 1);
                }
            }
            assertThat(count).isEqualTo(k);
            int[] viaBuffer = new int[to - from];
            java.nio.ByteBuffer bb =
                    java.nio.ByteBuffer.wrap(buf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertThat(NewlineScanner.lineEnds(bb, from, to, viaBuffer)).isEqualTo(count);
            assertThat(java.util.Arrays.copyOf(viaBuffer, count))
                    .isEqualTo(java.util.Arrays.copyOf(ends, count));
        }
    }

    @Test
    void handlesShortRanges() {
        byte[] b = {'a', '\n', 'b'};
        assertThat(NewlineScanner.indexOf(b, 0, 3)).isEqualTo(1);
        assertThat(NewlineScanner.indexOf(b, 2, 3)).isEqualTo(-1);
        assertThat(NewlineScanner.indexOf(b, 0, 0)).isEqualTo(-1);
    }
}
