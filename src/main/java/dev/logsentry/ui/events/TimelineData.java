package dev.logsentry.ui.events;

import dev.logsentry.core.check.Verdict;
import java.time.Instant;

/** What the timeline draws: counts per time bucket and verdict. */
public interface TimelineData {
    int buckets();

    /** Start of bucket {@code b}; {@code bucketStart(buckets())} is the end of the last one. */
    Instant bucketStart(int b);

    long count(int bucket, Verdict verdict);

    default long total(int bucket) {
        long n = 0;
        for (Verdict v : Verdict.values()) {
            n += count(bucket, v);
        }
        return n;
    }
}
