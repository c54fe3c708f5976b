package dev.logsentry.core.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A gzip-compressed log read as a stream: offsets and line numbers refer to the decompressed text.
 * While indexing, a checkpoint is taken at the first deflate block boundary after every {@value
 * #CHECKPOINT_SPACING} bytes of output: the bit position in the compressed file and the 32 KiB
 * window before it (kept deflated, about a quarter of that). Reading a line decodes from the
 * nearest checkpoint before it, so jumping anywhere costs at most about a megabyte of decoding; the
 * last decoded chunk is cached for scrolling. See {@link Inflate} for why the decoder is our own.
 *
 * <p>A truncated or corrupt file shows everything before the damage; the index job then fails with
 * a message saying at which compressed byte it broke.
 */
public final class GzipFile extends ByteLineSource {
    /** Decompressed bytes between checkpoints. */
    public static final int CHECKPOINT_SPACING = 1 << 20;

    private static final int BLOCK = 1 << 20;
    private static final long PROGRESS_EVERY = 16L << 20;

    /** A place where decoding can resume. */
    private record Checkpoint(long bitPos, long outPos, byte[] deflatedWindow, int windowLength) {}

    private final Path path;
    private final FileChannel channel;
    private final Inflate sequential;
    private final ReentrantLock writer = new ReentrantLock();
    private volatile Checkpoint[] checkpoints = new Checkpoint[0];
    private SourceException damage;
    private boolean finished;
    private final Object cacheLock = new Object();
    private long cacheStart = -1;
    private byte[] cache = new byte[0];
    private int cacheLength;

    private GzipFile(Path path, FileChannel channel, OpenOptions options) {
        super(options);
        this.path = path;
        this.channel = channel;
        this.sequential = new Inflate(channel);
        sequential.onBoundary(this::boundary);
    }

    /** Whether the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path path) {
        try (FileChannel ch = FileChannel.open(path)) {
            ByteBuffer b = ByteBuffer.allocate(2);
            ch.read(b, 0);
            return b.position() == 2 && (b.get(0) & 0xFF) == 0x1f && (b.get(1) & 0xFF) == 0x8b;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Opens a .gz file and decodes its first block. A file that is damaged after some readable text
     * opens; {@link #index} then reports the damage.
     *
     * @throws SourceException when the file cannot be read, is not gzip at all, or looks binary
     */
    public static GzipFile open(Path path, OpenOptions options) throws SourceException {
        FileChannel channel = IndexedFile.openChannel(path);
        GzipFile file = new GzipFile(path, channel, options);
        try {
            file.firstBlock();
            return file;
        } catch (SourceException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open already failed with a better message
            }
            throw e;
        }
    }

    private void firstBlock() throws SourceException {
        writer.lock();
        try {
            byte[] buf = new byte[FIRST_BLOCK];
            int n = 0;
            try {
                while (n < buf.length) {
                    int r = sequential.read(buf, n, buf.length - n);
                    if (r < 0) {
                        finished = true;
                        break;
                    }
                    n += r;
                }
            } catch (Inflate.DataException e) {
                if (sequential.outPosition() == 0 && !e.truncated) {
                    throw new SourceException(
                            path, SourceException.Reason.CORRUPT, path + ": " + e.getMessage(), e);
                }
                damage = damaged(e, n);
            } catch (IOException e) {
                throw IndexedFile.unreadable(path, sequential.inputPosition(), e);
            }
            checkText(buf, n, path);
            addLines(buf, n, 0);
            publish(n, finished || damage != null);
        } finally {
            writer.unlock();
        }
    }

    private SourceException damaged(Inflate.DataException e, long decoded) {
        return new SourceException(
                path,
                SourceException.Reason.CORRUPT,
                path
                        + " is "
                        + e.getMessage()
                        + "; the "
                        + decoded
                        + " bytes of text before it are shown",
                e);
    }

    /** Decoder callback at each block boundary of the sequential pass. */
    private void boundary(Inflate at) {
        Checkpoint[] cps = checkpoints;
        long out = at.outPosition();
        if (cps.length > 0 && out - cps[cps.length - 1].outPos() < CHECKPOINT_SPACING) {
            return;
        }
        byte[] window = at.window();
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        d.setInput(window);
        d.finish();
        byte[] packed = new byte[window.length + 64];
        int len = 0;
        while (!d.finished()) {
            if (len == packed.length) {
                packed = Arrays.copyOf(packed, packed.length * 2);
            }
            len += d.deflate(packed, len, packed.length - len);
        }
        d.end();
        Checkpoint[] next = Arrays.copyOf(cps, cps.length + 1);
        next[cps.length] =
                new Checkpoint(at.bitPosition(), out, Arrays.copyOf(packed, len), window.length);
        checkpoints = next;
    }

    /**
     * Decodes the rest of the file, indexing its lines. Progress reports decompressed bytes with an
     * unknown total (-1). This is the {@link IndexJob}: {@code gz::index}.
     *
     * @throws SourceException when the file is truncated or corrupt; the text before the damage
     *     stays readable
     */
    public IndexResult index(IndexProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        if (!writer.tryLock()) {
            throw new IllegalStateException("already indexing " + path);
        }
        try {
            if (damage != null) {
                throw damage;
            }
            long pos = indexedBytes;
            long reported = pos;
            byte[] buf = new byte[BLOCK];
            int[] ends = new int[BLOCK];
            while (!finished) {
                if (cancelled.getAsBoolean() || !channel.isOpen()) {
                    return new IndexResult(lineCount(), pos, true);
                }
                int n = 0;
                try {
                    while (n < buf.length) {
                        int r = sequential.read(buf, n, buf.length - n);
                        if (r < 0) {
                            finished = true;
                            break;
                        }
                        n += r;
                    }
                } catch (Inflate.DataException e) {
                    damage = damaged(e, pos + n);
                } catch (IOException e) {
                    if (!channel.isOpen()) {
                        return new IndexResult(lineCount(), pos, true);
                    }
                    throw IndexedFile.unreadable(path, sequential.inputPosition(), e);
                }
                addLines(buf, n, pos, ends);
                pos += n;
                publish(pos, finished || damage != null);
                if (damage != null) {
                    progress.update(pos, -1, lineCount());
                    throw damage;
                }
                if (pos - reported >= PROGRESS_EVERY) {
                    reported = pos;
                    progress.update(pos, -1, lineCount());
                }
            }
            progress.update(pos, pos, lineCount());
            return new IndexResult(lineCount(), pos, false);
        } finally {
            writer.unlock();
        }
    }

    /** This file's indexing job. */
    public IndexJob indexJob() {
        return this::index;
    }

    /** Compressed bytes decoded so far, for a progress bar against the file size. */
    public long compressedPosition() {
        return sequential.inputPosition();
    }

    /** Checkpoints taken so far. */
    public int checkpointCount() {
        return checkpoints.length;
    }

    @Override
    byte[] read(long pos, int len) throws IOException {
        byte[] dst = new byte[len];
        int done = 0;
        synchronized (cacheLock) {
            while (done < len) {
                long p = pos + done;
                if (cacheStart < 0 || p < cacheStart || p >= cacheStart + cacheLength) {
                    fill(p, pos + len);
                }
                int n = (int) Math.min(len - done, cacheStart + cacheLength - p);
                System.arraycopy(cache, (int) (p - cacheStart), dst, done, n);
                done += n;
            }
        }
        return dst;
    }

    /** Decodes the chunk that holds {@code p}: from its checkpoint to the next one. */
    private void fill(long p, long wantEnd) throws IOException {
        Checkpoint[] cps = checkpoints;
        int k = cps.length - 1;
        while (k > 0 && cps[k].outPos() > p) {
            k--; // few checkpoints per GB: a linear scan from the end is fine
        }
        if (k < 0) {
            throw new IOException(path + ": nothing decoded at " + p);
        }
        Checkpoint cp = cps[k];
        long chunkEnd = k + 1 < cps.length ? cps[k + 1].outPos() : indexedBytes;
        chunkEnd = Math.max(chunkEnd, Math.min(wantEnd, indexedBytes));
        int size = (int) (chunkEnd - cp.outPos());
        if (cache.length < size) {
            cache = new byte[size];
        }
        Inflate dec = new Inflate(channel, cp.bitPos(), cp.outPos(), window(cp));
        int n = 0;
        while (n < size) {
            int r = dec.read(cache, n, size - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n <= p - cp.outPos()) {
            throw new IOException(path + ": could not decode at " + p);
        }
        cacheStart = cp.outPos();
        cacheLength = n;
    }

    private static byte[] window(Checkpoint cp) throws IOException {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(cp.deflatedWindow());
            byte[] w = new byte[cp.windowLength()];
            int n = 0;
            while (n < w.length) {
                int r = inf.inflate(w, n, w.length - n);
                if (r == 0 && (inf.finished() || inf.needsInput())) {
                    break;
                }
                n += r;
            }
            return w;
        } catch (DataFormatException e) {
            throw new IOException("damaged checkpoint", e);
        } finally {
            inf.end();
        }
    }

    /** The compressed file. */
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        Path fileName = path.getFileName();
        return fileName == null ? path.toString() : fileName.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
