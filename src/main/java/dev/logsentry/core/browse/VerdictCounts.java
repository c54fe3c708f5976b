package dev.logsentry.core.browse;

import dev.logsentry.core.check.Verdict;

/**
 * How many classified lines got each verdict: what the status bar shows. Marker lines of a followed
 * source (rotation, truncation) have no verdict and are not counted.
 */
public record VerdictCounts(long attack, long violation, long unusual, long ignored) {

    /** No lines at all. */
    public static final VerdictCounts ZERO = new VerdictCounts(0, 0, 0, 0);

    /** The count of {@code verdict}. */
    public long get(Verdict verdict) {
        return switch (verdict) {
            case ATTACK -> attack;
            case VIOLATION -> violation;
            case UNUSUAL -> unusual;
            case IGNORED -> ignored;
        };
    }

    /** Lines with a verdict. */
    public long total() {
        return attack + violation + unusual + ignored;
    }

    /** Lines a logcheck report would show: attacks, violations and unusual events. */
    public long reportable() {
        return attack + violation + unusual;
    }
}
