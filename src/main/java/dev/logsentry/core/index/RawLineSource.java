package dev.logsentry.core.index;

import java.io.IOException;

/**
 * A {@link LineSource} that also gives the whole line, uncut and as raw bytes: for copy, export and
 * matching, where a display cut or a replacement character would change the result.
 */
public interface RawLineSource extends LineSource {

    /** The bytes of line {@code index} without its terminator ('\n' or "\r\n"), never cut. */
    byte[] rawLine(long index) throws IOException;

    /** The whole line decoded as UTF-8 (invalid bytes become U+FFFD), never cut. */
    default String fullLine(long index) throws IOException {
        return LineText.decode(rawLine(index));
    }

    /** Length in bytes of line {@code index} without its newline (a CR before it counts). */
    long lineLength(long index);
}
