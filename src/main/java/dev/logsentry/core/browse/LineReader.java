package dev.logsentry.core.browse;

import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads runs of consecutive lines for the background jobs. For a plain indexed file it reads whole
 * blocks of lines with one positional read (one system call per ~1 MiB instead of one per line,
 * which made line-by-line reading the bottleneck of filtering); any other source is read line by
 * line. The bytes handed out are exactly those of {@link RawLineSource#rawLine}.
 *
 * <p>The block reader opens the file again by path; it is used only when the file read that way
 * holds the same bytes as the index says (checked on the first and last lines), so a file replaced
 * in between falls back to line-by-line reading. Positional reads make one reader safe for several
 * worker threads.
 */
final class LineReader implements Closeable {

    /** Receives one line: its index and its bytes {@code buf[off, off + len)}. */
    @FunctionalInterface
    interface Visitor {
        /** Returns false to stop reading. */
        boolean visit(long line, byte[] buf, int off, int len) throws IOException;
    }

    private static final int BLOCK = 1 << 20;

    private final LineSource source;
    private final IndexedFile file;
    private final FileChannel channel;

    private LineReader(LineSource source, IndexedFile file, FileChannel channel) {
        this.source = source;
        this.file = file;
        this.channel = channel;
    }

    /** A reader for {@code source}; never fails (falls back to line-by-line reading). */
    static LineReader of(LineSource source) {
        if (source instanceof IndexedFile f && f.lineCount() > 0) {
            FileChannel ch = null;
            try {
                ch = FileChannel.open(f.path(), StandardOpenOption.READ);
                LineReader r = new LineReader(source, f, ch);
                long last = f.lineCount() - 1;
                if (Arrays.equals(r.readOne(0), f.rawLine(0))
                        && Arrays.equals(r.readOne(last), f.rawLine(last))) {
                    return r;
                }
            } catch (IOException | RuntimeException e) {
                // unreadable by path: read through the source
            }
            closeQuietly(ch);
        }
        return new LineReader(source, null, null);
    }

    /**
     * Visits lines {@code [from, to)} in order until the visitor returns false.
     *
     * @return the first line not visited ({@code to} when all were)
     */
    long read(long from, long to, Visitor visitor) throws IOException {
        if (channel == null) {
            for (long line = from; line < to; line++) {
                byte[] b = raw(line);
                if (!visitor.visit(line, b, 0, b.length)) {
                    return line;
                }
            }
            return to;
        }
        byte[] buf = new byte[64 * 1024];
        long line = from;
        while (line < to) {
            long start = file.offset(line);
            long end = start;
            long next = line;
            while (next < to) {
                long lineEnd = file.offset(next) + file.lineLength(next);
                if (lineEnd - start > BLOCK && next > line) {
                    break;
                }
                end = lineEnd;
                next++;
            }
            if (end - start > Integer.MAX_VALUE - 16) {
                byte[] b = file.rawLine(line); // reports a line too long to load
                if (!visitor.visit(line, b, 0, b.length)) {
                    return line;
                }
                line++;
                continue;
            }
            int n = (int) (end - start);
            if (buf.length < n) {
                buf = new byte[Math.max(n, buf.length * 2)];
            }
            readFully(buf, n, start);
            for (long l = line; l < next; l++) {
                int off = (int) (file.offset(l) - start);
                int len = (int) file.lineLength(l);
                if (len > 0 && buf[off + len - 1] == '\r') {
                    len--; // as rawLine: the CR of a CRLF terminator is not part of the line
                }
                if (!visitor.visit(l, buf, off, len)) {
                    return l;
                }
            }
            line = next;
        }
        return to;
    }

    private byte[] raw(long line) throws IOException {
        return source instanceof RawLineSource r
                ? r.rawLine(line)
                : source.line(line).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] readOne(long line) throws IOException {
        byte[][] out = new byte[1][];
        read(
                line,
                line + 1,
                (l, b, off, len) -> {
                    out[0] = Arrays.copyOfRange(b, off, off + len);
                    return true;
                });
        return out[0];
    }

    private void readFully(byte[] buf, int n, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
        while (bb.hasRemaining()) {
            if (channel.read(bb, pos + bb.position()) < 0) {
                throw new IOException(
                        source.name()
                                + " is shorter than its index (truncated?) at byte "
                                + (pos + bb.position()));
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing was written; closing a read channel cannot lose data
            }
        }
    }
}
