package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;

/**
 * A report section a line is put in, and the rule that put it there.
 *
 * @param kind ATTACK, VIOLATION or UNUSUAL
 * @param heading the section heading as printed ("Security Alerts for kernel")
 * @param ruleFile the rule file name behind the section (empty for system events)
 * @param rule the first rule of that file matching the line; null for UNUSUAL
 */
public record Placement(Verdict kind, String heading, String ruleFile, Rule rule) {}
