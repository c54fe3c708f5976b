package dev.logsentry.core.check;

import java.util.List;

/**
 * What a check run reads: the new lines of all sources, plus problems met while reading them.
 *
 * @param lines new lines, in the order logcheck concatenates its sources (the logoutput files by
 *     base name, each in file order); the engine sorts them as the profile requires
 * @param errors lines for the report's error block, e.g. {@code E: File could not be read:
 *     /var/log/x} (logcheck's wording)
 * @param warnings lines for the "Logcheck Warnings" section
 */
public record CheckInput(List<InputLine> lines, List<String> errors, List<String> warnings) {

    public CheckInput {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Just lines, no errors or warnings. */
    public static CheckInput of(List<InputLine> lines) {
        return new CheckInput(lines, List.of(), List.of());
    }
}
