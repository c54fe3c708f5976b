package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckResult;
import java.util.List;

/**
 * How a check run ended.
 *
 * @param status what happened, which decides the exit code
 * @param result the engine's result, or null when the run stopped before checking
 * @param delivered whether a report was delivered (false when there was nothing to report)
 * @param messages lines for the operator (standard error): problems not already in a delivered
 *     report, rule problems, and the reason a run stopped
 */
public record CheckOutcome(
        Status status, CheckResult result, boolean delivered, List<String> messages) {

    public CheckOutcome {
        messages = List.copyOf(messages);
    }

    /** The kinds of ending, from best to worst. */
    public enum Status {
        /** Checked; the report was delivered, or there was nothing to report. State saved. */
        OK,
        /** Checked, but some sources could not be read (they are named in the messages). */
        SOURCE_ERRORS,
        /** The report could not be delivered; state unchanged, the lines come again next run. */
        DELIVERY_FAILED,
        /** Another run holds the lock; nothing was read. */
        LOCK_HELD,
        /**
         * The state could not be read (nothing was checked) or written after delivery (the lines
         * will be reported once more next run).
         */
        STATE_ERROR
    }
}
