package dev.logsentry.core.workspace.remote;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.remote.AlertSettings;
import dev.logsentry.core.remote.ReceiverStatus;
import dev.logsentry.core.remote.RemoteLine;
import dev.logsentry.core.remote.RemoteListener;
import dev.logsentry.core.remote.RemoteService;
import dev.logsentry.core.remote.StatusFile;
import dev.logsentry.core.source.follow.FollowedSource;
import dev.logsentry.core.workspace.Classification;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.core.workspace.OpenSource;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.core.workspace.WorkspaceListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Remote hosts as live sources of a {@link Workspace}: either the workbench runs the receiver of
 * {@code logsentry serve} itself ({@link #listen}) or it follows the spool of a running service
 * ({@link #follow}). Both end the same way: each host becomes one source when its first line
 * arrives and is followed, so it is classified by the workbench's {@link Classifications} with the
 * engine of {@code check}, can be merged with local logs, and its attack lines (violations too, if
 * asked) become {@link AlertDigest}s, at most one per window. The spool is the one way lines reach
 * the window, whichever process receives them.
 *
 * <p>The spool holds a file per host per day. So that a host stays one source across midnight (its
 * follow mode, classification, the user's filters and selection kept), the source follows a link of
 * this session ({@code TMP/logsentry-hosts-N/HOST/today.log}) that names the host's newest day
 * file; when the next day's file appears the link is turned to it, and the follower, as for a log
 * rotated by logrotate, reads the rest of the old file and goes on with the new one from its start,
 * with a marker line between them. The day files shown are listed by {@link RemoteHost#files()}.
 */
public final class RemoteHosts implements AutoCloseable {

    /** Told on background threads; a UI moves the calls to its own thread. */
    public interface Listener {
        /** A host was opened as a source (it follows once indexed). */
        default void hostAdded(RemoteHost host) {}

        /** A host's source went on with its next day file ({@link RemoteHost#file()}). */
        default void nextDay(RemoteHost host) {}

        /** The counters of some hosts changed (about once a second). */
        default void countersChanged() {}

        /** Attack (or violation) lines arrived: one digest per window. */
        default void alerts(AlertDigest digest) {}

        /** A line of the receiver's log (a rejected peer, a full disk, a refused host). */
        default void event(String message) {}
    }

    /** One line worth an alert: its host, line number in the host's source, verdict and text. */
    public record Alert(RemoteHost host, long line, Verdict verdict, String text) {}

    /**
     * What one notification says.
     *
     * @param count alert lines in it
     * @param hosts the hosts they came from, sorted
     * @param first the first of them (a click shows it)
     */
    public record AlertDigest(int count, List<String> hosts, Alert first) {}

    private final Workspace workspace;
    private final Listener listener;
    private final RemoteService service;
    private final Path statusFile;
    private final Map<String, RemoteHost> byHost = new ConcurrentHashMap<>();
    private final Map<OpenSource, RemoteHost> bySource = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final AlertBatcher batcher;
    private final AutoCloseable workspaceSubscription;
    private final AutoCloseable classificationSubscription;
    private SpoolWatcher watcher;
    private Path links; // guarded by this: the folder of the hosts' links, made when first needed
    private volatile boolean alertViolations;
    private volatile boolean closed;

    private RemoteHosts(
            Workspace workspace,
            Classifications classifications,
            RemoteService service,
            Path statusFile,
            Duration window,
            Listener listener) {
        this.workspace = workspace;
        this.listener = listener;
        this.service = service;
        this.statusFile = statusFile;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "logsentry-remote-hosts");
                            t.setDaemon(true);
                            return t;
                        });
        this.batcher = new AlertBatcher(window, timer, listener::alerts, System::nanoTime);
        this.workspaceSubscription = workspace.addListener(new Sources());
        this.classificationSubscription = classifications.addListener(new Verdicts());
    }

    /**
     * Starts the receiver of {@code logsentry serve} in this process (the certificate loaded or
     * generated as serve does it) with the workbench's classifier.
     *
     * @throws IOException naming the port, certificate or spool when it cannot start
     */
    public static RemoteHosts listen(
            Workspace workspace,
            Classifications classifications,
            RemoteService.Config config,
            Duration window,
            Listener listener)
            throws IOException {
        RemoteService service =
                RemoteService.start(config, classifications.classifier(), listener::event);
        RemoteHosts hosts =
                new RemoteHosts(workspace, classifications, service, null, window, listener);
        service.receiver().addListener(hosts.new Arrivals());
        hosts.startCounters();
        return hosts;
    }

    /**
     * Follows the spool of a running {@code logsentry serve}: each host's newest day file now, then
     * every one created. Counters come from the service's status file when it can be read, else
     * from the files (lines and bytes only).
     *
     * @param statusFile serve's status file, or null
     * @throws IOException naming the folder when it cannot be read
     */
    public static RemoteHosts follow(
            Workspace workspace,
            Classifications classifications,
            Path spool,
            Path statusFile,
            Duration window,
            Listener listener)
            throws IOException {
        RemoteHosts hosts =
                new RemoteHosts(workspace, classifications, null, statusFile, window, listener);
        try {
            hosts.watcher = new SpoolWatcher(spool, hosts::found, listener::event);
            hosts.watcher.start();
        } catch (IOException | RuntimeException e) {
            hosts.close();
            throw e;
        }
        hosts.startCounters();
        return hosts;
    }

    /** The receiver running in this process, or null when following a service's spool. */
    public RemoteService service() {
        return service;
    }

    /** The hosts seen so far. */
    public List<RemoteHost> hosts() {
        return List.copyOf(byHost.values());
    }

    /** The host shown by {@code s}, or null when it is no remote host's. */
    public RemoteHost hostOf(OpenSource s) {
        return s == null ? null : bySource.get(s);
    }

    /** Whether security violations raise alerts too (attacks always do). */
    public void alertViolations(boolean on) {
        alertViolations = on;
    }

    private void startCounters() {
        timer.scheduleWithFixedDelay(this::updateCounters, 0, 1, TimeUnit.SECONDS);
    }

    // ---- hosts appear --------------------------------------------------------------------------

    private void found(String host, Path day, long from) {
        Path file = day.toAbsolutePath().normalize();
        RemoteHost added = null;
        RemoteHost next = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            RemoteHost known = byHost.get(host);
            if (known == null) {
                Path link = link(host, file);
                OpenSource s = workspace.open(link, host);
                added = new RemoteHost(host, file, link, s, from);
                byHost.put(host, added);
                bySource.put(s, added);
            } else if (later(file, known.file()) && turn(known, file)) {
                next = known;
            }
        }
        if (added != null) {
            listener.hostAdded(added);
            followWhenReady(added);
        } else if (next != null) {
            listener.nextDay(next);
            listener.event(host + ": continuing with " + next.file());
        }
    }

    /** Whether day file {@code a} comes after {@code b} ({@code YYYY-MM-DD.log} sorts by date). */
    private static boolean later(Path a, Path b) {
        return !a.equals(b) && a.getFileName().toString().compareTo(b.getFileName().toString()) > 0;
    }

    /**
     * A link naming the host's day file, followed in its place; the file itself when no link can be
     * made (then the host's next day is not followed into).
     */
    private Path link(String host, Path file) {
        try {
            if (links == null) {
                links = Files.createTempDirectory("logsentry-hosts-");
                links.toFile().deleteOnExit();
            }
            // HOST/today.log: the follower's marker line at midnight then reads "...web1/today.log
            // was rotated; continuing with the new file"
            Path dir = links.resolve(host.replaceAll("[^A-Za-z0-9._-]", "_"));
            Files.createDirectories(dir);
            dir.toFile().deleteOnExit();
            Path link = dir.resolve("today.log");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, file);
            link.toFile().deleteOnExit();
            return link;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            listener.event(
                    "cannot link "
                            + file
                            + " ("
                            + e.getMessage()
                            + "): "
                            + host
                            + " is shown without its next days");
            return file;
        }
    }

    /** Turns the host's link to its next day file, atomically (a follower never sees no file). */
    private boolean turn(RemoteHost h, Path file) {
        Path link = h.link();
        if (link.equals(h.file())) {
            return false; // no link: the source stays with its day
        }
        Path fresh = link.resolveSibling("." + link.getFileName() + ".next");
        try {
            Files.deleteIfExists(fresh);
            Files.createSymbolicLink(fresh, file);
            Files.move(
                    fresh,
                    link,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            h.nextDay(file);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            listener.event(
                    "cannot go on with " + file + " for " + h.host() + ": " + e.getMessage());
            return false;
        }
    }

    private void followWhenReady(RemoteHost h) {
        OpenSource s = h.source();
        if (!closed && s.state() == OpenSource.State.READY && h.startFollowing()) {
            workspace.follow(s, true);
        }
    }

    /** The receiver's lines: the first of a day file opens it (the file is written already). */
    private final class Arrivals implements RemoteListener {
        @Override
        public void lines(List<RemoteLine> batch) {
            if (batch.isEmpty()) {
                return;
            }
            RemoteLine first = batch.get(0);
            Path file = Path.of(first.line().source()).toAbsolutePath().normalize();
            RemoteHost h = byHost.get(first.host());
            if (h == null || !h.file().equals(file)) {
                found(first.host(), file, first.line().offset());
            }
        }

        @Override
        public void event(String message) {
            // the receiver logs through RemoteService's log, which is listener::event already
        }
    }

    /** Follows a host's source once it is indexed; forgets it when the user closes it. */
    private final class Sources implements WorkspaceListener {
        @Override
        public void changed(OpenSource s) {
            RemoteHost h = bySource.get(s);
            if (h != null) {
                followWhenReady(h);
            }
        }

        @Override
        public void removed(OpenSource s) {
            bySource.remove(s); // the host stays known: a closed host does not come back
        }
    }

    // ---- alerts --------------------------------------------------------------------------------

    /** Looks at each newly classified line of a host for attacks (and violations). */
    private final class Verdicts implements Classifications.Listener {
        @Override
        public void progressed(Classification c) {
            RemoteHost h = bySource.get(c.source());
            if (h != null && !closed) {
                scan(h, c.classified());
            }
        }

        @Override
        public void summarized(Classification c) {}

        @Override
        public void failed(Classification c, String message) {}
    }

    private void scan(RemoteHost h, ClassifiedSource cs) {
        boolean violations = alertViolations;
        synchronized (h) {
            long n = cs.classifiedCount();
            for (long i = h.scanned(); i < n; i++) {
                Verdict v = cs.verdict(i);
                if (!AlertSettings.alerts(v, violations)) {
                    continue;
                }
                if (!news(cs.source(), i, h.alertFrom())) {
                    continue; // in the file before listening began
                }
                String text;
                try {
                    text = cs.source().line(i);
                } catch (IOException | RuntimeException e) {
                    text = "(line " + (i + 1) + " of " + h.file() + ")";
                }
                batcher.add(new Alert(h, i, v, text));
            }
            h.scanned(Math.max(h.scanned(), n));
        }
    }

    /**
     * Whether line {@code i} came after byte {@code from} of the file: followed lines always did
     * (their offsets are in the follower's private copy), indexed ones tell by their offset.
     */
    private static boolean news(LineSource lines, long i, long from) {
        if (lines instanceof FollowedSource f && i >= f.baseLineCount()) {
            return true;
        }
        return lines.offset(i) >= from;
    }

    // ---- counters ------------------------------------------------------------------------------

    private void updateCounters() {
        try {
            ReceiverStatus st = status();
            Map<String, ReceiverStatus.Host> counted = new HashMap<>();
            if (st != null) {
                st.hosts().forEach(x -> counted.put(x.host(), x));
            }
            for (RemoteHost h : byHost.values()) {
                ReceiverStatus.Host c = counted.get(h.host());
                h.counters(c != null ? c : fromFile(h));
            }
            listener.countersChanged();
        } catch (RuntimeException e) {
            listener.event("cannot update the remote hosts' counters: " + e.getMessage());
        }
    }

    private ReceiverStatus status() {
        if (service != null) {
            return service.receiver().status();
        }
        if (statusFile != null && Files.isReadable(statusFile)) {
            try {
                return StatusFile.read(statusFile);
            } catch (IOException e) {
                return null; // being replaced, or not ours to read: the files still count
            }
        }
        return null;
    }

    private static ReceiverStatus.Host fromFile(RemoteHost h) {
        var lines = h.source().lines();
        Instant last = null;
        try {
            last = Files.getLastModifiedTime(h.file()).toInstant();
        } catch (IOException e) {
            // gone: no time
        }
        return new ReceiverStatus.Host(
                h.host(),
                "",
                lines == null ? 0 : lines.lineCount(),
                lines == null ? 0 : lines.size(),
                -1,
                0,
                last,
                -1);
    }

    /**
     * Stops receiving (or watching the spool); the hosts' sources stay open with their lines and
     * stop following.
     */
    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        if (service != null) {
            service.close();
        }
        timer.shutdownNow();
        try {
            workspaceSubscription.close();
            classificationSubscription.close();
        } catch (Exception e) {
            // removing listeners cannot fail
        }
        for (RemoteHost h : byHost.values()) {
            if (!h.source().closed()) {
                workspace.follow(h.source(), false);
            }
        }
    }
}
