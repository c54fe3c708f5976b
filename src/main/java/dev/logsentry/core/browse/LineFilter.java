package dev.logsentry.core.browse;

import dev.logsentry.core.check.Verdict;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the events table shows: lines containing the quick text, with one of the chosen verdicts,
 * logged in {@code [from, to)}. Lines without a timestamp take the time of the line before them;
 * with a time range set, lines before the first timestamp are left out. With a rule, only the
 * classified lines that rule decided pass (no marker lines). Marker lines of a followed source pass
 * the verdict and time tests (they tell where the file was rotated).
 *
 * @param quick the quick text, {@link QuickText#NONE} for none
 * @param verdicts the verdicts to show (all four: no verdict filter)
 * @param from first instant shown, or null for no lower bound
 * @param to instant after the last shown (exclusive), or null for no upper bound
 * @param rule only lines this rule decided (its id in the rule tree, as {@link
 *     ClassifiedSource#ruleId}), or -1 for any; "Show Matches" on a rule
 */
public record LineFilter(
        QuickText quick, Set<Verdict> verdicts, Instant from, Instant to, int rule) {

    /** Shows every line. */
    public static final LineFilter ALL =
            new LineFilter(QuickText.NONE, EnumSet.allOf(Verdict.class), null, null);

    /** A filter with no rule test. */
    public LineFilter(QuickText quick, Set<Verdict> verdicts, Instant from, Instant to) {
        this(quick, verdicts, from, to, -1);
    }

    public LineFilter {
        Objects.requireNonNull(quick, "quick");
        verdicts = verdicts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(verdicts));
        rule = Math.max(-1, rule);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "time range ends before it starts: " + from + ".." + to);
        }
    }

    public LineFilter withQuick(QuickText q) {
        return new LineFilter(q, verdicts, from, to, rule);
    }

    public LineFilter withVerdicts(Set<Verdict> v) {
        return new LineFilter(quick, v, from, to, rule);
    }

    /** Hides or shows IGNORED lines (the one-toggle "hide ignored"). */
    public LineFilter withIgnoredHidden(boolean hidden) {
        EnumSet<Verdict> v =
                verdicts.isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(verdicts);
        if (hidden) {
            v.remove(Verdict.IGNORED);
        } else {
            v.add(Verdict.IGNORED);
        }
        return new LineFilter(quick, v, from, to, rule);
    }

    /** The time range {@code [from, to)}; nulls for open ends. */
    public LineFilter withTimeRange(Instant newFrom, Instant newTo) {
        return new LineFilter(quick, verdicts, newFrom, newTo, rule);
    }

    /** Only the lines {@code ruleId} decided ({@code -1}: any). */
    public LineFilter withRule(int ruleId) {
        return new LineFilter(quick, verdicts, from, to, ruleId);
    }

    /** Whether only the lines of one deciding rule pass. */
    public boolean restrictsRule() {
        return rule >= 0;
    }

    /** Why the filter cannot be applied (a bad regular expression), or empty. */
    public Optional<String> error() {
        return quick.error();
    }

    /** Whether every line passes. */
    public boolean isAll() {
        return quick.isEmpty() && !restrictsVerdicts() && !hasTimeRange() && !restrictsRule();
    }

    /** Whether some verdict is left out. */
    public boolean restrictsVerdicts() {
        return verdicts.size() < Verdict.values().length;
    }

    public boolean hasTimeRange() {
        return from != null || to != null;
    }

    /** Whether {@code time} (possibly null: unknown) lies in the range. */
    public boolean inRange(Instant time) {
        if (!hasTimeRange()) {
            return true;
        }
        if (time == null) {
            return false;
        }
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }

    /** Bit {@code 1 << verdict.ordinal()} for every verdict shown. */
    int verdictMask() {
        int m = 0;
        for (Verdict v : verdicts) {
            m |= 1 << v.ordinal();
        }
        return m;
    }
}
