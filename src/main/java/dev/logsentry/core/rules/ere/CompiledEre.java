package dev.logsentry.core.rules.ere;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A POSIX ERE translated for the Java engine, with the literals a prefilter may use.
 *
 * @param source the pattern as written in the rule file
 * @param javaRegex the equivalent java.util.regex syntax
 * @param pattern {@code javaRegex} compiled
 * @param requiredLiterals strings of which every match contains at least one; empty when the
 *     pattern has no such set of literals of at least {@link EreTranslator#MIN_LITERAL} bytes (then
 *     the pattern must be tried on every line)
 * @param allOfLiterals further literals every match contains, each of them (may overlap with {@code
 *     requiredLiterals}); lets a prefilter reject more lines
 * @param ignoreCase whether ASCII letters match either case (grep -i)
 * @param anchored whether every match starts at the beginning of the line (the pattern starts with
 *     {@code ^} in every alternative), so {@code lookingAt} answers as {@code find} does
 */
public record CompiledEre(
        String source,
        String javaRegex,
        Pattern pattern,
        List<String> requiredLiterals,
        List<String> allOfLiterals,
        boolean ignoreCase,
        boolean anchored) {}
