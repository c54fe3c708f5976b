package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.Rule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells lines that no rule of a {@link GroupMatcher} can match without walking its automaton: every
 * match of a rule holds one of the rule's required literals ({@link
 * dev.logsentry.core.rules.ere.CompiledEre#requiredLiterals()}), so a line that holds none of any
 * rule's has no match at all. The JDK's string search costs a fraction of the walk per byte; it
 * pays where a few unanchored rules would make the automaton read every byte of every line (the
 * cracking rules of a live receiver, {@code Classifier#raisingOnly}).
 *
 * <p>Used only when it is sound and cheap: every rule runs whole, over whole lines, case-sensitive,
 * with literals, and at most {@link #MAX_LITERALS} in all; otherwise every line may match.
 */
final class LinePrefilter {
    /** Beyond this many literals a search for each costs more than the walk it could save. */
    static final int MAX_LITERALS = 16;

    private static final LinePrefilter NONE = new LinePrefilter(null);

    /** The literals, one of which every matching line holds; null: no prefilter. */
    private final List<String> anyOf;

    private LinePrefilter(List<String> anyOf) {
        this.anyOf = anyOf;
    }

    /** The prefilter of a matcher over {@code entries} ({@code midLine}: rules' rests). */
    static LinePrefilter of(List<GroupMatcher.Entry> entries, boolean midLine) {
        if (midLine) {
            return NONE; // a rest matches part of a line, and its literals may be in the header
        }
        Set<String> anyOf = new LinkedHashSet<>();
        for (GroupMatcher.Entry entry : entries) {
            Rule rule = entry.rule();
            List<String> needs = rule.ere().requiredLiterals();
            if ((entry.tree() != null && entry.tree() != rule.ere().tree())
                    || rule.ere().ignoreCase()
                    || needs.isEmpty()) {
                return NONE;
            }
            anyOf.addAll(needs);
        }
        return anyOf.size() > MAX_LITERALS ? NONE : new LinePrefilter(List.copyOf(anyOf));
    }

    /** Whether some rule may match the whole line {@code latin1} (one char per byte). */
    boolean mayMatch(String latin1) {
        if (anyOf == null) {
            return true;
        }
        for (String literal : anyOf) {
            if (latin1.indexOf(literal) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether this filter ever says no (tests, diagnostics). */
    boolean active() {
        return anyOf != null;
    }
}
