package dev.logsentry.core.source.follow;

import dev.logsentry.core.index.NewlineScanner;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * One file generation being followed: an open channel (which keeps the inode readable after a
 * rename or delete), the read position, the bytes of an unfinished last line, and the first bytes
 * of the file, which tell a truncated-and-rewritten file from the one we were reading.
 */
final class Generation implements Closeable {
    static final int HEAD = 128;
    private static final int BUFFER = 64 * 1024;

    final FileChannel channel;
    final Object key;
    long pos;
    long drainUntilNanos;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private byte[] head = new byte[0];
    private final byte[] buf = new byte[BUFFER];

    Generation(FileChannel channel, Object key, long pos) {
        this.channel = channel;
        this.key = key;
        this.pos = pos;
    }

    /** Reads from {@link #pos} to the end, handing out complete lines; returns bytes read. */
    long readToEnd(FollowListener out) throws IOException {
        return readToEnd(out, false);
    }

    /**
     * Reads from {@link #pos} to the end. With {@code verify}, each block is handed out only when
     * the file still starts with the same bytes after it was read, so a truncation racing with the
     * read is never taken for new data; then -1 is returned and nothing of that block is used.
     */
    long readToEnd(FollowListener out, boolean verify) throws IOException {
        long total = 0;
        while (true) {
            int n = channel.read(ByteBuffer.wrap(buf), pos);
            if (n <= 0) {
                return total;
            }
            if (verify && !sameStart()) {
                return -1;
            }
            emitLines(buf, n, out);
            pos += n;
            total += n;
        }
    }

    /** Hands out the complete lines in {@code b[0, n)}, keeping an unfinished end for later. */
    void emitLines(byte[] b, int n, FollowListener out) {
        int start = 0;
        while (true) {
            int nl = NewlineScanner.indexOf(b, start, n);
            if (nl < 0) {
                partial.write(b, start, n - start);
                return;
            }
            byte[] line;
            if (partial.size() > 0) {
                partial.write(b, start, nl - start);
                line = partial.toByteArray();
                partial.reset();
            } else {
                line = Arrays.copyOfRange(b, start, nl);
            }
            out.line(stripCr(line));
            start = nl + 1;
        }
    }

    /** Hands out an unfinished last line as a line: the generation ends here. */
    void flushPartial(FollowListener out) {
        if (partial.size() > 0) {
            out.line(stripCr(partial.toByteArray()));
            partial.reset();
        }
    }

    /** Takes the unfinished last line away, to continue it elsewhere (in a rotated copy). */
    byte[] takePartial() {
        byte[] b = partial.toByteArray();
        partial.reset();
        return b;
    }

    /** Starts with an unfinished line taken from another generation. */
    void continueLine(byte[] start) {
        partial.write(start, 0, start.length);
    }

    private static byte[] stripCr(byte[] line) {
        int len = line.length;
        return len > 0 && line[len - 1] == '\r' ? Arrays.copyOf(line, len - 1) : line;
    }

    /** Reads the first bytes of the file again, to compare with the ones we know. */
    byte[] readHead() throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(HEAD);
        while (bb.hasRemaining()) {
            if (channel.read(bb, bb.position()) <= 0) {
                break;
            }
        }
        return Arrays.copyOf(bb.array(), bb.position());
    }

    /** The first bytes as last seen; learnt as the file grows up to {@link #HEAD} bytes. */
    byte[] head() {
        return head;
    }

    /**
     * Whether the file still starts with the bytes we saw: false after a truncation even when the
     * writer has since written more than we had read. Learns more head bytes while it is short.
     */
    boolean sameStart() throws IOException {
        byte[] now = readHead();
        if (now.length < head.length) {
            return false; // files only shrink when truncated
        }
        if (!Arrays.equals(now, 0, head.length, head, 0, head.length)) {
            return false;
        }
        if (now.length > head.length) {
            head = now;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
