package dev.logsentry.core.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A plain log file opened for random access by line. {@link #open} checks the file and indexes its
 * first block at once, so the first screen is readable immediately; {@link #index} (the {@link
 * IndexJob}) scans the rest in large blocks on a background thread. Lines are read from the file
 * when asked for; the index keeps only compact line offsets ({@link LineOffsets}).
 *
 * <p>A last line without a final newline is a line too; while the file grows it may grow, but the
 * line count never decreases. Running {@link #index} again picks up appended data.
 */
public final class IndexedFile implements RawLineSource {
    /** Bytes indexed synchronously by {@link #open}: enough for the first screens. */
    static final int FIRST_BLOCK = 256 * 1024;

    /** Bytes checked for NUL when deciding whether a file looks binary. */
    static final int BINARY_PROBE = 64 * 1024;

    private static final int BLOCK = 1 << 20;
    private static final long PROGRESS_EVERY = 16L << 20;

    private final Path path;
    private final FileChannel channel;
    private final LineOffsets offsets = new LineOffsets(0);
    private final OpenOptions options;
    private final ReentrantLock writer = new ReentrantLock();
    private volatile long indexedBytes;

    /**
     * Where the data ended when the end of the file was last reached: bounds a partial last line.
     */
    private volatile long tailEnd;

    private IndexedFile(Path path, FileChannel channel, OpenOptions options) {
        this.path = path;
        this.channel = channel;
        this.options = options;
    }

    /** Opens with {@link OpenOptions#DEFAULT}: binary files are refused. */
    public static IndexedFile open(Path path) throws SourceException {
        return open(path, OpenOptions.DEFAULT);
    }

    /**
     * Checks and opens {@code path} and indexes its first block. An empty file opens as an empty
     * source (not an error).
     *
     * @throws SourceException when the file is missing, not a regular file, unreadable (permission
     *     or I/O error), or looks binary and {@code options.allowBinary()} is false
     */
    public static IndexedFile open(Path path, OpenOptions options) throws SourceException {
        FileChannel channel = openChannel(path);
        IndexedFile file = new IndexedFile(path, channel, options);
        try {
            file.firstBlock();
            return file;
        } catch (SourceException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Opens a channel for reading, translating each failure into a message naming the file. */
    static FileChannel openChannel(Path path) throws SourceException {
        if (!Files.exists(path)) {
            throw new SourceException(
                    path, SourceException.Reason.MISSING, "File not found: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new SourceException(
                    path,
                    SourceException.Reason.NOT_A_FILE,
                    path + " is a directory, not a log file");
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException(
                    path,
                    SourceException.Reason.NOT_A_FILE,
                    path + " is not a regular file (a device, socket or pipe)");
        }
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new SourceException(
                    path,
                    SourceException.Reason.UNREADABLE,
                    "Permission denied: cannot read " + path,
                    e);
        } catch (NoSuchFileException e) {
            throw new SourceException(
                    path, SourceException.Reason.MISSING, "File not found: " + path, e);
        } catch (IOException e) {
            throw unreadable(path, 0, e);
        }
    }

    static SourceException unreadable(Path path, long offset, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SourceException(
                path,
                SourceException.Reason.UNREADABLE,
                "Cannot read " + path + (offset > 0 ? " at byte " + offset : "") + ": " + why,
                e);
    }

    private void firstBlock() throws SourceException {
        byte[] buf = new byte[FIRST_BLOCK];
        int n = readFully(buf, 0);
        if (!options.allowBinary()) {
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
        writer.lock();
        try {
            scan(buf, n, 0);
            offsets.publish();
            indexedBytes = n;
            if (n < buf.length) {
                tailEnd = n;
            }
        } finally {
            writer.unlock();
        }
    }

    /** Reads up to {@code buf.length} bytes at {@code pos}; fewer only at the end of the file. */
    private int readFully(byte[] buf, long pos) throws SourceException {
        ByteBuffer bb = ByteBuffer.wrap(buf);
        try {
            while (bb.hasRemaining()) {
                int r = channel.read(bb, pos + bb.position());
                if (r < 0) {
                    break;
                }
            }
        } catch (ClosedChannelException e) {
            throw new SourceException(
                    path, SourceException.Reason.UNREADABLE, path + " was closed", e);
        } catch (IOException e) {
            throw unreadable(path, pos + bb.position(), e);
        }
        return bb.position();
    }

    /** Adds the lines ending in {@code buf[0, n)}, which starts at file offset {@code base}. */
    private void scan(byte[] buf, int n, long base) {
        int i = 0;
        while (true) {
            int nl = NewlineScanner.indexOf(buf, i, n);
            if (nl < 0) {
                return;
            }
            offsets.add(base + nl + 1);
            i = nl + 1;
        }
    }

    /**
     * Indexes from where the index stands to the current end of the file. This is the {@link
     * IndexJob}: {@code file::index}. Only one run at a time; cancelled runs keep what they
     * indexed.
     */
    public IndexResult index(IndexProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        if (!writer.tryLock()) {
            throw new IllegalStateException("already indexing " + path);
        }
        try {
            long total = sizeOrUnknown();
            long pos = indexedBytes;
            long reported = pos;
            byte[] buf = new byte[BLOCK];
            int[] ends = new int[BLOCK];
            while (true) {
                if (cancelled.getAsBoolean() || !channel.isOpen()) {
                    return new IndexResult(lineCount(), pos, true);
                }
                int n;
                try {
                    n = readFully(buf, pos);
                } catch (SourceException e) {
                    if (!channel.isOpen()) {
                        return new IndexResult(lineCount(), pos, true);
                    }
                    throw e;
                }
                if (n == 0) {
                    break;
                }
                int count = NewlineScanner.lineEnds(buf, 0, n, ends);
                for (int k = 0; k < count; k++) {
                    offsets.add(pos + ends[k]);
                }
                pos += n;
                offsets.publish();
                indexedBytes = pos;
                if (pos - reported >= PROGRESS_EVERY) {
                    reported = pos;
                    progress.update(pos, Math.max(total, pos), lineCount());
                }
            }
            tailEnd = pos;
            progress.update(pos, pos, lineCount());
            return new IndexResult(lineCount(), pos, false);
        } finally {
            writer.unlock();
        }
    }

    /** This file's indexing job, for callers that take an {@link IndexJob}. */
    public IndexJob indexJob() {
        return this::index;
    }

    private long sizeOrUnknown() {
        try {
            long s = channel.size();
            return s > 0 ? s : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Lines longer than this many bytes are cut by {@link #line}. */
    public int displayLimit() {
        return options.displayLimit();
    }

    /** The file this source reads. */
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        Path fileName = path.getFileName();
        return fileName == null ? path.toString() : fileName.toString();
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
        long complete = offsets.count();
        if (index < complete) {
            return offsets.start(index);
        }
        if (index == complete && index < lineCount()) {
            return complete == 0 ? 0 : offsets.end(complete - 1);
        }
        throw new IndexOutOfBoundsException("line " + index + " of " + lineCount());
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
        if (index < complete) {
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
            return LineText.decode(buf, 0, stripCr(buf, want, full));
        }
        return LineText.display(buf, 0, want, full);
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        long[] span = span(index);
        long full = span[1] - span[0];
        if (full > Integer.MAX_VALUE - 16) {
            throw new IOException(
                    "line " + (index + 1) + " of " + path + " is too long to load (" + full + ")");
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

    private byte[] read(long pos, int len) throws IOException {
        byte[] buf = new byte[len];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (bb.hasRemaining()) {
            int r = channel.read(bb, pos + bb.position());
            if (r < 0) {
                throw new IOException(
                        path
                                + " is shorter than its index (truncated?) at byte "
                                + (pos + bb.position()));
            }
        }
        return buf;
    }

    /** Bytes of heap used by the line index. */
    public long indexMemoryBytes() {
        return offsets.memoryBytes();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to tell: the open already failed with a better message
        }
    }
}
