package dev.logsentry.core.remote;

import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Classifies spooled lines with the {@code check} engine and hands them to the listeners, one call
 * at a time and in the order each connection spooled them.
 *
 * <p>A connection classifies its own batch and, when no delivery is running or waiting, calls the
 * listeners itself (the usual case: listeners return quickly); otherwise the batch waits in a
 * bounded queue that one thread of its own drains. A connection that finds the queue full waits in
 * {@link #put} and so stops reading from its socket, and TCP slows the sender down. Nothing is
 * dropped. With no listener at all nothing would use a verdict, so nothing is classified (the line
 * is in the spool already, where {@code check} reads it).
 *
 * <p>Why not always through the queue: with a hundred connection threads on two cores the one
 * thread behind the queue got a hundredth of the CPU, so the queue stayed full, held about 70 MB of
 * parsed lines, and the collector spent as much CPU copying them as the receiving took.
 */
final class LiveClassifier implements AutoCloseable {
    /**
     * Lines of one host as spooled together: {@code lines} is the connection's buffer, read only
     * during {@link #put} (it is reused for the next batch).
     */
    record Batch(
            String host,
            String peer,
            Instant received,
            SpoolLine.Writer lines,
            String file,
            long offset) {}

    private static final List<RemoteLine> STOP = new ArrayList<>();

    private final Classifier classifier;
    private final BlockingQueue<List<RemoteLine>> queue;
    private final List<RemoteListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong queuedLines = new AtomicLong();
    private final Consumer<String> log;
    private final Thread worker;

    /** Held while listeners are called: one delivery at a time. */
    private final ReentrantLock delivering = new ReentrantLock();

    /**
     * Batches queued or being delivered from the queue: counted up before the put, down after the
     * delivery (with {@link #delivering} held, as the check for the direct path is).
     */
    private final AtomicInteger pending = new AtomicInteger();

    LiveClassifier(Classifier classifier, int capacity, Consumer<String> log) {
        this.classifier = classifier;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.log = log;
        this.worker = new Thread(this::run, "logsentry-listeners");
        worker.setDaemon(true);
        worker.start();
    }

    void addListener(RemoteListener l) {
        listeners.add(l);
    }

    void removeListener(RemoteListener l) {
        listeners.remove(l);
    }

    List<RemoteListener> listeners() {
        return listeners;
    }

    /**
     * Classifies a batch on the calling thread and delivers it, here or through the queue, waiting
     * while the queue is full (this is the back-pressure).
     */
    void put(Batch b) throws InterruptedException {
        if (listeners.isEmpty()) {
            return; // nobody to tell; the spool has the lines
        }
        SpoolLine.Writer w = b.lines();
        int n = w.lines();
        List<InputLine> lines = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int from = w.start(k);
            // the line without its newline: one string, the classifier's input and the listener's
            lines.add(
                    InputLine.ofBytes(
                            b.file(), b.offset() + from, w.bytes(), from, w.start(k + 1) - 1));
        }
        RemoteLine[] out = new RemoteLine[n];
        // the checker's batch path: an ignored line's deciding rule is not looked up (that costs
        // regex runs per line); attack and violation lines name theirs, which is what alerts show
        classifier.classifyBatch(
                lines,
                false,
                (i, alone, ifAttack) ->
                        out[i] =
                                new RemoteLine(
                                        b.host(), b.peer(), b.received(), lines.get(i), alone));
        List<RemoteLine> batch = Arrays.asList(out);
        // deliver here when nothing is queued or being delivered from the queue: a batch of this
        // connection that went through the queue is then delivered already, so the order holds
        if (delivering.tryLock()) {
            try {
                if (pending.get() == 0) {
                    deliver(batch);
                    return;
                }
            } finally {
                delivering.unlock();
            }
        }
        pending.incrementAndGet(); // before the put: this connection's next batch queues too
        queuedLines.addAndGet(n);
        queue.put(batch);
    }

    /** Lines waiting for the listeners. */
    long queued() {
        return queuedLines.get();
    }

    private void run() {
        while (true) {
            List<RemoteLine> out;
            try {
                out = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (out == STOP) {
                return;
            }
            delivering.lock();
            try {
                deliver(out);
                pending.decrementAndGet(); // after the delivery, under the lock the check holds
            } finally {
                delivering.unlock();
            }
            queuedLines.addAndGet(-out.size());
        }
    }

    /** Calls the listeners; the caller holds {@link #delivering}. */
    private void deliver(List<RemoteLine> batch) {
        for (RemoteListener l : listeners) {
            try {
                l.lines(batch);
            } catch (RuntimeException e) {
                log.accept("a live listener failed and was skipped for this batch: " + e);
            }
        }
    }

    /** Hands what is queued to the listeners, then stops. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
