package dev.logsentry.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineOffsetsTest {

    @Test
    void storesStartsAndEndsIncludingHugeLines() {
        Random rnd = new Random(7);
        int n = 300_000;
        long[] ends = new long[n];
        LineOffsets o = new LineOffsets(100);
        long pos = 100;
        for (int i = 0; i < n; i++) {
            pos += rnd.nextInt(50) == 0 ? 65_535L + rnd.nextInt(1 << 24) : rnd.nextInt(300) + 1;
            ends[i] = pos;
            o.add(pos);
        }
        assertThat(o.count()).isZero();
        o.publish();
        assertThat(o.count()).isEqualTo(n);
        assertThat(o.start(0)).isEqualTo(100);
        for (int i = 0; i < n; i++) {
            assertThat(o.end(i)).isEqualTo(ends[i]);
            if (i > 0) {
                assertThat(o.start(i)).isEqualTo(ends[i - 1]);
            }
        }
        // a few bytes per line, not an object per line
        assertThat(o.memoryBytes()).isLessThan(4L * n);
    }

    @Test
    void unpublishedLinesAreNotVisible() {
        LineOffsets o = new LineOffsets(0);
        o.add(5);
        assertThatThrownBy(() -> o.start(0)).isInstanceOf(IndexOutOfBoundsException.class);
        o.publish();
        assertThat(o.end(0)).isEqualTo(5);
    }
}
