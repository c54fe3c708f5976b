package dev.logsentry.core.summary;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Splits a log into lines for the summary, fast: a plain file is cut into byte ranges at line
 * boundaries so that several threads can read it at once (each line belongs to the range it starts
 * in), a stream (gzip) is read in one pass. Lines are decoded as UTF-8 (invalid bytes become
 * U+FFFD), without their {@code \n} or {@code \r\n}; a line longer than {@link #MAX_LINE} keeps its
 * first bytes.
 */
final class LineChunks {
    static final int MAX_LINE = 64 * 1024;
    private static final int BLOCK = 1 << 20;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * One block buffer per reading thread, reused by every range it reads: a run reads a 1 GB log
     * in about 70 ranges, and a new megabyte for each was most of what it allocated.
     */
    private static final ThreadLocal<ByteBuffer> BUFFERS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(BLOCK));

    private LineChunks() {}

    /** Receives the lines of one range; numbers are 1-based within the range. */
    interface Consumer {
        void line(String text, long lineNo);
    }

    /**
     * Receives the lines of one range as bytes ({@code b[off, off+len)}, valid only during the
     * call); numbers are 1-based within the range. {@code plain}: the line is known to be ASCII
     * without {@code \r} (found while looking for its newline); false when that is not known (the
     * line may still be plain).
     */
    interface ByteConsumer {
        void line(byte[] b, int off, int len, long lineNo, boolean plain);
    }

    private static ByteConsumer decoding(Consumer sink) {
        return (b, off, len, n, plain) ->
                sink.line(new String(b, off, len, StandardCharsets.UTF_8), n);
    }

    /** Byte ranges of about equal size covering {@code size} bytes. */
    static List<long[]> ranges(long size, int parts) {
        List<long[]> out = new ArrayList<>();
        long step = Math.max(BLOCK, (size + parts - 1) / Math.max(1, parts));
        for (long from = 0; from < size; from += step) {
            out.add(new long[] {from, Math.min(size, from + step)});
        }
        return out;
    }

    /**
     * Reads the lines that start in {@code [from, to)} of {@code file}.
     *
     * @return the number of lines read
     */
    static long read(Path file, long from, long to, Consumer sink, BooleanSupplier cancelled)
            throws IOException {
        return read(file, from, to, decoding(sink), cancelled);
    }

    /** As {@link #read(Path, long, long, Consumer, BooleanSupplier)}, handing over bytes. */
    static long read(Path file, long from, long to, ByteConsumer sink, BooleanSupplier cancelled)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bb = BUFFERS.get();
            long pos = from;
            if (from > 0) { // the line running into this range belongs to the previous one
                pos = nextLineStart(ch, from - 1, bb);
                if (pos < 0 || pos >= to) {
                    return 0;
                }
            }
            Splitter sp = new Splitter(sink);
            boolean finishing = false; // past 'to': only completing the line that started before
            while (true) {
                bb.clear();
                int n = ch.read(bb, pos);
                if (n <= 0) {
                    break;
                }
                byte[] a = bb.array();
                int limit = n;
                boolean stop = false;
                if (finishing || pos + n >= to) {
                    int scanFrom = finishing ? 0 : (int) Math.max(0, to - 1 - pos);
                    int nl = findNewline(a, scanFrom, n);
                    if (nl >= 0) {
                        limit = nl + 1;
                        stop = true;
                    } else {
                        finishing = true;
                    }
                }
                sp.feed(a, 0, limit);
                pos += limit;
                if (stop || cancelled.getAsBoolean()) {
                    break;
                }
            }
            sp.end();
            return sp.lines;
        }
    }

    /** The first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time. */
    static int findNewline(byte[] b, int from, int to) {
        int i = Math.max(0, from);
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL; // a newline byte is now 0
            // the lowest byte flagged here is the first zero byte (borrows only go upwards)
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The position after the first newline at or after {@code at}, or -1 at the end. */
    private static long nextLineStart(FileChannel ch, long at, ByteBuffer bb) throws IOException {
        long pos = at;
        while (true) {
            bb.clear().limit(64 * 1024);
            int n = ch.read(bb, pos);
            if (n <= 0) {
                return -1;
            }
            int i = findNewline(bb.array(), 0, n);
            if (i >= 0) {
                return pos + i + 1;
            }
            pos += n;
        }
    }

    /** Reads every line of a stream. */
    static long read(InputStream in, Consumer sink, BooleanSupplier cancelled) throws IOException {
        return read(in, decoding(sink), cancelled);
    }

    /** As {@link #read(InputStream, Consumer, BooleanSupplier)}, handing over bytes. */
    static long read(InputStream in, ByteConsumer sink, BooleanSupplier cancelled)
            throws IOException {
        Splitter sp = new Splitter(sink);
        byte[] buf = new byte[BLOCK];
        int n;
        while ((n = in.read(buf)) > 0) {
            sp.feed(buf, 0, n);
            if (cancelled.getAsBoolean()) {
                break;
            }
        }
        sp.end();
        return sp.lines;
    }

    /** Turns blocks of bytes into lines, carrying a partial line from block to block. */
    private static final class Splitter {
        private final ByteConsumer sink;
        private byte[] carry = new byte[256];
        private int carried;
        private boolean partial;
        private boolean clean; // set by scan: the line before the newline found is plain
        private long lines;

        Splitter(ByteConsumer sink) {
            this.sink = sink;
        }

        boolean inLine() {
            return partial;
        }

        void feed(byte[] b, int off, int len) {
            int end = off + len;
            int start = off;
            for (int i; (i = scan(b, start, end)) >= 0; ) {
                if (partial) {
                    keep(b, start, i - start);
                    emit(carry, 0, carried, false);
                    carried = 0;
                    partial = false;
                } else {
                    emit(b, start, i - start, clean);
                }
                start = i + 1;
            }
            if (start < end) {
                keep(b, start, end - start);
                partial = true;
            }
        }

        /**
         * As {@link #findNewline}, and sets {@link #clean} when no byte before the newline is
         * non-ASCII or {@code \r}: the summary's rules read such a line's message in place without
         * checking it again. Eight bytes at a time: a flagged byte in the zero-byte test is a real
         * one or lies above a real one, so the flags below the first newline are exact.
         */
        private int scan(byte[] b, int from, int to) {
            long bad = 0;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                long w = (long) LONGS.get(b, i);
                long x = w ^ 0x0A0A0A0A0A0A0A0AL;
                long nl = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
                long y = w ^ 0x0D0D0D0D0D0D0D0DL;
                long cr = (y - 0x0101010101010101L) & ~y;
                if (nl != 0) {
                    int k = Long.numberOfTrailingZeros(nl); // 8 * byte + 7
                    bad |= (w | cr) & ((1L << (k - 7)) - 1);
                    clean = (bad & 0x8080808080808080L) == 0;
                    return i + (k >>> 3);
                }
                bad |= w | cr;
            }
            for (; i < to; i++) {
                byte c = b[i];
                if (c == '\n') {
                    clean = (bad & 0x8080808080808080L) == 0;
                    return i;
                }
                if (c < 0 || c == '\r') {
                    bad = -1;
                }
            }
            return -1;
        }

        void end() {
            if (partial) {
                emit(carry, 0, carried, false);
                carried = 0;
                partial = false;
            }
        }

        private void keep(byte[] b, int off, int len) {
            int take = Math.min(len, MAX_LINE - carried);
            if (take <= 0) {
                return;
            }
            if (carried + take > carry.length) {
                carry =
                        java.util.Arrays.copyOf(
                                carry,
                                Math.min(MAX_LINE, Math.max(carried + take, carry.length * 2)));
            }
            System.arraycopy(b, off, carry, carried, take);
            carried += take;
        }

        private void emit(byte[] b, int off, int len, boolean plain) {
            if (len > MAX_LINE) {
                len = MAX_LINE;
            }
            if (len > 0 && b[off + len - 1] == '\r') {
                len--;
            }
            lines++;
            sink.line(b, off, len, lines, plain);
        }
    }
}
