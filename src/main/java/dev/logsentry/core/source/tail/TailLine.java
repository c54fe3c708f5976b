package dev.logsentry.core.source.tail;

import java.nio.charset.StandardCharsets;

/**
 * One new line for the checker, without its newline.
 *
 * @param log the log it belongs to (the configured path, or the journal's name)
 * @param file where it was read from: the log itself, a rotated file next to it, or the journal
 * @param offset byte offset of the line's start in {@code file} (uncompressed offset for .gz; for
 *     the journal the entry's number within the run)
 * @param bytes the line's bytes, at most the reader's cap
 * @param length the line's full length in bytes; larger than {@code bytes.length} when cut
 */
public record TailLine(String log, String file, long offset, byte[] bytes, long length) {

    /** Whether the line was longer than the cap and only its start is kept. */
    public boolean cut() {
        return length > bytes.length;
    }

    /** The bytes decoded as UTF-8; invalid sequences become U+FFFD. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
