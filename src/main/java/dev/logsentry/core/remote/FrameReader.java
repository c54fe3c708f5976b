package dev.logsentry.core.remote;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a syslog-over-TLS byte stream into frames. RFC 5425 frames are octet-counted ({@code LEN
 * SP MSG}); many senders use RFC 6587's line framing instead ({@code MSG LF}). The first byte of
 * each frame tells them apart: a digit 1-9 starts an octet count, {@code <} starts a line-framed
 * message (its PRI), anything else is refused, as is a count that is not a number followed by a
 * space, or one above the maximum. Stray CR, LF and NUL bytes between frames are skipped.
 *
 * <p>A read that times out leaves the reader's state as it was, so the caller may retry; {@link
 * #midFrame()} tells whether a frame was started.
 */
final class FrameReader {
    private static final int MAX_LENGTH_DIGITS = 10;

    private final InputStream in;
    private final int maxFrame;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long bytesRead;

    /** The frame found by the last {@link #next()}: {@code buffer()[start, start + length)}. */
    private int frameStart;

    private int frameLength;

    FrameReader(InputStream in, int maxFrame) {
        this.in = in;
        this.maxFrame = maxFrame;
        this.buf = new byte[Math.max(maxFrame + MAX_LENGTH_DIGITS + 2, 64 * 1024)];
    }

    /**
     * Reads the next frame; returns false at a clean end of stream (between frames).
     *
     * @throws FrameException for a frame that cannot be accepted, or an end of stream inside one
     */
    boolean next() throws IOException {
        while (true) {
            skipSeparators();
            if (pos < limit && tryFrame()) {
                return true;
            }
            if (!fill()) {
                skipSeparators();
                if (pos < limit) {
                    throw new FrameException(
                            Rejection.TRUNCATED,
                            "connection closed in the middle of a frame ("
                                    + (limit - pos)
                                    + " bytes discarded)");
                }
                return false;
            }
        }
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return frameStart;
    }

    int length() {
        return frameLength;
    }

    /** Whether part of a frame has been read. */
    boolean midFrame() {
        return pos < limit;
    }

    /** Whether another frame's bytes are already here, without blocking. */
    boolean moreBuffered() throws IOException {
        return pos < limit || in.available() > 0;
    }

    /** Bytes read from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    private void skipSeparators() {
        while (pos < limit && (buf[pos] == '\n' || buf[pos] == '\r' || buf[pos] == 0)) {
            pos++;
        }
    }

    /** Finds a whole frame at pos, or returns false when more bytes are needed. */
    private boolean tryFrame() throws FrameException {
        byte first = buf[pos];
        if (first >= '1' && first <= '9') {
            return octetCounted();
        }
        if (first == '<') {
            return lineFramed();
        }
        throw new FrameException(
                Rejection.GARBAGE,
                "a frame must start with a length or '<', not " + preview(pos, limit));
    }

    private boolean octetCounted() throws FrameException {
        long len = 0;
        int i = pos;
        while (true) {
            if (i >= limit) {
                return false;
            }
            byte b = buf[i];
            if (b == ' ') {
                break;
            }
            if (b < '0' || b > '9' || i - pos >= MAX_LENGTH_DIGITS) {
                throw new FrameException(
                        Rejection.BAD_LENGTH,
                        "malformed octet count " + preview(pos, Math.min(limit, i + 1)));
            }
            len = len * 10 + (b - '0');
            i++;
        }
        if (len > maxFrame) {
            throw new FrameException(
                    Rejection.FRAME_TOO_LARGE,
                    "frame of " + len + " bytes exceeds the maximum of " + maxFrame);
        }
        int body = i + 1;
        if (limit - body < len) {
            return false;
        }
        frameStart = body;
        frameLength = (int) len;
        pos = body + (int) len;
        return true;
    }

    private boolean lineFramed() throws FrameException {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                if (end - pos > maxFrame) {
                    break;
                }
                frameStart = pos;
                frameLength = end - pos;
                pos = i + 1;
                return true;
            }
        }
        if (limit - pos > maxFrame) {
            throw new FrameException(
                    Rejection.FRAME_TOO_LARGE,
                    "line-framed message longer than the maximum of " + maxFrame + " bytes");
        }
        return false;
    }

    /** Reads more bytes; false at end of stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        bytesRead += n;
        return true;
    }

    /** The first bytes at {@code from}, printable, for a log line. */
    private String preview(int from, int to) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = from; i < Math.min(to, from + 24); i++) {
            int c = buf[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.append(to - from > 24 ? "...\"" : "\"").toString();
    }
}
