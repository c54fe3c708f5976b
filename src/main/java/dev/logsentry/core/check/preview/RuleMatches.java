package dev.logsentry.core.check.preview;

import dev.logsentry.core.rules.Rule;

/**
 * The lines one rule matches among the loaded lines.
 *
 * @param rule the rule as compiled for the preview
 * @param lineCount how many lines there are
 * @param matching the indexes of the matching lines, ascending
 * @param budgetHit a message naming the rule when its back-reference regex ran out of time (the
 *     scan stopped there: {@code matching} is then incomplete), else null
 */
public record RuleMatches(Rule rule, int lineCount, int[] matching, String budgetHit) {

    /** How many lines match. */
    public int count() {
        return matching.length;
    }

    /** Whether the result covers every line. */
    public boolean complete() {
        return budgetHit == null;
    }
}
