package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheStats;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.source.MultilogDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dnscache summary, checked against the resolution trees {@code logsentry dnscache} and the DNS
 * perspective build from the real dnscache fixtures.
 */
class DnscacheSummaryTest {
    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private static Path fixtures() throws Exception {
        return Path.of(
                        DnscacheSummaryTest.class
                                .getResource("/dev/logsentry/core/dnscache/plain.log")
                                .toURI())
                .getParent();
    }

    private static Summary summarize(SummaryInput in) {
        List<ServiceLoader.LoadedService> dns =
                List.of(ServiceLoader.load(List.of()).services().get("dnscache"));
        return new Summarizer(
                        dns,
                        new Summarizer.Options(
                                DateRange.everything(),
                                Detail.HIGH,
                                false,
                                true,
                                ZoneOffset.UTC,
                                2),
                        NOW)
                .run(List.of(in), () -> false)
                .get(0);
    }

    @Test
    void multilogDirectoryAgreesWithTheTrees() throws Exception {
        Path main = fixtures().resolve("main");
        checkAgainstTrees(
                summarize(new SummaryInput.Multilog(main)),
                DnscacheAnalyzer.analyze(List.of(main)));
    }

    @Test
    void plainAndFloodLogsAgreeWithTheTrees() throws Exception {
        for (String f : List.of("plain.log", "flood.log")) {
            Path p = fixtures().resolve(f);
            checkAgainstTrees(
                    summarize(new SummaryInput.LogFile(p)), DnscacheAnalyzer.analyze(List.of(p)));
        }
    }

    private static void checkAgainstTrees(Summary s, DnscacheAnalysis a) throws Exception {
        ServiceSummary d = s.service("dnscache");
        DnscacheStats st = a.stats();
        assertThat(d.lines()).isEqualTo(a.lines());
        assertThat(d.facts().get(0).value()).isEqualTo(Long.toString(st.queries()));
        for (Map.Entry<Outcome, Long> e : st.outcomes().entrySet()) {
            assertThat(
                            d.section("outcomes")
                                    .tally()
                                    .child(e.getKey().name().toLowerCase(Locale.ROOT))
                                    .count())
                    .as(e.getKey().name())
                    .isEqualTo(e.getValue());
        }
        assertThat(d.section("outcomes").total()).isEqualTo(st.queries());
        long complete = a.trees().stream().filter(t -> !t.isPartial()).count();
        assertThat(d.facts().get(1).value())
                .isEqualTo(
                        complete == 0
                                ? "-"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f%% (%d of %d)",
                                        100.0 * st.cacheHits() / complete,
                                        st.cacheHits(),
                                        complete));
        for (Map.Entry<String, Long> e : st.topNames()) {
            assertThat(d.section("names").tally().child(e.getKey()).count())
                    .isEqualTo(e.getValue());
        }
        for (Map.Entry<String, Long> e : st.topClients()) {
            assertThat(d.section("clients").tally().child(e.getKey()).count())
                    .isEqualTo(e.getValue());
        }
        for (Map.Entry<String, Long> e : st.lameServers()) {
            assertThat(d.section("lame").tally().child(e.getKey()).count()).isEqualTo(e.getValue());
        }
        for (Map.Entry<String, Long> e : st.servfailNames()) {
            assertThat(d.section("servfail").tally().child(e.getKey()).count())
                    .isEqualTo(e.getValue());
        }
        for (Map.Entry<Integer, Long> e : st.gluelessness().entrySet()) {
            assertThat(d.section("gluelessness").tally().child(e.getKey().toString()).count())
                    .isEqualTo(e.getValue());
        }
        assertThat(d.section("drops").total())
                .isEqualTo(st.outcomes().getOrDefault(Outcome.DROPPED, 0L));
        assertThat(d.unmatched()).hasSize(a.unparsed().size());
        // every outcome's lines are the queries' own lines in the source
        List<String> lines = readAll(s.sources().get(0));
        LineRefs refs = d.section("outcomes").tally().lines();
        assertThat(refs.size()).isEqualTo((int) st.queries());
        for (int i = 0; i < refs.size(); i++) {
            String line = lines.get((int) refs.line(i) - 1);
            assertThat(line).as("line " + refs.line(i)).matches("(@[0-9a-f]{24} )?query .*");
        }
    }

    private static List<String> readAll(String source) throws Exception {
        Path p = Path.of(source);
        List<String> out = new ArrayList<>();
        List<Path> files = Files.isDirectory(p) ? MultilogDirectory.list(p).files() : List.of(p);
        for (Path f : files) {
            out.addAll(Files.readAllLines(f));
        }
        return out;
    }

    @Test
    void statsLinesGiveQueriesPerSecond() throws Exception {
        Summary s = summarize(new SummaryInput.Multilog(fixtures().resolve("main")));
        ServiceSummary d = s.service("dnscache");
        assertThat(d.facts()).extracting(Fact::label).contains("Client queries", "Cache hit rate");
        String html = HtmlDigest.render(List.of(s), "ns1", ZoneOffset.UTC);
        assertThat(html).contains("<svg").contains("id=\"h1-dnscache\"");
    }
}
