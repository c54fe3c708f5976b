package dev.logsentry.core.source.follow;

import dev.logsentry.core.source.tail.FileIdentity;
import dev.logsentry.core.source.tail.RotatedFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Follows a log file like {@code tail -F}, but loses and duplicates nothing across rotation:
 *
 * <ul>
 *   <li><b>rename and create</b> (and delete and recreate): the old file stays open, its rest is
 *       read, then the new file from its start; the old one is still drained for a grace period,
 *       because daemons write to it until they are told to reopen: until it has had no new bytes
 *       for a few seconds (as {@code tail -F} keeps an old file), however long that takes.
 *   <li><b>copytruncate</b> and plain truncation: noticed when the file is shorter than what was
 *       read or no longer starts with the same bytes. What was not yet read is looked for in the
 *       copy ({@code name.1}, {@code name-20261125}: a sibling starting with the same bytes), then
 *       the file is read again from its start.
 * </ul>
 *
 * Changes are noticed through a {@link WatchService} on the directory (inotify on Linux) with
 * polling as the fallback. {@link #run} is the loop for the caller's executor; {@link #poll} does
 * one step and is what tests drive.
 */
public final class Follower implements Closeable {
    /** Default fallback poll interval; the watch service normally wakes the loop sooner. */
    public static final long DEFAULT_POLL_MILLIS = 100;

    /**
     * A rotated-away generation is drained until it has had no new bytes for this long: a daemon
     * writes to its old file until it reopens its log (after logrotate's HUP, or later).
     */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Path path;
    private final FollowListener listener;
    private final long pollMillis;
    private final List<Generation> draining = new ArrayList<>();
    private long startOffset;
    private Object expectedKey;
    private Generation current;
    private boolean vanishedReported;
    private String lastError;
    private volatile boolean closed;
    private volatile WatchService watcher;
    private final java.util.function.LongSupplier clock;

    /**
     * @param path the file to follow (it may not exist yet)
     * @param startOffset where to start reading in the file as it is now (usually where the index
     *     stopped, at a line start); 0 to read it all
     * @param listener receives lines and events on the follower's thread
     */
    public Follower(Path path, long startOffset, FollowListener listener) {
        this(path, startOffset, listener, DEFAULT_POLL_MILLIS);
    }

    public Follower(Path path, long startOffset, FollowListener listener, long pollMillis) {
        this(path, startOffset, null, listener, pollMillis);
    }

    /**
     * @param expectedKey the {@code fileKey} of the file {@code startOffset} belongs to (see
     *     IndexedFile#fileKey); when the path names another file by the first poll, that file was
     *     rotated in between and the new one is read from its start. Null: trust the offset.
     */
    public Follower(
            Path path,
            long startOffset,
            Object expectedKey,
            FollowListener listener,
            long pollMillis) {
        this(path, startOffset, expectedKey, listener, pollMillis, System::nanoTime);
    }

    /** For tests: with the clock that times the draining of rotated-away files. */
    Follower(
            Path path,
            long startOffset,
            Object expectedKey,
            FollowListener listener,
            long pollMillis,
            java.util.function.LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.expectedKey = expectedKey;
        this.path = path.toAbsolutePath();
        this.startOffset = startOffset;
        this.listener = Objects.requireNonNull(listener);
        this.pollMillis = pollMillis;
    }

    /** The followed path. */
    public Path path() {
        return path;
    }

    /**
     * Follows until {@link #close} is called: one {@link #poll} whenever the directory changes, and
     * at least every poll interval.
     */
    public void run() {
        WatchService ws = openWatcher();
        try {
            while (!closed) {
                poll();
                if (ws == null) {
                    sleep(pollMillis);
                    continue;
                }
                WatchKey key = ws.poll(pollMillis, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    if (!key.reset()) {
                        ws.close(); // the directory went away; polling until it is back
                        ws = openWatcher();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException | IOException e) {
            // closed from another thread
        } finally {
            closeQuietly(ws);
        }
    }

    private WatchService openWatcher() {
        Path dir = path.getParent();
        try {
            WatchService ws = path.getFileSystem().newWatchService();
            dir.register(
                    ws,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watcher = ws;
            return ws;
        } catch (IOException | RuntimeException e) {
            return null; // no watch service here (or no directory yet): poll instead
        }
    }

    /** One step: reads everything new and handles rotation and truncation. */
    public synchronized void poll() {
        if (closed) {
            return;
        }
        try {
            drainOld(false);
            BasicFileAttributes attrs = stat();
            if (current == null) {
                if (attrs != null) {
                    openCurrent(attrs);
                }
            } else if (attrs == null) {
                current.readToEnd(listener);
                if (!vanishedReported) {
                    vanishedReported = true;
                    event(FollowEvent.Kind.VANISHED, path + " disappeared; waiting for it");
                }
            } else if (!attrs.fileKey().equals(current.key)) {
                current.readToEnd(listener);
                current.drainUntilNanos = clock.getAsLong() + QUIET_NANOS;
                draining.add(current);
                current = null;
                openCurrent(attrs);
                event(
                        FollowEvent.Kind.ROTATED,
                        path + " was rotated; continuing with the new file");
            } else if (attrs.size() < current.pos || !current.sameStart()) {
                truncated();
            }
            // A truncation may race with the read: then the read block is dropped and handled as
            // one.
            for (int tries = 0; current != null && tries < 3; tries++) {
                if (current.readToEnd(listener, true) >= 0) {
                    break;
                }
                truncated();
            }
            lastError = null;
        } catch (IOException e) {
            String msg = "Cannot read " + path + ": " + e.getMessage();
            if (!msg.equals(lastError)) {
                lastError = msg;
                event(FollowEvent.Kind.ERROR, msg);
            }
        }
    }

    private BasicFileAttributes stat() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Opens the file now at the path, making sure the channel and the key belong together. */
    private void openCurrent(BasicFileAttributes before) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return;
        }
        BasicFileAttributes after = stat();
        if (after == null || !after.fileKey().equals(before.fileKey())) {
            ch.close(); // replaced while opening: the next poll opens the newest one
            return;
        }
        long start = startOffset <= after.size() ? startOffset : 0;
        boolean replaced = expectedKey != null && !expectedKey.equals(after.fileKey());
        boolean shrunk = !replaced && start < startOffset;
        if (replaced) {
            start = 0;
        }
        startOffset = 0; // only the first generation starts in the middle
        expectedKey = null;
        current = new Generation(ch, after.fileKey(), start);
        current.sameStart(); // learn the head
        vanishedReported = false;
        if (replaced) {
            event(
                    FollowEvent.Kind.ROTATED,
                    path
                            + " was replaced since it was indexed; reading the new file from its start");
        }
    }

    /**
     * The file is shorter than what was read, or starts differently. The bytes after our position
     * were in the file before the truncation; a rotated copy may still hold them.
     */
    private void truncated() throws IOException {
        long was = current.pos;
        if (was == 0 && current.head().length == 0) {
            current.sameStart(); // nothing was read yet: just learn the new start
            return;
        }
        Path copy = findCopy(current.head(), was);
        String recovered = "";
        if (copy != null) {
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ)) {
                Generation rest = new Generation(ch, null, was);
                rest.continueLine(current.takePartial());
                long n = rest.readToEnd(listener);
                rest.flushPartial(listener);
                if (n > 0) {
                    recovered = "; read the last " + n + " bytes from " + copy.getFileName();
                }
            }
        }
        current.flushPartial(listener);
        current = new Generation(current.channel, current.key, 0);
        current.sameStart();
        listener.event(
                new FollowEvent(
                        FollowEvent.Kind.TRUNCATED,
                        path,
                        path + " was truncated (copytruncate?) after " + was + " bytes" + recovered,
                        copy));
    }

    /**
     * The newest rotated generation of the followed file (not compressed, as {@link RotatedFiles}
     * orders them for the cron tail too) that starts with {@code head}.
     */
    private Path findCopy(byte[] head, long minSize) {
        if (head.length == 0) {
            return null;
        }
        try {
            for (Path p : RotatedFiles.newestFirst(path)) {
                if (!FileIdentity.isGzip(p) && Files.size(p) >= minSize && startsWith(p, head)) {
                    return p;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean startsWith(Path p, byte[] head) throws IOException {
        try (var in = Files.newInputStream(p)) {
            byte[] got = in.readNBytes(head.length);
            return Arrays.equals(got, head);
        }
    }

    /** Reads what rotated-away generations still receive; drops them once they are quiet. */
    private void drainOld(boolean all) throws IOException {
        long now = clock.getAsLong();
        for (var it = draining.iterator(); it.hasNext(); ) {
            Generation g = it.next();
            if (g.readToEnd(listener) > 0) {
                g.drainUntilNanos = now + QUIET_NANOS; // still written to: keep listening
            }
            if (all || now - g.drainUntilNanos > 0) {
                g.flushPartial(listener);
                g.close();
                it.remove();
            }
        }
    }

    private void event(FollowEvent.Kind kind, String message) {
        listener.event(new FollowEvent(kind, path, message));
    }

    /**
     * Stops following: reads what is left of rotated-away files, hands out an unfinished last line
     * and closes everything.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            drainOld(true);
            if (current != null) {
                current.readToEnd(listener);
                current.flushPartial(listener);
                current.close();
            }
        } catch (IOException e) {
            event(FollowEvent.Kind.ERROR, "Cannot read " + path + ": " + e.getMessage());
        } finally {
            closed = true;
            closeQuietly(watcher);
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a watch service: nothing to report
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
