package dev.logsentry.core.check.health;

import java.nio.file.Path;
import java.util.List;

/**
 * One finding of a rule-set health check, naming the rule by file and line.
 *
 * @param kind what was found
 * @param file the rule file
 * @param line the rule's 1-based line in it (0 for the whole file)
 * @param pattern the rule as written (empty for file problems)
 * @param message the finding in words, with the other rule involved where there is one
 * @param examples indexes of loaded lines that show it (at most a few), possibly empty
 */
public record HealthFinding(
        Kind kind, Path file, int line, String pattern, String message, List<Integer> examples) {

    /** Kinds of findings, most serious first. */
    public enum Kind {
        /** grep -E rejects the rule: logcheck fails on the whole file. */
        DOES_NOT_COMPILE(true),
        /** A cracking.ignore.d rule drops a line a cracking rule reports as an attack. */
        HIDES_ATTACK(true),
        /** A rule matches almost every loaded line. */
        MATCHES_ALMOST_EVERYTHING(true),
        /** A back-reference rule ran out of its time budget. */
        TIME_BUDGET(true),
        /**
         * A violations.ignore.d rule drops a line a violations rule reports (what such files are
         * for, so not serious: the finding lists what is dropped, for review).
         */
        HIDES_SECURITY_EVENT(false),
        /** The same pattern twice in one category. */
        DUPLICATE(false),
        /** Every line the rule matches is already decided by an earlier rule. */
        SHADOWED(false),
        /** The rule matches none of the loaded lines. */
        MATCHES_NOTHING(false),
        /** Among the rules that cost the most time per line. */
        EXPENSIVE(false);

        private final boolean serious;

        Kind(boolean serious) {
            this.serious = serious;
        }

        /** Whether {@code rules lint} fails on it. */
        public boolean serious() {
            return serious;
        }
    }

    public HealthFinding {
        examples = List.copyOf(examples);
    }

    /** {@code file:line: kind: message}, as compilers print findings. */
    public String describe() {
        return file
                + ":"
                + line
                + ": "
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ": "
                + message;
    }
}
