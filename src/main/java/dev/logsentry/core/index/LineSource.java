package dev.logsentry.core.index;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random access to the lines of one opened log, backed by an index of line starts rather than by a
 * list of line objects. Lines are decoded only when asked for. An implementation may still be
 * growing (indexing in the background or following the file): {@link #lineCount()} is the number of
 * lines available now and never decreases while the source is open.
 *
 * <p>Implementations are safe for one writer (the indexer or follower) and many readers.
 */
public interface LineSource extends Closeable {

    /** A short display name, usually the file name. */
    String name();

    /** The number of lines that can be read now. */
    long lineCount();

    /**
     * The decoded text of line {@code index} (0-based), without its line terminator. Invalid UTF-8
     * is replaced visibly; a line longer than the display limit is cut with a marker.
     *
     * @throws IndexOutOfBoundsException when {@code index >= lineCount()}
     * @throws IOException when the underlying file cannot be read
     */
    String line(long index) throws IOException;

    /** Byte offset of the start of line {@code index} in its file (or decompressed stream). */
    long offset(long index);

    /** Total size in bytes of what has been indexed so far. */
    long size();

    @Override
    void close() throws IOException;
}
