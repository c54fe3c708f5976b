package dev.logsentry.core.workspace;

import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.MergedSource;
import dev.logsentry.core.source.MultilogDirectory;
import dev.logsentry.core.source.OpenedLog;
import dev.logsentry.core.source.SourceKind;
import dev.logsentry.core.source.follow.FollowEvent;
import dev.logsentry.core.source.follow.FollowListener;
import dev.logsentry.core.source.follow.FollowedSource;
import dev.logsentry.core.workspace.WorkspaceListener.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workbench's one lifecycle of sources: open (files, folders, multilog directories), the
 * journal, merge, follow, detect what a source holds, close. Headless and thread-safe: every method
 * may be called from any thread, long work runs on the executor given (owned by the caller), and
 * every change is told to the {@link WorkspaceListener}s on the thread that made it. Views, the
 * classifier ({@link Classifications}) and later features subscribe here instead of polling, and
 * remove their listener when they close.
 */
public final class Workspace implements AutoCloseable {
    /** Opens a path into an {@link OpenedLog}; {@link LogOpener#open(Path)} by default. */
    @FunctionalInterface
    public interface Opener {
        OpenedLog open(Path path) throws SourceException;
    }

    /** Opens the system journal; {@code journalctl -o json} by default. */
    @FunctionalInterface
    public interface JournalOpener {
        JournalSource open() throws SourceException;
    }

    /** One way of opening a source, run in the background. */
    @FunctionalInterface
    private interface Step {
        OpenedLog open() throws SourceException, IOException;
    }

    private static final long JOURNAL_POLL_MILLIS = 1000;

    private final ExecutorService background;
    private final Opener opener;
    private final JournalOpener journal;
    private final ZoneId zone;
    private final List<OpenSource> sources = new CopyOnWriteArrayList<>();
    private final List<WorkspaceListener> listeners = new CopyOnWriteArrayList<>();

    /** A workspace opening logs with {@link LogOpener} and the journal with journalctl. */
    public Workspace(ExecutorService background) {
        this(
                background,
                LogOpener::open,
                () -> JournalSource.open(List.of(), ZoneId.systemDefault()),
                ZoneId.systemDefault());
    }

    public Workspace(
            ExecutorService background, Opener opener, JournalOpener journal, ZoneId zone) {
        this.background = background;
        this.opener = opener;
        this.journal = journal;
        this.zone = zone;
    }

    // ---- listeners -----------------------------------------------------------------------------

    /** Adds a listener; the returned handle removes it again (call it when the listener closes). */
    public AutoCloseable addListener(WorkspaceListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    public void removeListener(WorkspaceListener l) {
        listeners.remove(l);
    }

    /** How many listeners are registered (for tests that check nothing is left behind). */
    public int listenerCount() {
        return listeners.size();
    }

    // ---- queries -------------------------------------------------------------------------------

    /** The open sources, in the order they were opened; a snapshot. */
    public List<OpenSource> sources() {
        return List.copyOf(sources);
    }

    /** The open source for {@code path}, if any. */
    public Optional<OpenSource> find(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return sources.stream().filter(s -> s.path().equals(normal)).findFirst();
    }

    // ---- open ----------------------------------------------------------------------------------

    /**
     * Opens a file, a multilog directory, or every log file in a folder. A path already open is not
     * opened twice: its source is returned. Returns at once; indexing goes on in the background. An
     * empty list (with a problem told) when a folder holds no log file.
     */
    public List<OpenSource> open(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        if (Files.isDirectory(normal) && !MultilogDirectory.isMultilog(normal)) {
            return openFolder(normal);
        }
        return List.of(openOne(normal, nameOf(normal), () -> opener.open(normal)));
    }

    /** Opens a file that looks binary ("Open Anyway"): odd bytes show as {@code \xNN}. */
    public List<OpenSource> openAnyway(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        OpenOptions binary = OpenOptions.DEFAULT.withAllowBinary(true);
        return List.of(openOne(normal, nameOf(normal), () -> LogOpener.open(normal, binary, zone)));
    }

    /** Opens one file under the caller's name (a remote host's spool file), or returns it. */
    public OpenSource open(Path file, String name) {
        Path normal = file.toAbsolutePath().normalize();
        return openOne(normal, name, () -> opener.open(normal));
    }

    /** The source of {@code normal}: the open one, else a new one opened {@code how}. */
    private OpenSource openOne(Path normal, String name, Step how) {
        OpenSource added;
        synchronized (this) {
            Optional<OpenSource> existing = find(normal);
            if (existing.isPresent()) {
                return existing.get();
            }
            added = add(normal, name);
        }
        start(added, how);
        return added;
    }

    private List<OpenSource> openFolder(Path dir) {
        List<Path> files;
        try {
            files = LogOpener.logFilesIn(dir);
        } catch (SourceException e) {
            tell(new Problem(null, e.getMessage(), true, e));
            return List.of();
        }
        if (files.isEmpty()) {
            tell(new Problem(null, dir + " has no log files to open.", false, null));
            return List.of();
        }
        List<OpenSource> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(open(f));
        }
        return out;
    }

    /**
     * Opens the systemd journal (all of it the user may read); following it later reads only the
     * entries after the last cursor.
     */
    public OpenSource openJournal() {
        OpenSource s = add(Path.of("systemd journal"), "systemd journal");
        start(
                s,
                () -> {
                    JournalSource j = journal.open();
                    return new OpenedLog(j, j::index, SourceKind.JOURNAL);
                });
        return s;
    }

    /**
     * Merges every open, indexed log (not dnscache logs, the journal or merged views) into one
     * chronological view, opened as a new source. Null, with a problem told, when fewer than two
     * logs qualify.
     */
    public OpenSource mergeOpenLogs() {
        List<Path> paths =
                sources.stream()
                        .filter(s -> s.state() == OpenSource.State.READY)
                        .filter(s -> s.contentKind() == ContentKind.SYSLOG)
                        .map(OpenSource::path)
                        .toList();
        if (paths.size() < 2) {
            tell(new Problem(null, "Merge needs at least two open, indexed logs.", false, null));
            return null;
        }
        String name =
                "merged: "
                        + String.join(
                                " + ",
                                paths.stream().map(p -> p.getFileName().toString()).toList());
        OpenSource s = add(Path.of(name), name);
        start(
                s,
                () -> {
                    List<OpenedLog> logs = new ArrayList<>();
                    for (Path p : paths) {
                        logs.add(opener.open(p));
                    }
                    MergedSource merged = MergedSource.of(logs, zone);
                    return new OpenedLog(merged, merged::index, SourceKind.MERGED);
                });
        return s;
    }

    private OpenSource add(Path path, String name) {
        OpenSource s = new OpenSource(path, name);
        sources.add(s);
        for (WorkspaceListener l : listeners) {
            l.added(s);
        }
        return s;
    }

    private static String nameOf(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    /**
     * Opens and indexes {@code s} in the background; the source is readable after the first screen.
     */
    private void start(OpenSource s, Step how) {
        AtomicBoolean cancelled = new AtomicBoolean();
        s.onCancel(() -> cancelled.set(true));
        background.submit(() -> index(s, how, cancelled));
    }

    private void index(OpenSource s, Step how, AtomicBoolean cancelled) {
        OpenedLog log = null;
        try {
            log = how.open();
            if (s.closed()) {
                log.source().close();
                return;
            }
            s.lines(log.source());
            s.sourceKind(log.kind());
            s.contentKind(KindDetector.detect(log.source()));
            s.state(OpenSource.State.INDEXING);
            changed(s);
            var result =
                    log.job()
                            .run(
                                    (done, total, lines) -> {
                                        s.progress(total > 0 ? (double) done / total : -1);
                                        progressed(s);
                                    },
                                    cancelled::get);
            if (s.closed()) {
                return;
            }
            if (result.cancelled()) {
                s.state(OpenSource.State.CANCELLED);
                changed(s);
                return;
            }
            ready(s);
            if (s.lines().lineCount() == 0) {
                tell(
                        new Problem(
                                s,
                                s.path() + " is empty: there are no lines to show yet.",
                                false,
                                null));
            }
        } catch (SourceException e) {
            if (log != null && e.reason() == SourceException.Reason.CORRUPT) {
                // a truncated or corrupt .gz: what was readable stays open, the message says where
                ready(s);
                tell(
                        new Problem(
                                s,
                                e.getMessage() + " \u2014 showing the lines read before that.",
                                false,
                                e));
            } else {
                failed(s, log, e);
            }
        } catch (IOException | RuntimeException e) {
            failed(s, log, e);
        }
    }

    private void ready(OpenSource s) {
        s.progress(1);
        if (s.contentKind() == ContentKind.UNKNOWN
                || s.lines().lineCount() <= KindDetector.SAMPLE) {
            s.contentKind(KindDetector.detect(s.lines()));
        }
        s.state(OpenSource.State.READY);
        changed(s);
    }

    private void failed(OpenSource s, OpenedLog log, Exception e) {
        if (log != null) {
            closeQuietly(log.source());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = "Cannot open " + s.path() + ": " + e;
        }
        s.problem(message);
        s.lines(null);
        s.state(OpenSource.State.FAILED);
        changed(s);
        remove(s);
        tell(new Problem(s, message, true, e));
    }

    // ---- follow --------------------------------------------------------------------------------

    /**
     * Starts or stops following {@code s} (Ctrl+L): new lines are appended as they are written,
     * through rotation and truncation, with a marker line where the file changed; the journal is
     * read again after its cursor. Only a fully indexed source can be followed.
     */
    public void toggleFollow(OpenSource s) {
        follow(s, !s.following());
    }

    public synchronized void follow(OpenSource s, boolean on) {
        if (s.closed() || s.following() == on) {
            return;
        }
        if (s.state() != OpenSource.State.READY) {
            tell(new Problem(s, "Follow: wait until " + s.name() + " is indexed.", false, null));
            return;
        }
        LineSource lines = s.lines();
        if (!on) {
            s.following(false);
            if (lines instanceof FollowedSource followed) {
                followed.follower().close(); // the lines read so far stay readable
            }
            changed(s);
            return;
        }
        if (lines instanceof JournalSource j) {
            s.following(true);
            changed(s);
            background.submit(() -> followJournal(s, j));
            return;
        }
        FollowedSource followed;
        if (lines instanceof FollowedSource stopped) {
            // following again after a stop: start over from the indexed file, whose lines the
            // stopped copy began with
            closeQuietly(stopped);
            lines = s.base();
        }
        try {
            if (lines instanceof IndexedFile file) {
                followed = FollowedSource.follow(file);
            } else if (lines instanceof MultilogDirectory dir) {
                followed = FollowedSource.follow(dir);
            } else {
                tell(
                        new Problem(
                                s,
                                "Cannot follow "
                                        + s.path()
                                        + ": only plain files and multilog directories can be"
                                        + " followed.",
                                false,
                                null));
                return;
            }
        } catch (SourceException e) {
            tell(new Problem(s, "Cannot follow " + s.path() + ": " + e.getMessage(), false, e));
            return;
        }
        followed.addListener(
                new FollowListener() {
                    @Override
                    public void line(byte[] raw) {
                        progressed(s);
                    }

                    @Override
                    public void event(FollowEvent event) {
                        progressed(s);
                    }
                });
        if (s.base() == null) {
            s.base(lines);
        }
        s.lines(followed);
        s.following(true);
        changed(s);
        background.submit(followed.follower()::run);
    }

    private void followJournal(OpenSource s, JournalSource j) {
        try {
            while (s.following() && !s.closed()) {
                long before = j.lineCount();
                long seen = s.version();
                j.index((done, total, lines) -> {}, () -> !s.following() || s.closed());
                if (j.lineCount() != before) {
                    progressed(s);
                }
                s.awaitChange(seen, JOURNAL_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SourceException e) {
            tell(new Problem(s, "Following the journal stopped: " + e.getMessage(), false, e));
        }
    }

    // ---- close ---------------------------------------------------------------------------------

    /** Closes {@code s}: stops its background work, releases its lines, tells the listeners. */
    public void close(OpenSource s) {
        synchronized (this) {
            if (s.closed()) {
                return;
            }
            s.cancel();
            s.following(false);
            s.state(OpenSource.State.CLOSED);
        }
        LineSource lines = s.lines();
        s.lines(null);
        s.onCancel(() -> {});
        closeQuietly(lines);
        if (s.base() != lines) {
            closeQuietly(s.base()); // a followed source leaves the file it started from open
        }
        s.base(null);
        remove(s);
    }

    private void remove(OpenSource s) {
        if (sources.remove(s)) {
            s.signal();
            for (WorkspaceListener l : listeners) {
                l.removed(s);
            }
        }
    }

    /** Closes every source. The executor stays the caller's to shut down. */
    @Override
    public void close() {
        for (OpenSource s : sources) {
            close(s);
        }
    }

    // ---- telling -------------------------------------------------------------------------------

    private void changed(OpenSource s) {
        s.signal();
        for (WorkspaceListener l : listeners) {
            l.changed(s);
        }
    }

    private void progressed(OpenSource s) {
        s.signal();
        for (WorkspaceListener l : listeners) {
            l.progressed(s);
        }
    }

    private void tell(Problem p) {
        for (WorkspaceListener l : listeners) {
            l.problem(p);
        }
    }

    private static void closeQuietly(LineSource lines) {
        if (lines == null) {
            return;
        }
        try {
            lines.close();
        } catch (IOException e) {
            // closing a read-only source cannot lose data; nothing to tell the user
        }
    }
}
