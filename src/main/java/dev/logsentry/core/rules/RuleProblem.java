package dev.logsentry.core.rules;

import java.nio.file.Path;

/**
 * A rule that could not be used, with where it came from: a pattern that does not compile, or a
 * rule file that cannot be read ({@code line} is 0 then). The other rules still run.
 *
 * @param file the rule file
 * @param line 1-based line number in that file, 0 when the whole file is concerned
 * @param source the offending pattern text (empty for file problems)
 * @param message what is wrong, in words
 */
public record RuleProblem(Path file, int line, String source, String message) {

    /** {@code file:line: message} as compilers print it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message + (source.isEmpty() ? "" : " in: " + source);
    }
}
