package dev.logsentry.core.source.tail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * How a log file is recognised between runs: device and inode from the file system plus a SHA-256
 * of its first bytes. The inode alone is not enough: inodes are reused after deletion, and
 * copytruncate keeps the inode while replacing the content.
 */
public final class FileIdentity {
    /** The fingerprint covers at most this many leading bytes. */
    public static final int FINGERPRINT_BYTES = 4096;

    private FileIdentity() {}

    /** Device, inode and size of a file as seen now. */
    public record Observed(long device, long inode, long size, boolean regularFile) {}

    public static Observed observe(Path path) throws IOException {
        long dev = ((Number) Files.getAttribute(path, "unix:dev")).longValue();
        long ino = ((Number) Files.getAttribute(path, "unix:ino")).longValue();
        return new Observed(dev, ino, Files.size(path), Files.isRegularFile(path));
    }

    /** Whether {@code path} is a gzip file by name (rotated logs are named so by logrotate). */
    public static boolean isGzip(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** Opens the file's uncompressed content. */
    public static InputStream openContent(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        if (!isGzip(path)) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 64 * 1024);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** The fingerprint length to record after reading up to {@code offset}. */
    public static int fingerprintLengthFor(long offset) {
        return (int) Math.min(FINGERPRINT_BYTES, offset);
    }

    /**
     * The hex SHA-256 of the first {@code length} bytes of the file's (uncompressed) content, or
     * null when it is shorter than that.
     */
    public static String fingerprint(Path path, int length) throws IOException {
        try (InputStream in = openContent(path)) {
            byte[] head = in.readNBytes(length);
            return head.length < length ? null : sha256(head);
        }
    }

    /**
     * What tells a rotated generation from another across runs, whatever its name or compression
     * (delaycompress renames and compresses it between runs): the length and SHA-256 of its first
     * {@link #FINGERPRINT_BYTES} bytes of content. A file too damaged to decompress its first bytes
     * is named by its raw first bytes instead.
     */
    public static String contentId(Path path) throws IOException {
        byte[] head;
        try (InputStream in = openContent(path)) {
            head = in.readNBytes(FINGERPRINT_BYTES);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            try (InputStream raw = Files.newInputStream(path)) {
                return "raw:" + sha256(raw.readNBytes(FINGERPRINT_BYTES));
            }
        }
        return head.length + ":" + sha256(head);
    }

    /** Whether the file's content starts with the bytes {@code state} fingerprinted. */
    public static boolean startsLike(Path path, FileState state) throws IOException {
        if (state.fingerprintLength() == 0) {
            return false; // nothing to compare: only the inode can tell
        }
        return state.fingerprint().equals(fingerprint(path, state.fingerprintLength()));
    }

    /**
     * The hex SHA-256 of the {@code min(offset, FINGERPRINT_BYTES)} bytes before {@code offset} in
     * the file's (uncompressed) content, or null when it is shorter than {@code offset}.
     */
    public static String endFingerprint(Path path, long offset) throws IOException {
        try (InputStream in = openContent(path)) {
            return endFingerprint(in, offset);
        }
    }

    /** Like {@link #endFingerprint(Path, long)} on a stream at position 0; leaves it at offset. */
    static String endFingerprint(InputStream in, long offset) throws IOException {
        int len = fingerprintLengthFor(offset);
        if (skipFully(in, offset - len) < offset - len) {
            return null;
        }
        if (len == 0) {
            return "";
        }
        byte[] end = in.readNBytes(len);
        return end.length < len ? null : sha256(end);
    }

    /** Skips up to {@code n} bytes (also in streams whose skip stops early); returns how many. */
    static long skipFully(InputStream in, long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            long k = in.skip(n - skipped);
            if (k <= 0) {
                if (in.read() < 0) {
                    break;
                }
                k = 1;
            }
            skipped += k;
        }
        return skipped;
    }

    /**
     * Whether the file holds, at the same places, the first bytes and the bytes before the offset
     * that {@code state} fingerprinted: it is the file we were reading, possibly grown since.
     */
    public static boolean continues(Path path, FileState state) throws IOException {
        if (state.fingerprintLength() > 0 && !startsLike(path, state)) {
            return false;
        }
        String end = endFingerprint(path, state.offset());
        return end != null && end.equals(state.endFingerprint());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 missing from the JDK", e));
        }
    }
}
