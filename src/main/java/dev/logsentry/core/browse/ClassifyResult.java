package dev.logsentry.core.browse;

import java.util.Optional;

/**
 * What one run of {@link ClassifiedSource#classify} achieved.
 *
 * @param classified lines with a verdict when the run ended (a prefix of the source)
 * @param total lines the source had when the run started
 * @param cancelled true when the run stopped because it was cancelled; a later run continues
 * @param error why the run stopped early (the source could not be read), naming source and line;
 *     the lines classified before stay valid
 */
public record ClassifyResult(
        long classified, long total, boolean cancelled, Optional<String> error) {

    /** True when every line the source had at the start got a verdict. */
    public boolean complete() {
        return !cancelled && error.isEmpty() && classified >= total;
    }
}
