package dev.logsentry.core.summary;

/**
 * One counted part of a service's summary ("Users logging in through sshd"): its total and the
 * breakdown under {@link #tally()}.
 *
 * @param id the group id from the service file
 * @param title the heading
 * @param keys names of the breakdown levels (for tables and HTML headings)
 * @param tally the counts; its root holds the total
 * @param hasSum whether {@link Tally#sum()} means something (bytes)
 * @param chart whether HTML draws the first level as bars
 */
public record Section(
        String id,
        String title,
        java.util.List<String> keys,
        Tally tally,
        boolean hasSum,
        boolean chart) {

    /** The total count. */
    public long total() {
        return tally.count();
    }
}
