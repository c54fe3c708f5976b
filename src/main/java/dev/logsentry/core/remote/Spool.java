package dev.logsentry.core.remote;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-host daily spool: {@code ROOT/HOST/YYYY-MM-DD.log} (mode 0640, directories 0750), one
 * line per message, appended with one write per batch. A line counts as received only after its
 * write returned, so a crash of the service itself loses nothing that was counted: the bytes are in
 * the kernel. What an operating system crash or power loss can lose is bounded by the fsync policy:
 * with {@code fsyncMillis} 0 every batch is forced to disk before it counts, otherwise every file
 * written to is forced at most {@code fsyncMillis} later (see ADR 0010). A failed write (a full
 * disk) is cut back to the last whole line, so the file never holds half a line, and the caller
 * keeps the batch to try again.
 */
final class Spool implements Closeable {
    private static final Set<PosixFilePermission> FILE_MODE =
            PosixFilePermissions.fromString("rw-r-----");
    private static final Set<PosixFilePermission> DIR_MODE =
            PosixFilePermissions.fromString("rwxr-x---");

    /** Opens a spool file for appending; replaceable in tests (a disk that fills up). */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    /** Where a batch went: the file and the byte offset of its first line. */
    record Appended(Path file, long offset) {}

    private final Path root;
    private final ZoneId zone;
    private final long fsyncMillis;
    private final Opener opener;
    private final ConcurrentHashMap<String, HostFile> files = new ConcurrentHashMap<>();

    Spool(Path root, ZoneId zone, long fsyncMillis, Opener opener) throws IOException {
        this.root = root;
        this.zone = zone;
        this.fsyncMillis = fsyncMillis;
        this.opener = opener == null ? Spool::openAppend : opener;
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(DIR_MODE));
        }
    }

    Path root() {
        return root;
    }

    /**
     * Appends {@code lines} (without newlines) to the day file of {@code host} for {@code now}.
     *
     * @throws IOException when they could not be written; nothing of them is left in the file
     */
    Appended append(String host, Instant now, List<byte[]> lines) throws IOException {
        int total = 0;
        for (byte[] l : lines) {
            total += l.length + 1;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (byte[] l : lines) {
            buf.put(l).put((byte) '\n');
        }
        return append(host, now, buf.array(), total);
    }

    /**
     * Appends {@code lines[0, length)}, whole lines each ending with a newline, in one write.
     *
     * @throws IOException when they could not be written; nothing of them is left in the file
     */
    Appended append(String host, Instant now, byte[] lines, int length) throws IOException {
        HostFile f = files.computeIfAbsent(host, HostFile::new);
        int total = length;
        ByteBuffer buf = ByteBuffer.wrap(lines, 0, length);
        synchronized (f) {
            f.roll(LocalDate.ofInstant(now, zone));
            long start = f.size;
            try {
                while (buf.hasRemaining()) {
                    f.channel.write(buf);
                }
            } catch (IOException e) {
                try {
                    f.channel.truncate(start);
                } catch (IOException ignored) {
                    // keep the first error; the file is reopened for the next try
                }
                f.closeChannel();
                throw e;
            }
            f.size = start + total;
            if (fsyncMillis == 0) {
                f.channel.force(false);
            } else {
                f.dirty = true;
            }
            return new Appended(f.path, start);
        }
    }

    /** Forces every file written since the last call to disk. */
    void syncAll() {
        for (HostFile f : files.values()) {
            synchronized (f) {
                if (f.dirty && f.channel != null) {
                    try {
                        f.channel.force(false);
                        f.dirty = false;
                    } catch (IOException e) {
                        // stays dirty; the next round tries again
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        syncAll();
        for (HostFile f : files.values()) {
            synchronized (f) {
                f.closeChannel();
            }
        }
        files.clear();
    }

    private static FileChannel openAppend(Path file) throws IOException {
        FileChannel ch =
                FileChannel.open(
                        file,
                        Set.of(
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND,
                                LinkOption.NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(FILE_MODE));
        return ch;
    }

    /** One host's current day file. */
    private final class HostFile {
        final String host;
        LocalDate day;
        Path path;
        FileChannel channel;
        long size;
        boolean dirty;

        HostFile(String host) {
            this.host = host;
        }

        void roll(LocalDate today) throws IOException {
            if (channel != null && today.equals(day)) {
                return;
            }
            closeChannel();
            Path dir = root.resolve(host);
            if (Files.isSymbolicLink(dir)) {
                throw new IOException(dir + " is a symbolic link; refusing to write through it");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                Files.setPosixFilePermissions(dir, DIR_MODE);
            }
            Path file = dir.resolve(today + ".log");
            boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            FileChannel ch = opener.open(file);
            if (!existed) {
                // the umask may have narrowed the mode; make it exact
                Files.setPosixFilePermissions(file, FILE_MODE);
            }
            channel = ch;
            day = today;
            path = file;
            size = ch.size();
        }

        void closeChannel() {
            if (channel != null) {
                try {
                    if (dirty) {
                        channel.force(false);
                    }
                    channel.close();
                } catch (IOException e) {
                    // closing a file we only appended to: nothing left to save
                }
                channel = null;
                dirty = false;
            }
        }
    }
}
