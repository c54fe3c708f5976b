package dev.logsentry.core.browse;

/**
 * Receives progress from a background job of this package (classification, filtering, histogram,
 * export). Called on the job's thread, at most every few thousand lines; adapt it to the UI thread
 * yourself.
 */
@FunctionalInterface
public interface Progress {
    /** Ignores progress. */
    Progress NONE = (done, total) -> {};

    /**
     * @param done lines (or items) done so far
     * @param total lines (or items) to do in all, as known when the job started
     */
    void update(long done, long total);
}
