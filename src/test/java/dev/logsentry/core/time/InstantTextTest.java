package dev.logsentry.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    @Test
    void writesWhatInstantToStringWrites() {
        InstantText text = new InstantText();
        SplittableRandom r = new SplittableRandom(42);
        long[] seconds = {0, 59, 1_000_000_000, 1_795_592_633, 253402300799L, -1, 253402300800L};
        int[] nanos = {0, 1, 500_000_000, 34_556_500, 123_000, 999_999_999, 1_000_000};
        for (long s : seconds) {
            for (int n : nanos) {
                Instant t = Instant.ofEpochSecond(s, n);
                assertThat(text.format(t)).isEqualTo(t.toString());
            }
        }
        long second = 1_795_000_000;
        for (int i = 0; i < 100_000; i++) {
            second += r.nextInt(3); // many to a second, as in a log
            int nano = r.nextInt(4) == 0 ? r.nextInt(1000) * 1_000_000 : r.nextInt(1_000_000_000);
            Instant t = Instant.ofEpochSecond(second, nano);
            assertThat(text.format(t)).isEqualTo(t.toString());
        }
    }
}
