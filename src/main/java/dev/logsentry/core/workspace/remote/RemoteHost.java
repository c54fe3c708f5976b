package dev.logsentry.core.workspace.remote;

import dev.logsentry.core.remote.ReceiverStatus;
import dev.logsentry.core.workspace.OpenSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One remote host's day file as a live source of the workspace: its spool file, the source that
 * shows it (followed as lines arrive), the byte offset from which its attack lines are news (older
 * lines of the file were there before listening began), and the host's counters.
 */
public final class RemoteHost {
    private final String host;
    private final Path file;
    private final OpenSource source;
    private final long alertFrom;
    private final AtomicBoolean followStarted = new AtomicBoolean();
    private volatile ReceiverStatus.Host counters;
    private long scanned; // guarded by this: lines looked at for alerts

    RemoteHost(String host, Path file, OpenSource source, long alertFrom) {
        this.host = host;
        this.file = file;
        this.source = source;
        this.alertFrom = alertFrom;
        this.counters = new ReceiverStatus.Host(host, "", 0, 0, 0, 0, null, 0);
    }

    /** The host's name as spooled (its directory). */
    public String host() {
        return host;
    }

    /** The day file {@code SPOOL/HOST/YYYY-MM-DD.log}. */
    public Path file() {
        return file;
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
        return host + " (" + file + ")";
    }
}
