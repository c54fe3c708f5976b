package dev.logsentry.core.workspace;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.TimeHistogram;
import java.io.IOException;

/**
 * The classification of one open source: runs {@link ClassifiedSource#classify} in the background
 * again each time the source grows (it waits on the source's changes, no blind polling), then
 * computes the timeline and the per-rule counts. Its {@link Classifications.Listener} is called on
 * the worker thread.
 */
public final class Classification {
    private final OpenSource source;
    private final ClassifiedSource classified;
    private final Classifications.Listener listener;
    private final int threads;
    private volatile boolean cancelled;
    private volatile double fraction;
    private volatile TimeHistogram histogram;
    private volatile long[] ruleCounts;
    private long summarizedLines = -1;
    private long summarizedAt = System.nanoTime() - 60_000_000_000L;
    private long summaryCost;

    Classification(
            OpenSource source,
            ClassifiedSource classified,
            int threads,
            Classifications.Listener listener) {
        this.source = source;
        this.classified = classified;
        this.threads = threads;
        this.listener = listener;
    }

    public OpenSource source() {
        return source;
    }

    public ClassifiedSource classified() {
        return classified;
    }

    /**
     * The timeline, once the source is fully classified (for a followed source: as of the last
     * lines classified, recounted as it grows); else null.
     */
    public TimeHistogram histogram() {
        return histogram;
    }

    /** Lines decided per rule id, once the source is fully classified; else null. */
    public long[] ruleCounts() {
        return ruleCounts;
    }

    /** The share of the known lines classified, 0 to 1. */
    public double fraction() {
        return fraction;
    }

    /** Whether it was stopped (the source closed, or the rules changed). */
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
        source.signal();
    }

    void run() {
        try {
            while (!cancelled) {
                long seen = source.version();
                boolean growing = source.growing();
                var result =
                        classified.classify(
                                (done, total) -> progress(total == 0 ? 1 : (double) done / total),
                                () -> cancelled);
                if (result.error().isPresent()) {
                    listener.failed(this, result.error().get());
                    return; // the lines classified so far keep their verdicts
                }
                progress(1);
                if (!growing && classified.upToDate()) {
                    summarize();
                    return;
                }
                if (classified.upToDate() && due()) {
                    // a followed source: the timeline and counts follow it too, at most every
                    // few times the last summary took, so a big log is not recounted all the time
                    summarize();
                }
                source.awaitChange(seen, 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            listener.failed(this, "Classifying " + source.path() + " failed: " + e);
        }
    }

    private void progress(double value) {
        fraction = value;
        if (!cancelled) {
            listener.progressed(this);
        }
    }

    /** Whether a followed source has new lines since the last summary, and it is time again. */
    private boolean due() {
        long lines = classified.classifiedCount();
        return lines != summarizedLines
                && System.nanoTime() - summarizedAt >= Math.max(1_000_000_000L, 4 * summaryCost);
    }

    private void summarize() {
        long started = System.nanoTime();
        summarizedLines = classified.classifiedCount();
        long[] counts = classified.ruleCounts();
        try {
            histogram =
                    TimeHistogram.compute(
                            classified,
                            SourceClock.of(classified.source()),
                            threads,
                            (done, total) -> {},
                            () -> cancelled);
        } catch (IOException e) {
            listener.failed(this, "No timeline for " + source.path() + ": " + e.getMessage());
        }
        ruleCounts = counts;
        summarizedAt = System.nanoTime();
        summaryCost = summarizedAt - started;
        if (!cancelled) {
            listener.summarized(this);
        }
    }
}
