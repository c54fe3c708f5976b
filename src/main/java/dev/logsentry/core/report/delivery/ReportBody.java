package dev.logsentry.core.report.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The bytes of a rendered report: in memory while small, in a private temp file (mode 0600, beside
 * the state) once larger, so a report as large as the input never has to fit in memory. Deliveries
 * read it as often as they need; closing deletes the file.
 */
public final class ReportBody implements AutoCloseable {
    /** Name prefix of report files, so a run can remove those a killed run left behind. */
    public static final String PREFIX = ".logsentry-report-";

    /**
     * Above this many bytes a report goes to a file: 8 MiB, or a sixteenth of the heap when that is
     * less (growing the in-memory buffer to the limit briefly takes one and a half times the limit,
     * beside the automata and the lines in flight; a 32 MB heap ran out at 8 MiB).
     */
    public static final int MEMORY_LIMIT =
            (int) Math.max(64 << 10, Math.min(8 << 20, Runtime.getRuntime().maxMemory() / 16));

    private final byte[] bytes;
    private final Path file;
    private final long size;

    private ReportBody(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** Writes a body's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A body held in memory. */
    public static ReportBody of(byte[] bytes) {
        return new ReportBody(bytes.clone(), null, bytes.length);
    }

    /**
     * Renders {@code content}, in memory up to {@code memoryLimit} bytes and then into a temp file
     * in {@code dir} (the system temp directory when null).
     */
    public static ReportBody render(Content content, Path dir, int memoryLimit) throws IOException {
        Spool spool = new Spool(dir, memoryLimit);
        try {
            content.writeTo(spool);
            spool.close();
        } catch (IOException | RuntimeException | Error e) {
            spool.discard();
            throw e;
        }
        return spool.file == null
                ? new ReportBody(spool.memory.toByteArray(), null, spool.count)
                : new ReportBody(null, spool.file, spool.count);
    }

    public long size() {
        return size;
    }

    /** Opens the bytes for reading. */
    public InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** Copies the bytes to {@code out} (not flushed, not closed). */
    public void writeTo(OutputStream out) throws IOException {
        if (file == null) {
            out.write(bytes);
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }
    }

    /** All bytes in one array (small bodies; tests). */
    public byte[] bytes() {
        if (file == null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the body is held in memory (small) rather than in a file. */
    public boolean inMemory() {
        return file == null;
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** Memory first, then a file once the limit is passed. */
    private static final class Spool extends OutputStream {
        private final Path dir;
        private final int limit;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private OutputStream out = memory;
        private Path file;
        private long count;

        Spool(Path dir, int limit) {
            this.dir = dir;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (file == null && count + len > limit) {
                var mode =
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------"));
                file =
                        dir == null
                                ? Files.createTempFile(PREFIX, ".tmp", mode)
                                : Files.createTempFile(dir, PREFIX, ".tmp", mode);
                out =
                        new java.io.BufferedOutputStream(
                                Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16);
                memory.writeTo(out);
                memory = null;
            }
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        void discard() throws IOException {
            try {
                out.close();
            } finally {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
