package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;
import java.util.List;

/**
 * The verdict on one line and why: every section it appears in, and the rule that decided.
 *
 * @param line the line as classified (for logcheck: with trailing white space removed)
 * @param verdict the most severe section it appears in, or IGNORED
 * @param placements the sections, in report order (a line can be in several)
 * @param decidingRule for ATTACK/VIOLATION the rule of the first placement; for IGNORED the rule
 *     that suppressed it (an ignore rule, or a violations/cracking ignore rule); null for UNUSUAL
 */
public record Classification(
        InputLine line, Verdict verdict, List<Placement> placements, Rule decidingRule) {

    public Classification {
        placements = List.copyOf(placements);
    }
}
