package dev.logsentry.core.report;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The mail subject of a report, as each profile builds it.
 *
 * <p>logcheck 1.4 ({@code sendreport}): {@code [Reboot: ]HOST DATE SUBJECT}, optionally prefixed by
 * {@code [logcheck] } (ADDTAG), with DATE as {@code date +'%Y-%m-%d %H:%M %z'} and SUBJECT the
 * ATTACK/SECURITY/EVENTS subject of the most severe section. Classic: {@code HOST DATE ACTIVE
 * SYSTEM ATTACK!} or {@code Systems Check: HOST DATE} with DATE as {@code date +%m/%d/%y:%H.%M}.
 */
public final class ReportSubject {

    private static final DateTimeFormatter LOGCHECK_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xx", Locale.ROOT);
    private static final DateTimeFormatter CLASSIC_DATE =
            DateTimeFormatter.ofPattern("MM/dd/yy:HH.mm", Locale.ROOT);

    private ReportSubject() {}

    /**
     * The subject for {@code result}; empty when the result is not reportable.
     *
     * @param host short or fully qualified host name, as logcheck's FQDN setting says
     * @param now the run's start time in the local zone
     * @param reboot logcheck -R: prefix "Reboot: "
     * @param addTag ADDTAG=yes: prefix "[logcheck] "
     */
    public static String of(
            CheckResult result,
            CheckOptions options,
            String host,
            ZonedDateTime now,
            boolean reboot,
            boolean addTag) {
        if (!result.reportable()) {
            return "";
        }
        if (options.profile() == Profile.CLASSIC_1996) {
            String date = CLASSIC_DATE.format(now);
            return result.verdict() == Verdict.ATTACK
                    ? host + " " + date + " ACTIVE SYSTEM ATTACK!"
                    : "Systems Check: " + host + " " + date;
        }
        String what =
                switch (result.verdict()) {
                    case ATTACK -> options.attackSubject();
                    case VIOLATION -> options.securitySubject();
                    default -> options.eventsSubject();
                };
        String subject = host + " " + LOGCHECK_DATE.format(now) + " " + what;
        if (reboot) {
            subject = "Reboot: " + subject;
        }
        return addTag ? "[logcheck] " + subject : subject;
    }
}
