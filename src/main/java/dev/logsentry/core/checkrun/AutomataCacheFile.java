package dev.logsentry.core.checkrun;

import dev.logsentry.core.AppInfo;
import dev.logsentry.core.io.IoErrors;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.rules.automata.AutomataStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The compiled rule automata of {@code logsentry check} kept between runs (ADR 0014): one
 * owner-only file, {@value #FILE_NAME}, in a private directory (the state directory for root, else
 * {@code $XDG_CACHE_HOME/logsentry}).
 *
 * <p>File: the magic {@code LSAUTOM\n}, the content format, the key (SHA-256 of this program's
 * version and build, the rule setup and the digest of the rules), the content's length, the
 * content, and the CRC-32C of everything before it. A file that is missing, of another format, key
 * or size, damaged, not a regular file, a link, another user's, or writable by others is ignored
 * (said once through {@code debug}) and replaced at the end of the run: a run is never failed or
 * changed by its cache, only made faster.
 */
public final class AutomataCacheFile implements AutomataStore {
    /** The file's name in its directory. */
    public static final String FILE_NAME = "automata.cache";

    private static final byte[] MAGIC = "LSAUTOM\n".getBytes(StandardCharsets.US_ASCII);

    /** A file larger than this is not read (the writer stays well below it). */
    static final long MAX_FILE_BYTES = 96L << 20;

    private static final int HEADER = MAGIC.length + 4 + 32 + 4;

    /** CRC-32C of everything before it (the key is a SHA-256 already; this finds damage). */
    private static final int TRAILER = 4;

    private final Path dir;
    private final Path file;
    private final byte[] setupKey;
    private final boolean mayCreateDirectory;
    private final Consumer<String> debug;

    /**
     * @param dir the private directory of the file
     * @param setup what besides the rules decides the automata (rule folder, level, profile)
     * @param mayCreateDirectory whether a missing {@code dir} is created (not in a dry run)
     * @param debug receives one line for each reason the file was not used or not written
     */
    public AutomataCacheFile(
            Path dir, String setup, boolean mayCreateDirectory, Consumer<String> debug) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.setupKey =
                sha256(
                        ("logsentry "
                                        + AppInfo.version()
                                        + "\nbuild "
                                        + BuildStamp.get()
                                        + "\nformat "
                                        + FORMAT
                                        + "\nsetup "
                                        + setup
                                        + "\n")
                                .getBytes(StandardCharsets.UTF_8));
        this.mayCreateDirectory = mayCreateDirectory;
        this.debug = debug;
    }

    /** The cache of a check run with settings {@code s}, in {@code dir}. */
    public static AutomataCacheFile forRun(Path dir, CheckSettings s, Consumer<String> debug) {
        String setup =
                (s.rulesDir() == null ? "bundled" : s.rulesDir().toAbsolutePath().toString())
                        + "\n"
                        + s.level()
                        + "\n"
                        + s.options().profile();
        return new AutomataCacheFile(dir, setup, !s.dryRun(), debug);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public ByteBuffer load(byte[] digest) {
        byte[] key = key(digest);
        byte[] bytes;
        try {
            if (!Files.isDirectory(dir)) {
                return null;
            }
            SafeFiles.checkPrivateDirectory(dir);
            bytes = readPrivate();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            ignored(IoErrors.reason(e));
            return null;
        } catch (OutOfMemoryError e) {
            ignored("too large for this heap");
            return null;
        }
        if (bytes == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER + TRAILER
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            ignored("not an automata cache");
            return null;
        }
        in.position(MAGIC.length);
        if (in.getInt() != FORMAT) {
            ignored("another format");
            return null;
        }
        int length = in.getInt(MAGIC.length + 4 + 32);
        if (length < 0 || (long) HEADER + length + TRAILER != bytes.length) {
            ignored("truncated or damaged (size)");
            return null;
        }
        if (crc(bytes, bytes.length - TRAILER) != in.getInt(bytes.length - TRAILER)) {
            ignored("damaged (checksum)");
            return null;
        }
        if (!Arrays.equals(bytes, MAGIC.length + 4, MAGIC.length + 36, key, 0, 32)) {
            debug.accept(
                    "automata cache " + file + " made for other rules or another build; rebuilt");
            return null;
        }
        return ByteBuffer.wrap(bytes, HEADER, length).slice();
    }

    /**
     * The file's bytes, or null when it is not there; refused when it is a link, not a regular
     * file, another user's, writable by group or others, or too large.
     */
    private byte[] readPrivate() throws IOException {
        try (var ch =
                Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            // attributes of the file opened, not of a path that may be swapped meanwhile
            PosixFileAttributes a =
                    Files.readAttributes(
                            file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                throw new IOException("not a regular file");
            }
            long owner =
                    ((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                            .longValue();
            if (owner != SafeFiles.currentUid()) {
                throw new IOException("owned by uid " + owner + ", not by this user");
            }
            Set<PosixFilePermission> mode = a.permissions();
            if (mode.contains(PosixFilePermission.GROUP_WRITE)
                    || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException("writable by other users");
            }
            // a small heap (the bounded child of a large backlog) reads no file it cannot afford
            long limit = Math.min(MAX_FILE_BYTES, Runtime.getRuntime().maxMemory() / 8);
            if (a.size() > limit) {
                throw new IOException("too large for this heap (" + a.size() + " bytes)");
            }
            try (InputStream in = java.nio.channels.Channels.newInputStream(ch)) {
                return in.readNBytes((int) limit + 1);
            }
        } catch (java.nio.file.FileSystemException e) {
            if (e instanceof NoSuchFileException) {
                throw e;
            }
            // ELOOP: a symbolic link (NOFOLLOW_LINKS)
            throw new IOException(
                    Files.isSymbolicLink(file) ? "a symbolic link" : IoErrors.reason(e), e);
        }
    }

    @Override
    public void save(byte[] digest, SafeFiles.ContentWriter writer) {
        try {
            if (!Files.isDirectory(dir)) {
                if (!mayCreateDirectory) {
                    return;
                }
                SafeFiles.ensureDirectory(dir);
            }
            SafeFiles.checkPrivateDirectory(dir);
            ByteArrayOutputStream content = new ByteArrayOutputStream(4 << 20);
            writer.write(content);
            if ((long) HEADER + content.size() + TRAILER > MAX_FILE_BYTES) {
                debug.accept("automata cache " + file + " not written: too large");
                return;
            }
            byte[] key = key(digest);
            SafeFiles.writeAtomically(
                    file,
                    o -> {
                        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                        DataOutputStream out =
                                new DataOutputStream(new java.util.zip.CheckedOutputStream(o, crc));
                        out.write(MAGIC);
                        out.writeInt(FORMAT);
                        out.write(key);
                        out.writeInt(content.size());
                        content.writeTo(out);
                        out.flush();
                        o.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
                    });
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            debug.accept("automata cache " + file + " not written: " + reason(e));
        }
    }

    @Override
    public void ignored(String reason) {
        debug.accept("automata cache " + file + " ignored (" + reason + "); rebuilt");
    }

    private static String reason(Throwable e) {
        return e instanceof IOException io ? IoErrors.reason(io) : e.toString();
    }

    private byte[] key(byte[] digest) {
        MessageDigest sha = newSha256();
        sha.update(setupKey);
        sha.update(digest);
        return sha.digest();
    }

    private static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    private static int crc(byte[] bytes, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
