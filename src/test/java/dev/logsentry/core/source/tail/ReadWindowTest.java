package dev.logsentry.core.source.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The window remembers exactly the first and the last bytes it passed, whatever the reads. */
class ReadWindowTest {
    @Test
    void headAndWindowAreTheBytesReadWhateverTheSizesOfTheReads() throws IOException {
        Random random = new Random(5);
        byte[] file = new byte[1_300_000];
        random.nextBytes(file);
        for (long start : new long[] {0, 77}) {
            byte[] rest = Arrays.copyOfRange(file, (int) start, file.length);
            ReadWindow w = new ReadWindow(new ByteArrayInputStream(rest), start);
            byte[] buf = new byte[600_000];
            long pos = start;
            while (true) {
                int len = 1 + random.nextInt(random.nextBoolean() ? 100 : buf.length);
                int off = random.nextInt(buf.length - len + 1);
                int n = w.read(buf, off, len);
                if (n < 0) {
                    break;
                }
                assertThat(Arrays.copyOfRange(buf, off, off + n))
                        .isEqualTo(Arrays.copyOfRange(file, (int) pos, (int) pos + n));
                pos += n;
                // the last bytes read are remembered, up to the window's size
                int back = (int) Math.min(pos - start, 1 + random.nextInt(300_000));
                byte[] got = w.window(pos - back, pos);
                if (back <= 256 * 1024) {
                    assertThat(got)
                            .isEqualTo(Arrays.copyOfRange(file, (int) (pos - back), (int) pos));
                }
            }
            assertThat(pos).isEqualTo(file.length);
            int fp = FileIdentity.FINGERPRINT_BYTES;
            if (start == 0) {
                assertThat(w.head(fp)).isEqualTo(Arrays.copyOf(file, fp));
            } else {
                assertThat(w.head(fp)).isNull();
            }
            assertThat(w.window(file.length - 1000L, file.length))
                    .isEqualTo(Arrays.copyOfRange(file, file.length - 1000, file.length));
            assertThat(w.window(file.length - 300_000L, file.length)).isNull();
        }
    }
}
