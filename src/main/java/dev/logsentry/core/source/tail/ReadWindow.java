package dev.logsentry.core.source.tail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input stream that remembers the bytes it passed on: the first {@link
 * FileIdentity#FINGERPRINT_BYTES} of the file (when reading starts at 0) and the last ones, so the
 * saved state fingerprints exactly the bytes that were read, even when the file is truncated or
 * replaced (copytruncate) right after the read.
 */
final class ReadWindow extends FilterInputStream {
    private static final int CAPACITY = 256 * 1024;

    private final byte[] ring = new byte[CAPACITY];
    private final byte[] head = new byte[FileIdentity.FINGERPRINT_BYTES];
    private final long start;
    private long pos;

    /**
     * @param start the file position of the stream's next byte
     */
    ReadWindow(InputStream in, long start) {
        super(in);
        this.start = start;
        this.pos = start;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n <= 0) {
            return n;
        }
        if (pos < head.length) {
            int k = (int) Math.min(n, head.length - pos);
            System.arraycopy(b, off, head, (int) pos, k);
        }
        // only the last CAPACITY bytes can stay; copied in at most two pieces around the ring
        int skip = Math.max(0, n - CAPACITY);
        long p = pos + skip;
        int from = off + skip;
        int left = n - skip;
        while (left > 0) {
            int at = (int) (p % CAPACITY);
            int k = Math.min(left, CAPACITY - at);
            System.arraycopy(b, from, ring, at, k);
            p += k;
            from += k;
            left -= k;
        }
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int k = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (k < 0) {
                break;
            }
            done += k;
        }
        return done;
    }

    /** The first {@code length} bytes of the file, if this stream read them; else null. */
    byte[] head(int length) {
        return start == 0 && pos >= length ? Arrays.copyOf(head, length) : null;
    }

    /** Bytes {@code [from, to)} of the file if still remembered, else null. */
    byte[] window(long from, long to) {
        if (from < start || to > pos || pos - from > CAPACITY) {
            return null;
        }
        byte[] out = new byte[(int) (to - from)];
        for (long p = from; p < to; p++) {
            out[(int) (p - from)] = ring[(int) (p % CAPACITY)];
        }
        return out;
    }
}
