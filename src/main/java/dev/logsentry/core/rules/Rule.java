package dev.logsentry.core.rules;

import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreTranslator;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logcheck rule: a POSIX extended regular expression from one line of a rule file, compiled to
 * a Java pattern that matches exactly what {@code grep -E --text} matches in the C locale.
 *
 * <p>Lines are matched as ISO-8859-1 strings: each byte of the log line is one {@code char}, which
 * reproduces grep's byte semantics for binary data and invalid UTF-8 (see {@link EreTranslator}).
 *
 * @param category the directory the rule comes from
 * @param fileName the rule file's name, which is also the report section it belongs to
 * @param file the path of the file the rule was read from
 * @param line 1-based line number in {@code file}
 * @param ere the pattern as written, translated and compiled
 * @param id position of the rule in its {@link RuleTree} (dense, 0-based), used by matchers
 */
public record Rule(
        Category category, String fileName, Path file, int line, CompiledEre ere, int id) {

    /** The pattern as written in the rule file. */
    public String source() {
        return ere.source();
    }

    /** The translated, compiled pattern. */
    public Pattern pattern() {
        return ere.pattern();
    }

    /** True when the rule matches somewhere in {@code latin1Line} (grep semantics). */
    public boolean matches(CharSequence latin1Line) {
        return PatternMatch.find(pattern().matcher(latin1Line));
    }

    /** Like {@link #matches} reusing a matcher made from {@link #pattern()}. */
    public boolean matches(Matcher reusable, CharSequence latin1Line) {
        return PatternMatch.find(reusable.reset(latin1Line));
    }

    /** {@code file:line}, what the workbench shows as the reason for a verdict. */
    public String location() {
        return file + ":" + line;
    }
}
