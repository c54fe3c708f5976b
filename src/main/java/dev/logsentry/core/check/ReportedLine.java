package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;

/**
 * A line in a report section with the rule that put it there (null in system events, where no rule
 * matched).
 */
public record ReportedLine(InputLine line, Rule rule) {}
