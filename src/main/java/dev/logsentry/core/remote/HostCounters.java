package dev.logsentry.core.remote;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of one sending host; updated by its connections, read for the status. */
final class HostCounters {
    final String host;
    final LongAdder lines = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicLong lastReceivedMillis = new AtomicLong(-1);
    final AtomicLong lagMillis = new AtomicLong(0);
    volatile String peer = "";

    HostCounters(String host) {
        this.host = host;
    }

    void received(int n, long b, Instant now, Instant newestSent) {
        lines.add(n);
        bytes.add(b);
        lastReceivedMillis.set(now.toEpochMilli());
        if (newestSent != null) {
            lagMillis.set(Math.max(0, now.toEpochMilli() - newestSent.toEpochMilli()));
        }
    }

    ReceiverStatus.Host snapshot() {
        long last = lastReceivedMillis.get();
        return new ReceiverStatus.Host(
                host,
                peer,
                lines.sum(),
                bytes.sum(),
                rejected.sum(),
                connections.get(),
                last < 0 ? null : Instant.ofEpochMilli(last),
                lagMillis.get());
    }
}
