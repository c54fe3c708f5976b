package dev.logsentry.core.browse;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import java.nio.file.Path;

/**
 * A rule that matches a line, and where: what the details pane lists and highlights.
 *
 * @param rule the rule (file, line number, pattern)
 * @param start start of the first match in the details text (chars), or -1 when it cannot be shown
 *     (a match beyond a very long line's limits)
 * @param end end (exclusive) of that match, or -1
 */
public record RuleHit(Rule rule, int start, int end) {

    public Category category() {
        return rule.category();
    }

    /** The rule file the rule was read from. */
    public Path file() {
        return rule.file();
    }

    /** 1-based line number of the rule in {@link #file()}. */
    public int fileLine() {
        return rule.line();
    }

    /** The regular expression as written in the rule file. */
    public String regex() {
        return rule.source();
    }

    /** Whether {@link #start()} and {@link #end()} give a span to highlight. */
    public boolean hasSpan() {
        return start >= 0;
    }
}
