package dev.logsentry.core.check;

import java.util.List;

/**
 * One section of a report, in report order.
 *
 * @param kind ATTACK, VIOLATION or UNUSUAL
 * @param heading the heading as printed
 * @param ruleFile the rule file behind the section (empty for system events and classic)
 * @param lines the lines, in the order logcheck prints them
 */
public record Section(Verdict kind, String heading, String ruleFile, List<ReportedLine> lines) {

    public Section {
        // a spilled section is read back from disk when iterated: never copied into memory
        lines = lines instanceof SectionStore.SpilledLines ? lines : List.copyOf(lines);
    }
}
