package dev.logsentry.core.rules.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable copy of a rule file's lines with its rules picked out as logcheck reads them
 * (comments and blank lines dropped), each with its line number and the sample lines written above
 * it. What previews, lint and {@code rules test} work on, on any thread.
 *
 * <p>Sample lines: every {@code # sample: <line>} comment belongs to the next rule line below it;
 * other comments in between are allowed, a blank line ends the run of samples. The text after
 * {@code "# sample: "} is the log line, exactly (trailing white space included).
 *
 * @param file the file the lines belong to
 * @param lines every line, in order
 * @param rules the rules, in file order
 */
public record RuleFileSnapshot(Path file, List<String> lines, List<Entry> rules) {

    /**
     * One rule of the file.
     *
     * @param line 1-based line number
     * @param pattern the rule as written
     * @param samples the sample log lines written above it
     * @param sampleLines the line numbers of those samples
     */
    public record Entry(int line, String pattern, List<String> samples, List<Integer> sampleLines) {
        public Entry {
            samples = List.copyOf(samples);
            sampleLines = List.copyOf(sampleLines);
        }
    }

    public RuleFileSnapshot {
        lines = List.copyOf(lines);
        rules = List.copyOf(rules);
    }

    /** Picks the rules and samples out of {@code lines}. */
    public static RuleFileSnapshot of(Path file, List<String> lines) {
        List<Entry> rules = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        List<Integer> sampleLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            switch (RuleDocument.kindOf(text)) {
                case SAMPLE -> {
                    String sample = text.substring("# sample:".length());
                    samples.add(sample.startsWith(" ") ? sample.substring(1) : sample);
                    sampleLines.add(i + 1);
                }
                case COMMENT -> {}
                case BLANK -> {
                    samples.clear();
                    sampleLines.clear();
                }
                case RULE -> {
                    rules.add(new Entry(i + 1, text, samples, sampleLines));
                    samples.clear();
                    sampleLines.clear();
                }
            }
        }
        return new RuleFileSnapshot(file, lines, rules);
    }

    /** The rule on line {@code line}, or null. */
    public Entry ruleAt(int line) {
        for (Entry e : rules) {
            if (e.line() == line) {
                return e;
            }
        }
        return null;
    }

    /** The patterns, in file order. */
    public List<String> patterns() {
        return rules.stream().map(Entry::pattern).toList();
    }
}
