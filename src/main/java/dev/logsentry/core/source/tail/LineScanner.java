package dev.logsentry.core.source.tail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n}, streaming through a fixed buffer. A line longer
 * than the cap keeps only its first {@code maxLineBytes} bytes (the rest is skipped, not held), so
 * a 100 MB line costs no more memory than a short one and the lines after it are still read.
 */
final class LineScanner {
    private static final int BUFFER = 64 * 1024;

    private final int maxLineBytes;

    LineScanner(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * What a scan consumed: the position just after the last line emitted, and the count.
     *
     * @param damage with {@code tolerant}, the read error that ended the scan early (a damaged
     *     .gz), else null
     */
    record Result(long end, long lines, IOException damage) {}

    /**
     * Reads lines from {@code in}, whose next byte is at {@code start}, until EOF or {@code limit}.
     *
     * @param limit position to stop at, or -1 for end of stream
     * @param emitPartial whether bytes after the last newline count as a line (true for a rotated
     *     file, which will never be completed; false for a live log, whose last line may still be
     *     being written and is read whole by the next run)
     */
    Result scan(
            InputStream in,
            long start,
            long limit,
            boolean emitPartial,
            String log,
            String file,
            LineSink sink)
            throws IOException {
        return scan(in, start, limit, emitPartial, false, log, file, sink);
    }

    /**
     * Like {@link #scan(InputStream, long, long, boolean, String, String, LineSink)}; with {@code
     * tolerant} a read error ends the scan like the end of the stream (the bytes read before it are
     * passed on) and is returned in {@link Result#damage()} instead of thrown.
     */
    Result scan(
            InputStream in,
            long start,
            long limit,
            boolean emitPartial,
            boolean tolerant,
            String log,
            String file,
            LineSink sink)
            throws IOException {
        IOException damage = null;
        byte[] buf = new byte[BUFFER];
        LineBuffer line = new LineBuffer();
        long lineStart = start;
        long pos = start;
        long lines = 0;
        while (limit < 0 || pos < limit) {
            int want = limit < 0 ? buf.length : (int) Math.min(buf.length, limit - pos);
            int n;
            try {
                n = in.read(buf, 0, want);
            } catch (IOException e) {
                if (!tolerant) {
                    throw e;
                }
                damage = e;
                break;
            }
            if (n < 0) {
                break;
            }
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    if (line.length == 0 && i - from <= maxLineBytes) {
                        // the whole line is in the buffer: one copy, not two
                        byte[] bytes = Arrays.copyOfRange(buf, from, i);
                        sink.accept(new TailLine(log, file, lineStart, bytes, bytes.length));
                    } else {
                        line.append(buf, from, i - from);
                        sink.accept(new TailLine(log, file, lineStart, line.bytes(), line.length));
                        line.reset();
                    }
                    lines++;
                    lineStart = pos + i + 1;
                    from = i + 1;
                }
            }
            line.append(buf, from, n - from);
            pos += n;
        }
        if (emitPartial && line.length > 0) {
            sink.accept(new TailLine(log, file, lineStart, line.bytes(), line.length));
            lines++;
            lineStart = pos;
        }
        return new Result(lineStart, lines, damage);
    }

    /** The current line: its first bytes up to the cap, and its full length. */
    private final class LineBuffer {
        private byte[] data = new byte[Math.min(maxLineBytes, 1024)];
        private int kept;
        private long length;

        void append(byte[] src, int from, int len) {
            length += len;
            int take = Math.min(len, maxLineBytes - kept);
            if (take <= 0) {
                return;
            }
            if (kept + take > data.length) {
                data =
                        Arrays.copyOf(
                                data,
                                Math.min(maxLineBytes, Math.max(kept + take, data.length * 2)));
            }
            System.arraycopy(src, from, data, kept, take);
            kept += take;
        }

        byte[] bytes() {
            return Arrays.copyOf(data, kept);
        }

        void reset() {
            kept = 0;
            length = 0;
        }
    }
}
