package dev.logsentry.core.report.delivery;

/**
 * Where a finished report goes: a stream (the CLI passes stdout), a file, or mail. Delivery either
 * succeeds or throws; the check state is committed only after every delivery succeeded, so a failed
 * one means the same lines are reported again next run rather than lost.
 */
public interface Delivery {

    /** Delivers {@code report}. */
    void deliver(FinishedReport report) throws DeliveryException;

    /** Where this delivery sends reports, for messages ("stdout", a path, "mail to a@b"). */
    String describe();
}
