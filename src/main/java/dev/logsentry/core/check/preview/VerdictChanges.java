package dev.logsentry.core.check.preview;

import dev.logsentry.core.check.Verdict;

/**
 * How the verdicts of the loaded lines would change if an edit were applied: every line whose
 * verdict changes, with the verdict before and after, and counts for the editor's summary.
 *
 * @param lines indexes of the changed lines, ascending
 * @param before their verdicts now
 * @param after their verdicts with the edit
 * @param reevaluated how many lines had to be classified again (the others provably keep theirs)
 */
public record VerdictChanges(int[] lines, Verdict[] before, Verdict[] after, int reevaluated) {

    /** No change. */
    public static final VerdictChanges NONE =
            new VerdictChanges(new int[0], new Verdict[0], new Verdict[0], 0);

    public int size() {
        return lines.length;
    }

    /** Whether change {@code k} hides a line that is reported now. */
    public boolean newlyIgnored(int k) {
        return after[k] == Verdict.IGNORED && before[k] != Verdict.IGNORED;
    }

    /** Whether change {@code k} hides an attack or security event: shown in red. */
    public boolean hidesAlarm(int k) {
        return newlyIgnored(k) && (before[k] == Verdict.ATTACK || before[k] == Verdict.VIOLATION);
    }

    /** Whether change {@code k} reports a line that is ignored now. */
    public boolean newlyRaised(int k) {
        return before[k] == Verdict.IGNORED && after[k] != Verdict.IGNORED;
    }

    public int newlyIgnoredCount() {
        int n = 0;
        for (int k = 0; k < lines.length; k++) {
            n += newlyIgnored(k) ? 1 : 0;
        }
        return n;
    }

    public int hiddenAlarmCount() {
        int n = 0;
        for (int k = 0; k < lines.length; k++) {
            n += hidesAlarm(k) ? 1 : 0;
        }
        return n;
    }

    public int newlyRaisedCount() {
        int n = 0;
        for (int k = 0; k < lines.length; k++) {
            n += newlyRaised(k) ? 1 : 0;
        }
        return n;
    }

    /** "3 newly ignored (1 attack or security event), 2 newly reported, 1 other change". */
    public String summary() {
        int other = size() - newlyIgnoredCount() - newlyRaisedCount();
        return newlyIgnoredCount()
                + " newly ignored ("
                + hiddenAlarmCount()
                + " attack or security event), "
                + newlyRaisedCount()
                + " newly reported, "
                + other
                + " other change"
                + (other == 1 ? "" : "s");
    }
}
