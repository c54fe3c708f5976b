package dev.logsentry.core.check;

/**
 * Settings of a check run that logcheck takes from logcheck.conf.
 *
 * @param profile which logcheck to reproduce
 * @param sortUniq {@code SORTUNIQ=1}: {@code sort -u} instead of {@code sort -k 1,3 -s}
 * @param supportCrackingIgnore {@code SUPPORT_CRACKING_IGNORE=1}: use cracking.ignore.d
 * @param intro {@code INTRO}: put header.txt and footer.txt around the report
 * @param attackSubject {@code ATTACKSUBJECT}, also the heading of cracking sections
 * @param securitySubject {@code SECURITYSUBJECT}, also the heading of violations sections
 * @param eventsSubject {@code EVENTSSUBJECT}, also the heading of the system events section
 * @param threads worker threads for classification (1 = the calling thread only)
 */
public record CheckOptions(
        Profile profile,
        boolean sortUniq,
        boolean supportCrackingIgnore,
        boolean intro,
        String attackSubject,
        String securitySubject,
        String eventsSubject,
        int threads) {

    public CheckOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** logcheck's defaults for {@code profile}, using every available processor. */
    public static CheckOptions defaults(Profile profile) {
        return new CheckOptions(
                profile,
                false,
                false,
                true,
                "Security Alerts",
                "Security Events",
                "System Events",
                Runtime.getRuntime().availableProcessors());
    }

    public CheckOptions withThreads(int n) {
        return new CheckOptions(
                profile,
                sortUniq,
                supportCrackingIgnore,
                intro,
                attackSubject,
                securitySubject,
                eventsSubject,
                n);
    }

    public CheckOptions withSortUniq(boolean value) {
        return new CheckOptions(
                profile,
                value,
                supportCrackingIgnore,
                intro,
                attackSubject,
                securitySubject,
                eventsSubject,
                threads);
    }

    public CheckOptions withSupportCrackingIgnore(boolean value) {
        return new CheckOptions(
                profile,
                sortUniq,
                value,
                intro,
                attackSubject,
                securitySubject,
                eventsSubject,
                threads);
    }

    public CheckOptions withIntro(boolean value) {
        return new CheckOptions(
                profile,
                sortUniq,
                supportCrackingIgnore,
                value,
                attackSubject,
                securitySubject,
                eventsSubject,
                threads);
    }

    public CheckOptions withSubjects(String attack, String security, String events) {
        return new CheckOptions(
                profile, sortUniq, supportCrackingIgnore, intro, attack, security, events, threads);
    }
}
