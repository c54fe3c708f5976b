package dev.logsentry.core.browse;

import java.util.Optional;

/**
 * What one {@link FilteredView#extend} run achieved.
 *
 * @param rows rows in the view when the run ended
 * @param scanned lines of the source examined
 * @param cancelled whether the run was cancelled (a later run continues)
 * @param error why it stopped early (a line could not be read), naming source and line
 */
public record FilterResult(long rows, long scanned, boolean cancelled, Optional<String> error) {}
