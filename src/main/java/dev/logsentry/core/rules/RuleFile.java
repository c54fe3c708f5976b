package dev.logsentry.core.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * The rules logcheck reads under one file name in one category. For {@link Category#IGNORE} the
 * same-named files of every level in use are concatenated, as logcheck does.
 *
 * @param category where the file lives
 * @param name the file name: the report section ("Security Alerts for kernel") and the name that
 *     pairs a violations file with its ignore file
 * @param sources the files read, in concatenation order
 * @param rules the usable rules in file order (rules with problems are left out)
 */
public record RuleFile(Category category, String name, List<Path> sources, List<Rule> rules) {

    public RuleFile {
        sources = List.copyOf(sources);
        rules = List.copyOf(rules);
    }
}
