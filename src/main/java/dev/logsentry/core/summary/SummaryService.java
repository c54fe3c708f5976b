package dev.logsentry.core.summary;

import dev.logsentry.core.report.delivery.FinishedReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The summary run behind {@code logsentry summary}: loads the services, chooses them and the logs,
 * summarises and renders the reports. The CLI only parses options and delivers what comes back.
 */
public final class SummaryService {
    private final Map<String, String> env;
    private final Clock clock;

    /**
     * @param env environment (XDG_CONFIG_HOME, HOME) for the user's service folder
     */
    public SummaryService(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /** The summaries and the rendered reports, one per mail when hosts are split for mail. */
    public record Result(
            List<Summary> summaries, List<FinishedReport> reports, List<String> warnings) {}

    /**
     * Runs a summary.
     *
     * @throws IllegalArgumentException for a bad range, detail, host format or service name, with
     *     the message to show
     */
    public Result run(SummaryRequest r, BooleanSupplier cancelled) {
        RangeParser parser = new RangeParser(clock, r.zone());
        DateRange range = parser.parse(r.range());
        Detail detail = Detail.parse(r.detail() == null ? "Low" : r.detail());
        if (r.hostFormat() != null
                && !List.of("none", "split", "splitmail").contains(r.hostFormat())) {
            throw new IllegalArgumentException(
                    "--hostformat '" + r.hostFormat() + "' is not none, split or splitmail");
        }
        ServiceLoader.Catalog catalog = ServiceLoader.load(ServiceLoader.folders(env));
        List<ServiceLoader.LoadedService> chosen = choose(catalog, r.services());
        LogSet.Selection sel = LogSet.select(r.logdir(), r.logfiles(), range);
        List<SummaryInput> inputs = new ArrayList<>(sel.inputs());
        if (r.journal()) {
            inputs.add(new SummaryInput.Journal(r.journalArgs()));
        }
        Summarizer s =
                new Summarizer(
                        chosen,
                        new Summarizer.Options(
                                range, detail, r.split(), false, r.zone(), r.threads()),
                        clock);
        List<String> warnings = new ArrayList<>(catalog.warnings());
        warnings.addAll(sel.warnings());
        List<Summary> raw = s.run(inputs, cancelled);
        List<Summary> summaries = new ArrayList<>();
        for (Summary x : raw) {
            List<String> w = new ArrayList<>(warnings);
            w.addAll(x.warnings());
            summaries.add(
                    new Summary(
                            x.host(),
                            x.range(),
                            x.detail(),
                            x.sources(),
                            x.linesRead(),
                            x.linesInRange(),
                            x.services(),
                            List.copyOf(w),
                            x.generated()));
        }
        List<FinishedReport> reports = new ArrayList<>();
        if ("splitmail".equals(r.hostFormat())) {
            for (Summary x : summaries) {
                reports.add(report(List.of(x), r));
            }
        } else {
            reports.add(report(summaries, r));
        }
        return new Result(summaries, reports, warnings);
    }

    /** Text (or HTML with --format html) as the body, and always the HTML alternative for mail. */
    FinishedReport report(List<Summary> summaries, SummaryRequest r) {
        String host =
                summaries.size() == 1 && summaries.get(0).host() != null
                        ? summaries.get(0).host()
                        : r.hostName();
        String html = HtmlDigest.render(summaries, host, r.zone());
        String body = r.html() ? html : TextDigest.render(summaries, "stdout", host, r.zone());
        return new FinishedReport(
                "LogSentry summary for " + host,
                body.getBytes(StandardCharsets.UTF_8),
                r.html() ? "text/html" : "text/plain",
                "logsentry-summary-" + host + (r.html() ? ".html" : ".txt"),
                r.html() ? null : html);
    }

    /**
     * The services named by {@code --service}: {@code All} (or nothing) for all, names to add,
     * {@code -name} to leave out, as logwatch reads its Service lines.
     */
    public static List<ServiceLoader.LoadedService> choose(
            ServiceLoader.Catalog catalog, List<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        boolean any = false;
        for (String n : names) {
            String v = n.strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty() || v.startsWith("-")) {
                continue;
            }
            any = true;
            if (v.equals("all")) {
                chosen.addAll(catalog.services().keySet());
            } else if (catalog.services().containsKey(v)) {
                chosen.add(v);
            } else {
                // a service file that failed to load says why, not only that it is missing
                String why =
                        catalog.warnings().stream()
                                .filter(w -> w.contains(v + ".yaml") || w.contains("service " + v))
                                .collect(java.util.stream.Collectors.joining("; "));
                throw new IllegalArgumentException(
                        "no service '"
                                + n
                                + "'"
                                + (why.isEmpty() ? "" : " (" + why + ")")
                                + "; known: "
                                + String.join(", ", catalog.services().keySet()));
            }
        }
        if (!any) {
            chosen.addAll(catalog.services().keySet());
        }
        for (String n : names) {
            String v = n.strip().toLowerCase(Locale.ROOT);
            if (v.startsWith("-")) {
                chosen.remove(v.substring(1));
            }
        }
        List<ServiceLoader.LoadedService> out = new ArrayList<>();
        for (String c : chosen) {
            out.add(catalog.services().get(c));
        }
        return out;
    }
}
