package dev.logsentry.core.browse;

import java.util.Arrays;

/**
 * An append-only list of ints in chunks of {@value #CHUNK}: no boxing, no copying of the whole list
 * when it grows. One writer appends and then publishes; readers see the published prefix.
 */
final class IntChunks {

    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;

    private volatile int[][] chunks = new int[0][];
    private volatile long size;
    private long written; // writer only

    /** Appends {@code values[0, n)} (writer only); visible after {@link #publish()}. */
    void append(int[] values, int n) {
        for (int i = 0; i < n; i++) {
            int chunk = (int) (written >>> CHUNK_BITS);
            int[][] c = chunks;
            if (chunk >= c.length) {
                c = Arrays.copyOf(c, Math.max(4, c.length * 2));
                chunks = c;
            }
            if (c[chunk] == null) {
                c[chunk] = new int[CHUNK];
                chunks = c; // republish so readers see the new chunk's contents
            }
            c[chunk][(int) (written & (CHUNK - 1))] = values[i];
            written++;
        }
    }

    /** Makes everything appended so far visible to readers. */
    void publish() {
        size = written;
    }

    long size() {
        return size;
    }

    int get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return chunks[(int) (index >>> CHUNK_BITS)][(int) (index & (CHUNK - 1))];
    }

    /** The first index whose value is >= {@code value} (values ascending), or size. */
    long lowerBound(long value) {
        long lo = 0;
        long hi = size;
        int[][] c = chunks;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (c[(int) (mid >>> CHUNK_BITS)][(int) (mid & (CHUNK - 1))] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long memoryBytes() {
        long n = 0;
        for (int[] c : chunks) {
            n += c == null ? 0 : 4L * CHUNK;
        }
        return n;
    }
}
