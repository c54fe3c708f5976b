package dev.logsentry.core.workspace.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * At most one alert digest per window: the first alert after a quiet window goes out at once, those
 * that follow within the window are gathered and go out as one digest when it ends (their count and
 * hosts), so a flood of attack lines raises one notification every few seconds, not thousands.
 */
final class AlertBatcher {
    private final long windowNanos;
    private final ScheduledExecutorService timer;
    private final Consumer<RemoteHosts.AlertDigest> out;
    private final LongSupplier clock;
    private final List<RemoteHosts.Alert> pending = new ArrayList<>(); // guarded by this
    private long lastSent = Long.MIN_VALUE; // guarded by this
    private boolean scheduled; // guarded by this

    AlertBatcher(
            Duration window,
            ScheduledExecutorService timer,
            Consumer<RemoteHosts.AlertDigest> out,
            LongSupplier clock) {
        this.windowNanos = window.toNanos();
        this.timer = timer;
        this.out = out;
        this.clock = clock;
    }

    void add(RemoteHosts.Alert a) {
        RemoteHosts.AlertDigest now = null;
        synchronized (this) {
            pending.add(a);
            long t = clock.getAsLong();
            if (!scheduled) {
                if (lastSent == Long.MIN_VALUE || t - lastSent >= windowNanos) {
                    now = take(t);
                } else {
                    scheduled = true;
                    timer.schedule(this::flush, lastSent + windowNanos - t, TimeUnit.NANOSECONDS);
                }
            }
        }
        if (now != null) {
            out.accept(now);
        }
    }

    /** The end of a window: what gathered goes out (the timer calls it; tests too). */
    void flush() {
        RemoteHosts.AlertDigest d;
        synchronized (this) {
            scheduled = false;
            if (pending.isEmpty()) {
                return;
            }
            d = take(clock.getAsLong());
        }
        out.accept(d);
    }

    private RemoteHosts.AlertDigest take(long t) {
        TreeSet<String> hosts = new TreeSet<>();
        pending.forEach(a -> hosts.add(a.host().host()));
        RemoteHosts.AlertDigest d =
                new RemoteHosts.AlertDigest(pending.size(), List.copyOf(hosts), pending.get(0));
        pending.clear();
        lastSent = t;
        return d;
    }
}
