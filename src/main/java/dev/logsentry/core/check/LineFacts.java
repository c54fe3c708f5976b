package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;
import java.util.List;

/**
 * What the rules say about one line, before the run-wide ATTACK flag is known. logcheck's only
 * dependency between lines is that flag: when any line was reported as an attack, the violations
 * pass also drops lines matching any cracking rule.
 *
 * @param attacks cracking placements (after cracking.ignore.d when enabled)
 * @param violations violations placements as if no attack was reported
 * @param crackingAny the first cracking rule matching at all, or null
 * @param violationsAny the first violations rule matching at all, or null
 * @param unusual whether the line is a system event
 * @param suppressedBy the rule that dropped the line from a section it matched, or its ignore rule;
 *     null when nothing suppressed it
 */
record LineFacts(
        List<Placement> attacks,
        List<Placement> violations,
        Rule crackingAny,
        Rule violationsAny,
        boolean unusual,
        Rule suppressedBy) {

    /** A line no rule raises and an ignore rule drops, without the rule named. */
    static final LineFacts IGNORED = new LineFacts(List.of(), List.of(), null, null, false, null);

    /** A line no rule raises or ignores: a system event. */
    static final LineFacts UNUSUAL = new LineFacts(List.of(), List.of(), null, null, true, null);

    /** The violations placements given the run's ATTACK flag. */
    List<Placement> violations(boolean attackInRun) {
        return attackInRun && crackingAny != null ? List.of() : violations;
    }
}
