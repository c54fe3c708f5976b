package dev.logsentry.core.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
public final class IndexedFile extends ByteLineSource {
    private static final int BLOCK = 1 << 20;
    private static final int MAP_CHUNK = 64 << 20;
    private static final long PROGRESS_EVERY = 16L << 20;

    private final Path path;
    private final FileChannel channel;
    private final ReentrantLock writer = new ReentrantLock();
    private Object fileKey;

    private IndexedFile(Path path, FileChannel channel, OpenOptions options) {
        super(options);
        this.path = path;
        this.channel = channel;
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
        Object keyBefore = fileKeyOf(path);
        FileChannel channel = openChannel(path);
        IndexedFile file = new IndexedFile(path, channel, options);
        Object keyAfter = fileKeyOf(path);
        // Only a key seen before and after opening surely belongs to the opened file.
        file.fileKey = keyBefore != null && keyBefore.equals(keyAfter) ? keyAfter : null;
        try {
            file.firstBlock();
            return file;
        } catch (SourceException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Object fileKeyOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The identity (device and inode on Unix) of the opened file, or null when unknown: tells
     * whether the path still names the same file later, after a rotation.
     */
    public Object fileKey() {
        return fileKey;
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
        checkText(buf, n, path);
        writer.lock();
        try {
            addLines(buf, n, 0);
            publish(n, n < buf.length);
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
            int[] ends = new int[BLOCK];
            long pos = indexMapped(progress, cancelled, ends);
            if (pos < 0) {
                return new IndexResult(lineCount(), indexedBytes, true);
            }
            long reported = pos;
            byte[] buf = new byte[BLOCK];
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
                addLines(buf, n, pos, ends);
                pos += n;
                publish(pos, false);
                if (pos - reported >= PROGRESS_EVERY) {
                    reported = pos;
                    progress.update(pos, Math.max(total, pos), lineCount());
                }
            }
            publish(pos, true);
            progress.update(pos, pos, lineCount());
            return new IndexResult(lineCount(), pos, false);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Scans what the file holds now through memory mappings: no copy into the heap, about half the
     * CPU time of reading (see docs/PERFORMANCE.md). Returns where it stopped, or -1 when
     * cancelled. Files that cannot be mapped (/proc, pipes) are left to the read loop. A file
     * truncated under the mapping raises an InternalError in the JVM, reported as such.
     */
    private long indexMapped(IndexProgress progress, BooleanSupplier cancelled, int[] ends)
            throws SourceException {
        long pos = indexedBytes;
        long reported = pos;
        try {
            long size = channel.size();
            while (pos < size) {
                if (cancelled.getAsBoolean()) {
                    return -1;
                }
                int len = (int) Math.min(MAP_CHUNK, size - pos);
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, pos, len);
                map.order(ByteOrder.LITTLE_ENDIAN);
                try {
                    for (int from = 0; from < len; from += BLOCK) {
                        int to = Math.min(len, from + BLOCK);
                        int count = NewlineScanner.lineEnds(map, from, to, ends);
                        for (int k = 0; k < count; k++) {
                            offsets.add(pos + ends[k]);
                        }
                    }
                } finally {
                    Unmapper.unmap(map); // its pages would stay resident until a GC
                }
                pos += len;
                publish(pos, false);
                if (pos - reported >= PROGRESS_EVERY) {
                    reported = pos;
                    progress.update(pos, Math.max(size, pos), lineCount());
                }
            }
        } catch (InternalError e) {
            throw new SourceException(
                    path,
                    SourceException.Reason.UNREADABLE,
                    path + " changed while it was indexed (truncated?) near byte " + pos,
                    e);
        } catch (IOException | UnsupportedOperationException e) {
            return indexedBytes; // not mappable: the read loop does it
        }
        return pos;
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
    byte[] read(long pos, int len) throws IOException {
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
