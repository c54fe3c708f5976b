package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a backtracking java.util.regex match under a time budget. Only rules with a back-reference
 * need the regex engine (everything else runs on the linear automata), and a back-reference makes
 * matching NP-hard: {@code (a+)+\1$} on a long line would run for ages. The line is handed to the
 * regex as a {@link CharSequence} that checks the clock every few thousand reads and stops the
 * match with {@link Exceeded}, which names the rule.
 */
public final class RegexBudget {

    /** Thrown when a rule's regex ran out of time; names the rule. */
    public static final class Exceeded extends RuntimeException {
        private final transient Rule rule;

        Exceeded(Rule rule, long millis) {
            super(
                    (rule == null ? "a rule" : rule.location() + ": " + rule.source())
                            + " needed more than "
                            + millis
                            + " ms of backtracking on one line and was stopped");
            this.rule = rule;
        }

        /** The rule that hit the budget (null when unknown). */
        public Rule rule() {
            return rule;
        }
    }

    private final long nanos;

    /** A budget of {@code millis} per line. */
    public RegexBudget(long millis) {
        this.nanos = millis * 1_000_000L;
    }

    /** Whether {@code pattern} matches somewhere in {@code line}, within the budget. */
    public boolean find(Rule rule, Pattern pattern, String line) {
        Matcher m = pattern.matcher(new Clocked(line, System.nanoTime() + nanos, rule, nanos));
        try {
            // a huge line may overflow the stack: PatternMatch retries it on a big stack
            return PatternMatch.find(m);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof Exceeded exceeded) {
                throw exceeded;
            }
            throw e;
        }
    }

    /** A matcher over {@code line} that stops when the budget is spent (spans, many finds). */
    public Matcher matcher(Rule rule, Pattern pattern, String line) {
        return pattern.matcher(new Clocked(line, System.nanoTime() + nanos, rule, nanos));
    }

    private static final class Clocked implements CharSequence {
        private final String text;
        private final long deadline;
        private final Rule rule;
        private final long budget;
        private int reads;

        Clocked(String text, long deadline, Rule rule, long budget) {
            this.text = text;
            this.deadline = deadline;
            this.rule = rule;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 4095) == 0 && System.nanoTime() > deadline) {
                throw new Exceeded(rule, budget / 1_000_000L);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
