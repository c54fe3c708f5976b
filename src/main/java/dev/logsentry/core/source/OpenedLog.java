package dev.logsentry.core.source;

import dev.logsentry.core.index.IndexJob;
import dev.logsentry.core.index.LineSource;

/**
 * A log just opened: its source, readable at once (the first screen is indexed), and the job that
 * indexes the rest on the caller's executor.
 *
 * @param source the lines; grows while {@code job} runs
 * @param job run it once in the background; cancellable, reports progress
 * @param kind what was opened
 */
public record OpenedLog(LineSource source, IndexJob job, SourceKind kind) {}
