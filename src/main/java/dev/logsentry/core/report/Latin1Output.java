package dev.logsentry.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered stream that takes Latin-1 strings (one char per original byte, as log lines are kept)
 * as their bytes, without a temporary array per line.
 */
final class Latin1Output {
    private final OutputStream target;
    private final byte[] buf = new byte[1 << 16];
    private int size;

    Latin1Output(OutputStream target) {
        this.target = target;
    }

    void write(int b) throws IOException {
        if (size == buf.length) {
            drain();
        }
        buf[size++] = (byte) b;
    }

    @SuppressWarnings("deprecation")
    void latin1(String s) throws IOException {
        int from = 0;
        while (from < s.length()) {
            if (size == buf.length) {
                drain();
            }
            int n = Math.min(s.length() - from, buf.length - size);
            // copies the low byte of each char: the original bytes of a Latin-1 string
            s.getBytes(from, from + n, buf, size);
            size += n;
            from += n;
        }
    }

    void utf8(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        drain();
        target.write(b);
    }

    private void drain() throws IOException {
        if (size > 0) {
            target.write(buf, 0, size);
            size = 0;
        }
    }

    void flush() throws IOException {
        drain();
        target.flush();
    }
}
