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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Classifies spooled lines with the {@code check} engine and hands them to the listeners, on one
 * thread of its own. The queue in front of it is bounded: a connection that finds it full waits in
 * {@link #put} and so stops reading from its socket, and TCP slows the sender down. Nothing is
 * dropped.
 */
final class LiveClassifier implements AutoCloseable {
    /** Lines of one host as spooled together. */
    record Batch(
            String host,
            String peer,
            Instant received,
            List<SyslogMessage> messages,
            List<byte[]> lines,
            String file,
            long offset) {}

    private static final List<RemoteLine> STOP = new ArrayList<>();

    private final Classifier classifier;
    private final BlockingQueue<List<RemoteLine>> queue;
    private final List<RemoteListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong queuedLines = new AtomicLong();
    private final Consumer<String> log;
    private final Thread worker;

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
     * Classifies a batch on the calling thread and queues it for the listeners, waiting while the
     * queue is full (this is the back-pressure).
     */
    void put(Batch b) throws InterruptedException {
        int n = b.lines().size();
        List<InputLine> lines = new ArrayList<>(n);
        long offset = b.offset();
        for (byte[] bytes : b.lines()) {
            lines.add(InputLine.ofBytes(b.file(), offset, bytes));
            offset += bytes.length + 1;
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
                                        b.host(),
                                        b.peer(),
                                        b.received(),
                                        b.messages().get(i),
                                        lines.get(i),
                                        alone));
        queuedLines.addAndGet(n);
        queue.put(Arrays.asList(out));
    }

    /** Lines waiting for classification. */
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
            for (RemoteListener l : listeners) {
                try {
                    l.lines(out);
                } catch (RuntimeException e) {
                    log.accept("a live listener failed and was skipped for this batch: " + e);
                }
            }
            queuedLines.addAndGet(-out.size());
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
