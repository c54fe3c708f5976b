package dev.logsentry.core.summary;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a summary as one self-contained HTML page: a table of contents, a section per service
 * with its numbers, tables of items and inline SVG charts, and colours that read in light and dark
 * mail clients (explicit colours for light, {@code prefers-color-scheme} for dark; charts draw text
 * in {@code currentColor}). Nothing is loaded from elsewhere, so it can be mailed or saved as it
 * is.
 */
public final class HtmlDigest {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

    private static final String STYLE =
            ":root{color-scheme:light dark}"
                    + "body{margin:0;background:#ffffff;color:#1f2328;font:14px/1.45 system-ui,sans-serif}"
                    + "main{max-width:900px;margin:0 auto;padding:16px 20px}"
                    + "h1{font-size:22px;margin:4px 0 8px}h2{font-size:18px;margin:28px 0 8px;"
                    + "border-bottom:2px solid #3b82f6;padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}"
                    + "table{border-collapse:collapse;margin:4px 0 10px}td,th{padding:2px 10px 2px 0;"
                    + "text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                    + ".meta td{color:#57606a}.toc a{color:#0b57d0}nav.toc{margin:8px 0 16px}"
                    + "pre{background:#f6f8fa;padding:8px;overflow:auto;font:12px monospace;white-space:pre-wrap}"
                    + ".facts td:first-child{color:#57606a}.warn{color:#9a3412}"
                    + "@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}"
                    + ".meta td,.facts td:first-child{color:#9da7b3}.toc a{color:#79b8ff}"
                    + "pre{background:#161b22}.warn{color:#fdba74}}";

    private HtmlDigest() {}

    /** The page for one or more summaries (one per host when split). */
    public static String render(List<Summary> summaries, String hostName, ZoneId zone) {
        StringBuilder b = new StringBuilder(16384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>LogSentry summary for ")
                .append(esc(hostName))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>\n");
        int hostNo = 0;
        for (Summary s : summaries) {
            hostNo++;
            String host = s.host() != null ? s.host() : hostName;
            String prefix = "h" + hostNo + "-";
            b.append("<h1>Log summary for ").append(esc(host)).append("</h1>\n");
            b.append("<table class=\"meta\">")
                    .append(row("Generated", WHEN.format(s.generated().atZone(zone))))
                    .append(row("Date range", s.range().describe()))
                    .append(row("Detail", s.detail().label()))
                    .append(
                            row(
                                    "Lines read",
                                    String.format(
                                            Locale.ROOT,
                                            "%,d (%,d in range)",
                                            s.linesRead(),
                                            s.linesInRange())))
                    .append(row("Sources", String.join(", ", s.sources())))
                    .append("</table>\n");
            for (String w : s.warnings()) {
                b.append("<p class=\"warn\">").append(esc(w)).append("</p>\n");
            }
            b.append("<nav class=\"toc\"><strong>Services:</strong> ");
            for (ServiceSummary svc : s.services()) {
                b.append("<a href=\"#")
                        .append(prefix)
                        .append(esc(svc.name()))
                        .append("\">")
                        .append(esc(svc.title()))
                        .append("</a> (")
                        .append(svc.lines())
                        .append(") &nbsp; ");
            }
            if (s.services().isEmpty()) {
                b.append("nothing in range");
            }
            b.append("</nav>\n");
            for (ServiceSummary svc : s.services()) {
                service(b, svc, s.detail(), prefix);
            }
        }
        return b.append("</main></body></html>\n").toString();
    }

    /** Writes the page to {@code file} atomically, owner-only (digests quote log lines). */
    public static void write(
            java.nio.file.Path file, List<Summary> summaries, String hostName, ZoneId zone)
            throws java.io.IOException {
        byte[] page =
                render(summaries, hostName, zone).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dev.logsentry.core.io.SafeFiles.writeAtomically(file, out -> out.write(page));
    }

    private static void service(StringBuilder b, ServiceSummary svc, Detail detail, String prefix) {
        b.append("<section id=\"")
                .append(prefix)
                .append(esc(svc.name()))
                .append("\"><h2>")
                .append(esc(svc.title()))
                .append("</h2>\n");
        if (!svc.facts().isEmpty()) {
            b.append("<table class=\"facts\">");
            for (Fact f : svc.facts()) {
                b.append(row(f.label(), f.value()));
            }
            b.append("</table>\n");
        }
        for (Series s : svc.series()) {
            b.append("<h3>")
                    .append(esc(s.title()))
                    .append("</h3>")
                    .append(SvgCharts.line(s))
                    .append('\n');
        }
        for (Section sec : svc.sections()) {
            if (sec.total() == 0) {
                continue;
            }
            b.append("<h3>").append(esc(sec.title())).append(": ").append(sec.total());
            if (sec.hasSum()) {
                b.append(String.format(Locale.ROOT, " (%,d bytes)", sec.tally().sum()));
            }
            b.append("</h3>\n");
            boolean charted = sec.chart() && sec.tally().children().size() > 1;
            if (charted) {
                b.append(SvgCharts.bars(sec.tally().children(), Detail.TOP, sec.title()))
                        .append('\n');
            }
            // At Med the chart already shows the top items; High adds the full table.
            if (detail.showsItems() && !sec.keys().isEmpty() && (!charted || detail.showsAll())) {
                b.append("<table><tr>");
                for (String k : sec.keys()) {
                    b.append("<th>").append(esc(k)).append("</th>");
                }
                b.append("<th>count</th>")
                        .append(sec.hasSum() ? "<th>bytes</th>" : "")
                        .append("</tr>");
                rows(b, sec.tally(), sec, detail, 0);
                b.append("</table>\n");
            }
        }
        if (!svc.unmatched().isEmpty()) {
            b.append("<h3>Unmatched entries: ")
                    .append(svc.unmatched().size() + svc.unmatchedMore())
                    .append("</h3><pre>");
            for (ServiceSummary.Unmatched u : svc.unmatched()) {
                b.append(esc(u.text())).append('\n');
            }
            if (svc.unmatchedMore() > 0) {
                b.append("\u2026 and ").append(svc.unmatchedMore()).append(" more\n");
            }
            b.append("</pre>\n");
        }
        b.append("</section>\n");
    }

    private static void rows(StringBuilder b, Tally t, Section sec, Detail detail, int depth) {
        List<Tally> children = t.children();
        int shown = detail.showsAll() ? children.size() : Math.min(Detail.TOP, children.size());
        for (int i = 0; i < shown; i++) {
            Tally c = children.get(i);
            b.append("<tr>");
            for (int d = 0; d < sec.keys().size(); d++) {
                b.append("<td>").append(d == depth ? esc(c.key()) : "").append("</td>");
            }
            b.append("<td class=\"n\">").append(c.count()).append("</td>");
            if (sec.hasSum()) {
                b.append("<td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%,d", c.sum()))
                        .append("</td>");
            }
            b.append("</tr>");
            if (detail.showsAll() && depth + 1 < sec.keys().size()) {
                rows(b, c, sec, detail, depth + 1);
            }
        }
        if (shown < children.size()) {
            b.append("<tr><td colspan=\"")
                    .append(sec.keys().size() + 1)
                    .append("\">\u2026 ")
                    .append(children.size() - shown)
                    .append(" more</td></tr>");
        }
    }

    private static String row(String k, String v) {
        return "<tr><td>" + esc(k) + "</td><td>" + esc(v) + "</td></tr>";
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
