package dev.logsentry.core.summary;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a summary as text laid out the way logwatch prints its digest, so a logwatch reader finds
 * their way at once: the {@code ####} header, one {@code --- NAME Begin ---} / {@code End} block
 * per service with indented items and "N Time(s)", and {@code **Unmatched Entries**}. Low detail
 * shows each section's total, Med the top items of the first level, High every item at every level.
 */
public final class TextDigest {
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private TextDigest() {}

    /** The digest of one or more summaries (one per host when split). */
    public static String render(
            List<Summary> summaries, String output, String hostName, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        for (Summary s : summaries) {
            header(b, s, output, s.host() != null ? s.host() : hostName, zone);
            for (ServiceSummary svc : s.services()) {
                service(b, svc, s.detail(), s.sources());
            }
            b.append(" \n ###################### LogSentry End ######################### \n\n");
        }
        return b.toString();
    }

    private static void header(
            StringBuilder b, Summary s, String output, String host, ZoneId zone) {
        b.append(
                " \n ################### LogSentry summary (logwatch style) #################### \n");
        b.append("        Processing Initiated: ")
                .append(STARTED.format(s.generated().atZone(zone)))
                .append('\n');
        b.append("        Date Range Processed: ").append(s.range().describe()).append('\n');
        b.append("        Detail Level of Output: ").append(s.detail().level()).append('\n');
        b.append("        Type of Output/Format: ").append(output).append(" / text\n");
        b.append("        Logfiles for Host: ").append(host).append('\n');
        b.append(" ################################################################## \n");
        for (String w : s.warnings()) {
            b.append(" Warning: ").append(w).append('\n');
        }
    }

    static void service(StringBuilder b, ServiceSummary svc, Detail detail, List<String> sources) {
        b.append(" \n --------------------- ")
                .append(svc.title())
                .append(" Begin ------------------------ \n\n");
        for (Fact f : svc.facts()) {
            b.append(" ").append(f.label()).append(": ").append(f.value()).append('\n');
        }
        if (!svc.facts().isEmpty()) {
            b.append(" \n");
        }
        for (Section sec : svc.sections()) {
            if (sec.total() == 0) {
                continue;
            }
            b.append(" ").append(sec.title()).append(": ").append(times(sec.total()));
            if (sec.hasSum()) {
                b.append(", ")
                        .append(String.format(Locale.ROOT, "%,d", sec.tally().sum()))
                        .append(" bytes");
            }
            b.append('\n');
            if (detail.showsItems()) {
                items(b, sec.tally(), sec, detail, 1);
            }
            b.append(" \n");
        }
        if (!svc.unmatched().isEmpty()) {
            b.append(" **Unmatched Entries**\n");
            for (ServiceSummary.Unmatched u : svc.unmatched()) {
                b.append(" ").append(u.text()).append('\n');
            }
            if (svc.unmatchedMore() > 0) {
                b.append(" ... and ").append(svc.unmatchedMore()).append(" more unmatched lines\n");
            }
            b.append(" \n");
        }
        b.append(" ---------------------- ")
                .append(svc.title())
                .append(" End ------------------------- \n\n");
    }

    private static void items(StringBuilder b, Tally t, Section sec, Detail detail, int depth) {
        List<Tally> children = t.children();
        int shown = detail.showsAll() ? children.size() : Math.min(Detail.TOP, children.size());
        for (int i = 0; i < shown; i++) {
            Tally c = children.get(i);
            b.append(" ".repeat(1 + 3 * depth))
                    .append(c.key())
                    .append(": ")
                    .append(times(c.count()));
            if (sec.hasSum()) {
                b.append(", ").append(String.format(Locale.ROOT, "%,d", c.sum())).append(" bytes");
            }
            b.append('\n');
            if (detail.showsAll()) {
                items(b, c, sec, detail, depth + 1);
            }
        }
        if (shown < children.size()) {
            b.append(" ".repeat(1 + 3 * depth))
                    .append("... ")
                    .append(children.size() - shown)
                    .append(" more (--detail High shows all)\n");
        }
    }

    static String times(long n) {
        return n + " Time(s)";
    }
}
