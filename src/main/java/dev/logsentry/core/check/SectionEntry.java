package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;

/**
 * A line placed in a report section during a streamed run.
 *
 * @param seq the line's position in the run's input (ties in the sort keep this order)
 * @param line the line as read (not yet stripped)
 * @param rule the rule that placed it, null for system events
 * @param conditional a violations line that a cracking rule also matches: dropped when the run
 *     reported an attack (logcheck's only dependency between lines)
 * @param keyEnd end of the {@code sort -k 1,3} key, or -1 when the profile does not sort so
 */
record SectionEntry(long seq, InputLine line, Rule rule, boolean conditional, int keyEnd) {

    static SectionEntry of(
            long seq, InputLine line, Rule rule, boolean conditional, boolean keyed) {
        return new SectionEntry(
                seq, line, rule, conditional, keyed ? LogcheckOrder.keyEnd(line.latin1()) : -1);
    }

    /** Bytes this entry holds in memory, roughly: the text and the objects around it. */
    long weight() {
        return line.latin1().length() + 128L;
    }
}
