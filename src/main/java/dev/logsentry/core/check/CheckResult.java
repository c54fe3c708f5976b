package dev.logsentry.core.check;

import dev.logsentry.core.rules.RuleProblem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a check run, ready for report writers.
 *
 * @param profile the profile that produced it
 * @param verdict the most severe section kind present (decides the mail subject), IGNORED if none
 * @param sections non-empty sections in report order
 * @param errors error lines for the report (unreadable sources)
 * @param warnings warning lines for the report
 * @param linesChecked how many lines were classified
 * @param ruleProblems rules that could not be used (reported, never fatal)
 * @param header header.txt text to print first (present only when INTRO is on)
 * @param footer footer.txt text to print last (present only when INTRO is on)
 */
public record CheckResult(
        Profile profile,
        Verdict verdict,
        List<Section> sections,
        List<String> errors,
        List<String> warnings,
        long linesChecked,
        List<RuleProblem> ruleProblems,
        Optional<String> header,
        Optional<String> footer) {

    public CheckResult {
        sections = List.copyOf(sections);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        ruleProblems = List.copyOf(ruleProblems);
    }

    /**
     * Whether logcheck would send this report: only when some section has lines. Errors and
     * warnings alone send nothing.
     */
    public boolean reportable() {
        return !sections.isEmpty();
    }
}
