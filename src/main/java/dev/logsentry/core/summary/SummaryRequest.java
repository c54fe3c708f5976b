package dev.logsentry.core.summary;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * What {@code logsentry summary} was asked for, in logwatch's terms.
 *
 * @param services names from {@code --service} ({@code All}, a name, {@code -name} to leave one
 *     out); empty means All
 * @param range the {@code --range} text (default yesterday)
 * @param detail the {@code --detail} text (default Low)
 * @param html the HTML digest instead of text ({@code --format html})
 * @param logdir {@code --logdir} (default /var/log)
 * @param logfiles {@code --logfile} names; empty for every log in logdir
 * @param journal also read the systemd journal
 * @param journalArgs extra journalctl arguments
 * @param hostFormat {@code none}, {@code split} (a summary per host) or {@code splitmail} (a mail
 *     per host)
 * @param hostName the host named in the header when not split
 * @param threads readers for large files
 * @param zone local time zone
 */
public record SummaryRequest(
        List<String> services,
        String range,
        String detail,
        boolean html,
        Path logdir,
        List<String> logfiles,
        boolean journal,
        List<String> journalArgs,
        String hostFormat,
        String hostName,
        int threads,
        ZoneId zone) {

    public SummaryRequest {
        services = List.copyOf(services);
        logfiles = List.copyOf(logfiles);
        journalArgs = List.copyOf(journalArgs);
    }

    /** Whether each host gets its own summary. */
    public boolean split() {
        return "split".equals(hostFormat) || "splitmail".equals(hostFormat);
    }
}
