package dev.logsentry.core.index;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The end offsets of complete lines, stored in about 2.3 bytes per line instead of an object or a
 * long per line: each line keeps its length (terminator included) as a 16-bit delta, and every
 * group of 32 lines keeps the absolute offset where it starts. Finding a line's start sums at most
 * 31 deltas. Lengths of 65,535 bytes or more are kept in a small side map.
 *
 * <p>Storage grows in fixed-size chunks, so growing never copies the data (only the short array of
 * chunk references). One writer appends with {@link #add} and makes lines visible with {@link
 * #publish}; any number of readers may read published lines concurrently.
 */
public final class LineOffsets {
    private static final int GROUP_SHIFT = 5;
    private static final int GROUP = 1 << GROUP_SHIFT;
    private static final int DELTA_CHUNK_SHIFT = 14; // 16 Ki lines, 32 KiB per chunk
    private static final int BASE_CHUNK_SHIFT = 12; // 4 Ki groups = 128 Ki lines, 32 KiB
    private static final char BIG = 0xFFFF;
    private static final long DELTA_MASK = (1 << DELTA_CHUNK_SHIFT) - 1;
    private static final long BASE_MASK = (1 << BASE_CHUNK_SHIFT) - 1;

    private final long origin;
    private final ConcurrentHashMap<Long, Long> bigDeltas = new ConcurrentHashMap<>();
    private volatile char[][] deltaChunks = new char[4][];
    private volatile long[][] baseChunks = new long[4][];
    private volatile long published;
    private long pending;
    private long lastEnd;
    // The writer's current chunks, so that adding a line touches no volatile field.
    private char[] writeDeltas;
    private long[] writeBases;

    /** An empty index whose first line starts at {@code origin}. */
    public LineOffsets(long origin) {
        this.origin = origin;
        this.lastEnd = origin;
    }

    /** Where line 0 starts. */
    public long origin() {
        return origin;
    }

    /** Writer: appends a line ending just before {@code end} (its terminator included). */
    public void add(long end) {
        long delta = end - lastEnd;
        if (delta < 0) {
            throw new IllegalArgumentException("line end " + end + " before " + lastEnd);
        }
        long i = pending;
        int slot = (int) (i & DELTA_MASK);
        if (slot == 0 || writeDeltas == null) {
            writeDeltas = deltaChunk((int) (i >>> DELTA_CHUNK_SHIFT));
        }
        if ((i & (GROUP - 1)) == 0) {
            long g = i >>> GROUP_SHIFT;
            int bslot = (int) (g & BASE_MASK);
            if (bslot == 0 || writeBases == null) {
                writeBases = baseChunk((int) (g >>> BASE_CHUNK_SHIFT));
            }
            writeBases[bslot] = lastEnd;
        }
        if (delta >= BIG) {
            bigDeltas.put(i, delta);
            writeDeltas[slot] = BIG;
        } else {
            writeDeltas[slot] = (char) delta;
        }
        pending = i + 1;
        lastEnd = end;
    }

    private char[] deltaChunk(int chunk) {
        char[][] deltas = deltaChunks;
        if (chunk >= deltas.length) {
            deltas = Arrays.copyOf(deltas, deltas.length * 2);
            deltaChunks = deltas;
        }
        if (deltas[chunk] == null) {
            deltas[chunk] = new char[1 << DELTA_CHUNK_SHIFT];
        }
        return deltas[chunk];
    }

    private long[] baseChunk(int chunk) {
        long[][] bases = baseChunks;
        if (chunk >= bases.length) {
            bases = Arrays.copyOf(bases, bases.length * 2);
            baseChunks = bases;
        }
        if (bases[chunk] == null) {
            bases[chunk] = new long[1 << BASE_CHUNK_SHIFT];
        }
        return bases[chunk];
    }

    /** Writer: makes every line added so far visible to readers. */
    public void publish() {
        published = pending;
    }

    /** Writer: the end of the last added line (published or not), or the origin. */
    public long lastEnd() {
        return lastEnd;
    }

    /** The number of published lines. */
    public long count() {
        return published;
    }

    /** Start offset of line {@code i}. */
    public long start(long i) {
        check(i);
        long g = i >>> GROUP_SHIFT;
        long pos =
                baseChunks[(int) (g >>> BASE_CHUNK_SHIFT)][
                        (int) (g & ((1 << BASE_CHUNK_SHIFT) - 1))];
        for (long j = g << GROUP_SHIFT; j < i; j++) {
            pos += delta(j);
        }
        return pos;
    }

    /** End offset (exclusive, after the terminator) of line {@code i}. */
    public long end(long i) {
        return start(i) + delta(i);
    }

    /** Bytes used by this index, roughly: for the performance notes. */
    public long memoryBytes() {
        long bytes = 0;
        for (char[] c : deltaChunks) {
            bytes += c == null ? 0 : 2L * c.length;
        }
        for (long[] b : baseChunks) {
            bytes += b == null ? 0 : 8L * b.length;
        }
        return bytes + 64L * bigDeltas.size();
    }

    private long delta(long i) {
        char d =
                deltaChunks[(int) (i >>> DELTA_CHUNK_SHIFT)][
                        (int) (i & ((1 << DELTA_CHUNK_SHIFT) - 1))];
        return d == BIG ? bigDeltas.get(i) : d;
    }

    private void check(long i) {
        if (i < 0 || i >= published) {
            throw new IndexOutOfBoundsException("line " + i + " of " + published);
        }
    }
}
