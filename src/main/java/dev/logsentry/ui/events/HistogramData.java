package dev.logsentry.ui.events;

import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.core.check.Verdict;
import java.time.Instant;

/** The core {@link TimeHistogram} as the timeline control's data. */
record HistogramData(TimeHistogram h) implements TimelineData {
    @Override
    public int buckets() {
        return h.bucketCount();
    }

    @Override
    public Instant bucketStart(int b) {
        return b >= h.bucketCount() ? h.end() : h.bucketStart(b);
    }

    @Override
    public long count(int bucket, Verdict verdict) {
        return h.count(bucket, verdict);
    }
}
