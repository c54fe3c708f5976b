package dev.logsentry.core.workspace.remote;

import dev.logsentry.core.remote.ReceiverStatus;
import dev.logsentry.core.workspace.OpenSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One remote host as a live source of the workspace: the source that shows it (followed as lines
 * arrive), the day files of the spool it has shown so far ({@code SPOOL/HOST/YYYY-MM-DD.log}, one
 * per day: at midnight the source goes on with the next one), the byte offset of the first file
 * from which its attack lines are news (older lines were there before listening began), and the
 * host's counters.
 */
public final class RemoteHost {
    private final String host;
    private final List<Path> files = new CopyOnWriteArrayList<>();
    private final Path link;
    private final OpenSource source;
    private final long alertFrom;
    private final AtomicBoolean followStarted = new AtomicBoolean();
    private volatile ReceiverStatus.Host counters;
    private long scanned; // guarded by this: lines looked at for alerts

    RemoteHost(String host, Path file, Path link, OpenSource source, long alertFrom) {
        this.host = host;
        this.files.add(file);
        this.link = link;
        this.source = source;
        this.alertFrom = alertFrom;
        this.counters = new ReceiverStatus.Host(host, "", 0, 0, 0, 0, null, 0);
    }

    /** The host's name as spooled (its directory). */
    public String host() {
        return host;
    }

    /** The day file being followed now, {@code SPOOL/HOST/YYYY-MM-DD.log}. */
    public Path file() {
        return files.get(files.size() - 1);
    }

    /** Every day file the source has shown, oldest first (the last is {@link #file()}). */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** The link the source follows: it names {@link #file()}, and the next day file at midnight. */
    Path link() {
        return link;
    }

    void nextDay(Path file) {
        files.add(file);
    }

    /** The workspace source showing the file. */
    public OpenSource source() {
        return source;
    }

    /**
     * Lines, bytes, rejected frames, connections and lag of the host; {@code rejected} and {@code
     * lagMillis} are -1 when unknown (a spool followed without the service's status file).
     */
    public ReceiverStatus.Host counters() {
        return counters;
    }

    void counters(ReceiverStatus.Host c) {
        counters = c;
    }

    long alertFrom() {
        return alertFrom;
    }

    /** True the first time only: the source is followed once, then left to the user. */
    boolean startFollowing() {
        return followStarted.compareAndSet(false, true);
    }

    long scanned() {
        return scanned;
    }

    void scanned(long n) {
        scanned = n;
    }

    @Override
    public String toString() {
        return host + " (" + file() + ")";
    }
}
