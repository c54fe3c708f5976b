package dev.logsentry.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files written atomically: the temp file sits in the target's directory, is fsynced,
 * renamed over the target and the directory is fsynced, so a crash leaves either the old or the new
 * content, never a mix. Symbolic links and files of other users at the target or temp path are
 * refused rather than followed or overwritten.
 */
public final class SafeFiles {
    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
            PosixFilePermissions.fromString("rwx------");

    private SafeFiles() {}

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface ContentWriter {
        void write(OutputStream out) throws IOException;
    }

    /** The uid of this process, as the kernel reports it for files it creates. */
    public static long currentUid() throws IOException {
        // /proc/self belongs to the process's effective uid: no com.sun.* API needed.
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    }

    /**
     * Refuses {@code path} when it exists and is a symlink, not a regular file, or owned by another
     * user. A missing file is fine.
     */
    public static void checkPrivateFile(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs =
                    Files.readAttributes(
                            path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attrs.isSymbolicLink()) {
            throw new UnsafeFileException(path, "is a symbolic link; refusing to follow it");
        }
        if (!attrs.isRegularFile()) {
            throw new UnsafeFileException(path, "is not a regular file");
        }
        long owner =
                ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                        .longValue();
        long me = currentUid();
        if (owner != me) {
            throw new UnsafeFileException(
                    path, "is owned by uid " + owner + ", not by this user (uid " + me + ")");
        }
    }

    /**
     * Refuses a directory (a link to one is followed) that belongs to another user or that every
     * user may write to: whoever can write there can plant or swap the files kept in it. A missing
     * directory is fine.
     */
    public static void checkPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long owner = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        long me = currentUid();
        if (owner != me) {
            throw new UnsafeFileException(
                    dir, "is owned by uid " + owner + ", not by this user (uid " + me + ")");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UnsafeFileException(
                    dir,
                    "is writable by every user (mode "
                            + PosixFilePermissions.toString(mode)
                            + "); use a directory only its owner can write to (chmod 700)");
        }
    }

    /**
     * Creates {@code dir} (mode 0700) when missing. An existing path must be a directory (a link to
     * one is accepted: administrators often link /var/lib subdirectories elsewhere).
     */
    public static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeFileException(dir, "is not a directory");
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    }

    /** The fixed temp path used for {@code target}. */
    public static Path tempPathFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /**
     * Replaces {@code target} atomically with what {@code writer} writes, mode 0600. A leftover
     * temp file of ours (from a crash) is removed first; one that is a link or another user's is
     * refused.
     */
    public static void writeAtomically(Path target, ContentWriter writer) throws IOException {
        write(target, OWNER_ONLY, null, writer);
    }

    /**
     * Replaces {@code target} atomically like {@link #writeAtomically}, but the new file keeps the
     * permissions and group of the file it replaces ({@code rw-r--r--} for a new file): for files
     * other programs read, such as logcheck rule files (logcheck reads them as its own user). Links
     * and files of other users are refused as there.
     */
    public static void replaceAtomically(Path target, ContentWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        checkPrivateFile(abs);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r--r--");
        GroupPrincipal group = null;
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            PosixFileAttributes attrs =
                    Files.readAttributes(abs, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            mode = attrs.permissions();
            group = attrs.group();
        }
        write(abs, mode, group, writer);
    }

    private static void write(
            Path target,
            Set<PosixFilePermission> finalMode,
            GroupPrincipal group,
            ContentWriter writer)
            throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        checkPrivateFile(abs);
        Path temp = tempPathFor(abs);
        checkPrivateFile(temp);
        Files.deleteIfExists(temp);
        FileAttribute<Set<PosixFilePermission>> mode =
                PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try (FileChannel ch =
                FileChannel.open(
                        temp,
                        Set.of(
                                StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS),
                        mode)) {
            // CREATE_NEW fails on anything planted between the check and here.
            // The writer may close its stream (Jackson does); the channel must stay open for force.
            OutputStream out =
                    new FilterOutputStream(Channels.newOutputStream(ch)) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            this.out.write(b, off, len);
                        }

                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    };
            writer.write(out);
            out.flush();
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new UnsafeFileException(temp, "appeared while writing; refusing to use it");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (group != null) {
            try {
                Files.getFileAttributeView(temp, PosixFileAttributeView.class).setGroup(group);
            } catch (IOException e) {
                // not a member of that group: the file keeps ours, with the same mode bits
            }
        }
        // The umask may have narrowed the mode further, never widened it; make it exact.
        Files.setPosixFilePermissions(temp, finalMode);
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(dir);
    }

    /** Makes a rename in {@code dir} durable. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
