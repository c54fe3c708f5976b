package dev.logsentry.core.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Lines that exist nowhere else in a readable form (followed lines of rotated files, journal
 * entries), kept in a private temporary file (owner-only, deleted on close) with a compact index,
 * so a long session costs a few bytes of heap per line. One writer appends; many readers read.
 */
public final class SpillFile implements RawLineSource {
    private final String name;
    private final Path path;
    private final FileChannel channel;
    private final LineOffsets offsets = new LineOffsets(0);
    private final int displayLimit;
    private volatile long end;

    /** Creates an empty spill file in the temporary directory. */
    public SpillFile(String name, int displayLimit) throws IOException {
        this.name = name;
        this.displayLimit = displayLimit;
        this.path = Files.createTempFile("logsentry-", ".lines");
        this.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Writer: appends one line (without terminator) and makes it visible. */
    public void append(byte[] line) throws IOException {
        byte[] withNl = Arrays.copyOf(line, line.length + 1);
        withNl[line.length] = '\n';
        ByteBuffer bb = ByteBuffer.wrap(withNl);
        long pos = end;
        while (bb.hasRemaining()) {
            pos += channel.write(bb, pos);
        }
        end = pos;
        offsets.add(pos);
        offsets.publish();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long lineCount() {
        return offsets.count();
    }

    @Override
    public String line(long index) throws IOException {
        long start = offsets.start(index);
        long len = offsets.end(index) - 1 - start;
        int want = (int) Math.min(len, displayLimit);
        byte[] b = read(start, want);
        return want == len ? LineText.decode(b) : LineText.display(b, 0, want, len);
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        long start = offsets.start(index);
        return read(start, (int) (offsets.end(index) - 1 - start));
    }

    @Override
    public long lineLength(long index) {
        return offsets.end(index) - 1 - offsets.start(index);
    }

    private byte[] read(long pos, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(len);
        while (bb.hasRemaining()) {
            if (channel.read(bb, pos + bb.position()) < 0) {
                throw new IOException("the lines kept for " + name + " were cut short");
            }
        }
        return bb.array();
    }

    /** Offset of the line in the spill file. */
    @Override
    public long offset(long index) {
        return offsets.start(index);
    }

    @Override
    public long size() {
        return end;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }
}
