package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one host (or of all hosts together) in one reader: one accumulator per pattern
 * service and how many lines were in range (dnscache lines go to a {@link DnscacheOrder}). Readers'
 * counts are merged in input order.
 */
final class HostCounts {
    final PatternService.Accumulator[] services;
    long inRange;

    HostCounts(List<PatternService> patterns, boolean trackLines) {
        this(patterns, trackLines, false);
    }

    /** {@code javaOnly}: every message by {@code java.util.regex} (the reference path). */
    HostCounts(List<PatternService> patterns, boolean trackLines, boolean javaOnly) {
        services = new PatternService.Accumulator[patterns.size()];
        for (int i = 0; i < services.length; i++) {
            services[i] = patterns.get(i).accumulator(trackLines);
            if (javaOnly) {
                services[i].javaOnly();
            }
        }
    }

    void merge(HostCounts o) {
        inRange += o.inRange;
        for (int i = 0; i < services.length; i++) {
            services[i].merge(o.services[i]);
        }
    }

    /** All the services' lines, for the order test. */
    List<Long> lineCounts() {
        List<Long> out = new ArrayList<>();
        for (PatternService.Accumulator a : services) {
            out.add(a.lines());
        }
        return out;
    }
}
