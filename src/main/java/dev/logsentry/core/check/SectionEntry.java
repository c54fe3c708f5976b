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
 * @param head the key's first 8 bytes, big-endian, zero past its end (0 when not keyed)
 * @param next the key's bytes 8 to 16 likewise: a classic syslog key has 15
 */
record SectionEntry(
        long seq,
        InputLine line,
        Rule rule,
        boolean conditional,
        int keyEnd,
        long head,
        long next) {

    static SectionEntry of(
            long seq, InputLine line, Rule rule, boolean conditional, boolean keyed) {
        if (!keyed) {
            return new SectionEntry(seq, line, rule, conditional, -1, 0, 0);
        }
        String text = line.latin1();
        int end = LogcheckOrder.keyEnd(text);
        return new SectionEntry(
                seq,
                line,
                rule,
                conditional,
                end,
                LogcheckOrder.pack(text, 0, end),
                LogcheckOrder.pack(text, 8, end));
    }

    /**
     * Orders entries by their {@code sort -k 1,3} keys as unsigned bytes (not by {@link #seq}):
     * mostly two comparisons of packed bytes.
     */
    static int compareKeys(SectionEntry a, SectionEntry b) {
        if (a.head != b.head) {
            return Long.compareUnsigned(a.head, b.head);
        }
        if (a.next != b.next) {
            return Long.compareUnsigned(a.next, b.next);
        }
        return LogcheckOrder.compareKeys(a.line.latin1(), a.keyEnd, b.line.latin1(), b.keyEnd);
    }

    /** Bytes this entry holds in memory, roughly: the text and the objects around it. */
    long weight() {
        return line.latin1().length() + 128L;
    }
}
