package dev.logsentry.core.index;

import java.util.function.BooleanSupplier;

/**
 * The background half of opening a log: scans from where the index stands to the current end,
 * reporting progress and stopping soon after {@code cancelled} turns true. Runs on the caller's
 * executor (a JavaFX {@code Task} in the workbench); the source it belongs to is readable meanwhile
 * and grows as the job runs. Running it again later picks up data appended since.
 */
@FunctionalInterface
public interface IndexJob {
    /**
     * @throws SourceException when reading fails; the lines indexed before the failure stay
     *     readable and the message says where it broke
     */
    IndexResult run(IndexProgress progress, BooleanSupplier cancelled) throws SourceException;
}
