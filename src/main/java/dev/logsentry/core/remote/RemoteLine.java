package dev.logsentry.core.remote;

import dev.logsentry.core.check.Classification;
import dev.logsentry.core.check.InputLine;
import java.time.Instant;

/**
 * One received line, already in the spool and classified: what a listener (the alert mailer, the
 * workbench's live source) receives.
 *
 * @param host the sanitised host name (its spool directory)
 * @param peer the sender's address
 * @param received when it arrived
 * @param line the line as written to the spool (source = the spool file, offset = its byte offset
 *     there), exactly what {@code logsentry check} reads later
 * @param classification the attack or violation verdict of the same rules and engine as {@code
 *     check} (the checker's batch path, {@link dev.logsentry.core.check.Classifier#raisingOnly()}),
 *     naming the deciding rule; every other line is {@code UNUSUAL} or {@code IGNORED} here, not
 *     necessarily as {@code check} will say: the ignore.d rules, which decide only system events
 *     and never alert, are left to the next {@code check} run
 */
public record RemoteLine(
        String host,
        String peer,
        Instant received,
        InputLine line,
        Classification classification) {}
