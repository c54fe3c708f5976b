package dev.logsentry.core.workspace.remote;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Follows the spool of a running {@code logsentry serve} from outside: reports each host's newest
 * day file ({@code SPOOL/HOST/YYYY-MM-DD.log}) at start, then every host directory and day file
 * created later (inotify through a {@link WatchService}: no polling of a thousand directories).
 */
final class SpoolWatcher implements Closeable {
    /** A host's day file: {@code from} is the byte offset where lines become news. */
    interface Found {
        void file(String host, Path file, long from);
    }

    private static final Pattern DAY_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.log");

    private final Path root;
    private final Found found;
    private final Consumer<String> problems;
    private final WatchService watch;
    private final Set<Path> watched = new HashSet<>();
    private final Thread thread;

    /**
     * @throws IOException naming the folder when it is no readable directory
     */
    SpoolWatcher(Path root, Found found, Consumer<String> problems) throws IOException {
        this.root = root;
        this.found = found;
        this.problems = problems;
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder: choose the spool of logsentry serve");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new IOException(
                    "cannot read the spool "
                            + root
                            + ": permission denied (it belongs to the service; a member of its"
                            + " group can read it)");
        }
        this.watch = root.getFileSystem().newWatchService();
        this.thread = new Thread(this::run, "logsentry-spool-watch");
        thread.setDaemon(true);
    }

    /** Reports what the spool holds now, then watches it. */
    void start() throws IOException {
        register(root);
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(root)) {
            for (Path h : hosts) {
                if (Files.isDirectory(h, LinkOption.NOFOLLOW_LINKS)) {
                    hostDirectory(h, true);
                }
            }
        }
        thread.start();
    }

    private void hostDirectory(Path dir, boolean atStart) {
        try {
            register(dir);
            Path newest = null;
            try (DirectoryStream<Path> days = Files.newDirectoryStream(dir)) {
                for (Path d : days) {
                    if (DAY_FILE.matcher(d.getFileName().toString()).matches()
                            && Files.isRegularFile(d, LinkOption.NOFOLLOW_LINKS)
                            && (newest == null || d.compareTo(newest) > 0)) {
                        newest = d;
                    }
                }
            }
            if (newest != null) {
                found.file(dir.getFileName().toString(), newest, atStart ? Files.size(newest) : 0);
            }
        } catch (IOException e) {
            problems.accept("cannot read the host folder " + dir + ": " + e.getMessage());
        }
    }

    private void register(Path dir) throws IOException {
        if (watched.add(dir)) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path dir = (Path) key.watchable();
                key.pollEvents();
                key.reset();
                if (dir.equals(root)) {
                    try (DirectoryStream<Path> hosts = Files.newDirectoryStream(root)) {
                        for (Path h : hosts) {
                            if (!watched.contains(h)
                                    && Files.isDirectory(h, LinkOption.NOFOLLOW_LINKS)) {
                                hostDirectory(h, false);
                            }
                        }
                    } catch (IOException e) {
                        problems.accept("cannot read the spool " + root + ": " + e.getMessage());
                    }
                } else {
                    hostDirectory(dir, false);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // closing anyway
        }
        thread.interrupt();
    }
}
