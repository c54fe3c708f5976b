package dev.logsentry.core.summary;

import java.util.List;

/**
 * What one service found in the logs.
 *
 * @param name the service name
 * @param title its heading
 * @param lines lines the service claimed
 * @param facts single numbers, shown first
 * @param sections counted breakdowns, in the service file's order
 * @param series charts over time (HTML only)
 * @param unmatched lines claimed but read by no rule (logwatch's "Unmatched Entries"), text and
 *     where it is; the first {@link #MAX_UNMATCHED} only, so a flood of odd lines cannot exhaust
 *     the memory
 * @param unmatchedMore how many more unmatched lines there were
 */
public record ServiceSummary(
        String name,
        String title,
        long lines,
        List<Fact> facts,
        List<Section> sections,
        List<Series> series,
        List<Unmatched> unmatched,
        long unmatchedMore) {

    /** Unmatched lines kept per service. */
    public static final int MAX_UNMATCHED = 1000;

    /** A line the service claimed but could not read. */
    public record Unmatched(String text, int source, long line) {}

    /** The section with this id, or null. */
    public Section section(String id) {
        for (Section s : sections) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether there is nothing to report: no line claimed, or every claimed line known noise (an
     * sshd that only logged its pam_unix sessions). logwatch prints no section then, nor do we.
     */
    public boolean isEmpty() {
        return lines == 0
                || (facts.isEmpty()
                        && series.isEmpty()
                        && unmatched.isEmpty()
                        && unmatchedMore == 0
                        && sections.stream().allMatch(s -> s.total() == 0));
    }
}
