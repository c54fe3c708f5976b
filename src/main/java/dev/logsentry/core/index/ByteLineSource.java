package dev.logsentry.core.index;

import java.io.IOException;
import java.util.Arrays;

/**
 * The line logic shared by sources whose lines are byte ranges of one (possibly decompressed)
 * stream: a compact {@link LineOffsets} index, a last line without newline, CR/LF, the display cut
 * and the raw bytes. Subclasses say how to read bytes at an offset and run the indexing.
 */
public abstract sealed class ByteLineSource implements RawLineSource permits IndexedFile, GzipFile {
    /** Bytes indexed synchronously when opening: enough for the first screens. */
    static final int FIRST_BLOCK = 256 * 1024;

    /** Bytes checked for NUL when deciding whether a file looks binary. */
    static final int BINARY_PROBE = 64 * 1024;

    final LineOffsets offsets = new LineOffsets(0);
    final OpenOptions options;
    private final int[] ends = new int[FIRST_BLOCK];
    volatile long indexedBytes;

    /** Where the data ended when its end was last reached: bounds a partial last line. */
    volatile long tailEnd;

    ByteLineSource(OpenOptions options) {
        this.options = options;
    }

    /** Reads exactly {@code len} bytes of the stream at {@code pos}. */
    abstract byte[] read(long pos, int len) throws IOException;

    /** Writer: adds the lines ending in {@code buf[0, n)}, which starts at stream offset base. */
    final void addLines(byte[] buf, int n, long base, int[] scratch) {
        int count = NewlineScanner.lineEnds(buf, 0, n, scratch);
        for (int k = 0; k < count; k++) {
            offsets.add(base + scratch[k]);
        }
    }

    /** Writer: adds lines of a block of at most {@link #FIRST_BLOCK} bytes. */
    final void addLines(byte[] buf, int n, long base) {
        addLines(buf, n, base, n <= ends.length ? ends : new int[n]);
    }

    /** Writer: publishes the lines added so far; {@code atEnd} when the data ends here now. */
    final void publish(long indexed, boolean atEnd) {
        offsets.publish();
        indexedBytes = indexed;
        if (atEnd) {
            tailEnd = indexed;
        }
    }

    /** Throws when a first block contains a NUL byte and binary files were not allowed. */
    final void checkText(byte[] buf, int n, java.nio.file.Path path) throws SourceException {
        if (options.allowBinary()) {
            return;
        }
        int nul = NewlineScanner.indexOfNul(buf, 0, Math.min(n, BINARY_PROBE));
        if (nul >= 0) {
            throw new SourceException(
                    path,
                    SourceException.Reason.BINARY,
                    path
                            + " looks binary (a NUL byte at offset "
                            + nul
                            + "); open it anyway to see it as text");
        }
    }

    /** Lines longer than this many bytes are cut by {@link #line}. */
    public int displayLimit() {
        return options.displayLimit();
    }

    @Override
    public long lineCount() {
        long bytes = tailEnd;
        long complete = offsets.count();
        long lastEnd = complete == 0 ? 0 : offsets.end(complete - 1);
        return complete + (bytes > lastEnd ? 1 : 0);
    }

    /** Lines that end with a newline; a last line still being written is not among them. */
    public long completeLineCount() {
        return offsets.count();
    }

    /** Where the complete lines end: the offset to continue from when following the file. */
    public long completeBytes() {
        long complete = offsets.count();
        return complete == 0 ? 0 : offsets.end(complete - 1);
    }

    @Override
    public long offset(long index) {
        return span(index)[0];
    }

    @Override
    public long size() {
        return indexedBytes;
    }

    /** True when no line is indexed (an empty file, once indexed, stays empty until it grows). */
    public boolean isEmpty() {
        return lineCount() == 0;
    }

    @Override
    public long lineLength(long index) {
        long[] span = span(index);
        return span[1] - span[0];
    }

    /** Start and end ('\n' excluded, a '\r' before it still included) of a line. */
    private long[] span(long index) {
        long bytes = tailEnd;
        long complete = offsets.count();
        long start;
        long end;
        if (index >= 0 && index < complete) {
            start = offsets.start(index);
            end = offsets.end(index) - 1; // the '\n'
        } else {
            start = complete == 0 ? 0 : offsets.end(complete - 1);
            if (index != complete || bytes <= start) {
                throw new IndexOutOfBoundsException("line " + index + " of " + lineCount());
            }
            end = bytes;
        }
        return new long[] {start, end};
    }

    @Override
    public String line(long index) throws IOException {
        long[] span = span(index);
        long full = span[1] - span[0];
        int want = (int) Math.min(full, options.displayLimit());
        byte[] buf = read(span[0], want);
        if (want == full) {
            int n = stripCr(buf, want, full);
            return options.allowBinary() ? LineText.escaped(buf, 0, n) : LineText.decode(buf, 0, n);
        }
        return LineText.display(buf, 0, want, full);
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        long[] span = span(index);
        long full = span[1] - span[0];
        if (full > Integer.MAX_VALUE - 16) {
            throw new IOException(
                    "line "
                            + (index + 1)
                            + " of "
                            + name()
                            + " is too long to load ("
                            + full
                            + ")");
        }
        byte[] buf = read(span[0], (int) full);
        int len = stripCr(buf, buf.length, full);
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    /** Drops a '\r' before the terminator, but only when the whole line was read. */
    private static int stripCr(byte[] buf, int len, long full) {
        if (len == full && len > 0 && buf[len - 1] == '\r') {
            return len - 1;
        }
        return len;
    }

    /** Bytes of heap used by the line index. */
    public long indexMemoryBytes() {
        return offsets.memoryBytes();
    }
}
