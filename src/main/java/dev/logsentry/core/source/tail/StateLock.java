package dev.logsentry.core.source.tail;

import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * An exclusive lock on a state directory ({@code FileChannel.tryLock}, an fcntl lock the kernel
 * drops when the process dies, so a crashed run never leaves a stale lock behind). The lock file
 * holds the owner's pid for people looking; its presence alone means nothing.
 */
public final class StateLock implements AutoCloseable {
    public static final String FILE_NAME = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock in {@code stateDir} without waiting.
     *
     * @throws LockHeldException when another run holds it
     */
    public static StateLock acquire(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE_NAME);
        SafeFiles.checkPrivateFile(file);
        FileChannel ch =
                FileChannel.open(
                        file,
                        Set.of(
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(SafeFiles.OWNER_ONLY));
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run inside this JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new LockHeldException(file);
        }
        ch.truncate(0);
        ch.write(
                ByteBuffer.wrap(
                        (ProcessHandle.current().pid() + "\n")
                                .getBytes(StandardCharsets.US_ASCII)));
        return new StateLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
