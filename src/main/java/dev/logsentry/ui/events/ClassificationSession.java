package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * The classification of one open source: runs {@link ClassifiedSource#classify} in the background
 * again and again while the source's index grows, then computes the timeline and the per-rule
 * counts. Tells its {@link Listener} on the FX thread, coalescing progress so a large file cannot
 * flood the FX event queue.
 */
final class ClassificationSession {
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** What the session reports, always on the FX thread. */
    interface Listener {
        /** Classification advanced; {@code fraction} of the known lines is done. */
        void progressed(ClassificationSession session, double fraction);

        /** The timeline and rule counts are ready. */
        void summarized(ClassificationSession session);

        void failed(String message);
    }

    private final SourceItem item;
    private final ClassifiedSource classified;
    private final Listener listener;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile double fraction;
    private TimeHistogram histogram;
    private long[] ruleCounts;

    ClassificationSession(SourceItem item, ClassifiedSource classified, Listener listener) {
        this.item = item;
        this.classified = classified;
        this.listener = listener;
    }

    SourceItem item() {
        return item;
    }

    ClassifiedSource classified() {
        return classified;
    }

    /** The timeline, once the source is fully classified; else null. */
    TimeHistogram histogram() {
        return histogram;
    }

    /** Lines decided per rule id, once the source is fully classified; else null. */
    long[] ruleCounts() {
        return ruleCounts;
    }

    double fraction() {
        return fraction;
    }

    void start(ExecutorService background) {
        background.submit(this::run);
    }

    void cancel() {
        cancelled = true;
    }

    private void run() {
        try {
            while (!cancelled) {
                // still growing: being indexed, or followed (appended lines need verdicts too)
                boolean growing =
                        item.stateProperty().get() != SourceItem.State.READY
                                || item.followingProperty().get();
                var result =
                        classified.classify(
                                (done, total) -> publish(total == 0 ? 1 : (double) done / total),
                                () -> cancelled);
                if (result.error().isPresent()) {
                    String message = result.error().get();
                    Platform.runLater(() -> listener.failed(message));
                    return; // the lines classified so far keep their verdicts
                }
                publish(1);
                if (!growing && classified.upToDate()) {
                    summarize();
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Platform.runLater(
                    () -> listener.failed("Classifying " + item.path() + " failed: " + e));
        }
    }

    private void summarize() {
        long[] counts = classified.ruleCounts();
        TimeHistogram h = null;
        try {
            h =
                    TimeHistogram.compute(
                            classified,
                            SourceClock.of(classified.source()),
                            THREADS,
                            (done, total) -> {},
                            () -> cancelled);
        } catch (IOException e) {
            Platform.runLater(
                    () ->
                            listener.failed(
                                    "No timeline for " + item.path() + ": " + e.getMessage()));
        }
        TimeHistogram done = h;
        Platform.runLater(
                () -> {
                    histogram = done;
                    ruleCounts = counts;
                    listener.summarized(this);
                });
    }

    private void publish(double value) {
        fraction = value;
        if (!pending.compareAndSet(false, true)) {
            return; // an update is already queued: it reads the latest fraction
        }
        Platform.runLater(
                () -> {
                    pending.set(false);
                    listener.progressed(this, fraction);
                });
    }
}
