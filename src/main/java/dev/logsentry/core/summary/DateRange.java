package dev.logsentry.core.summary;

import java.time.Instant;

/**
 * The time a summary covers, resolved from a logwatch {@code --range}: everything, or the periods
 * from {@code start} (inclusive) to {@code end} (exclusive). logwatch matches a line when its date
 * falls in one of the periods between the two dates; consecutive periods make one interval, so one
 * interval is enough.
 *
 * @param text the range as given
 * @param all no limit ({@code --range All})
 * @param start first instant inside, or null when {@code all}
 * @param end first instant after, or null when {@code all}
 * @param period the resolution ("day", "hour", ...)
 */
public record DateRange(String text, boolean all, Instant start, Instant end, String period) {

    /** Everything. */
    public static DateRange everything() {
        return new DateRange("all", true, null, null, "all");
    }

    /**
     * Whether a line with this time is inside. A line without a time (an unlabelled dnscache log, a
     * line with a broken header) is inside only {@code all}, as logwatch's date filter drops it.
     */
    public boolean contains(Instant t) {
        if (all) {
            return true;
        }
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }

    /** Whether a file last written at {@code lastModified} can hold lines in the range. */
    public boolean mayContainFileModifiedAt(Instant lastModified) {
        return all || !lastModified.isBefore(start);
    }

    /** How the header shows it. */
    public String describe() {
        return all ? "all" : text + " (" + start + " to " + end + ")";
    }
}
