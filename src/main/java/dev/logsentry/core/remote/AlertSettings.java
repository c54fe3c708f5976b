package dev.logsentry.core.remote;

import dev.logsentry.core.check.Verdict;
import java.time.Duration;

/**
 * When live alerts are mailed.
 *
 * @param violations mail security violations too, not only attacks
 * @param delay how long after the first new alert line its mail leaves: lines arriving meanwhile
 *     join it (one mail per window, not one per line)
 * @param maxMailsPerHour mails in any hour; beyond that, lines collect into one digest that leaves
 *     when the hour allows another mail
 * @param maxLinesPerMail lines quoted in one mail; the rest are counted per host
 */
public record AlertSettings(
        boolean violations, Duration delay, int maxMailsPerHour, int maxLinesPerMail) {

    public AlertSettings {
        if (delay.isNegative() || maxMailsPerHour < 1 || maxLinesPerMail < 1) {
            throw new IllegalArgumentException(
                    "alert delay must not be negative, and mail and line limits positive");
        }
    }

    /**
     * Whether a line of verdict {@code v} raises a live alert (a mail from {@code serve}, a desktop
     * notification in the workbench): attacks always, security violations when asked for. The one
     * place this rule lives.
     */
    public static boolean alerts(Verdict v, boolean violations) {
        return v == Verdict.ATTACK || (violations && v == Verdict.VIOLATION);
    }

    /** Whether a line of verdict {@code v} is mailed under these settings. */
    public boolean alerts(Verdict v) {
        return alerts(v, violations);
    }

    /** 30 seconds, 6 mails an hour, 200 lines a mail, attacks only. */
    public static AlertSettings defaults() {
        return new AlertSettings(false, Duration.ofSeconds(30), 6, 200);
    }
}
