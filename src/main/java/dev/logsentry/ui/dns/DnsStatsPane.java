package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheEntry;
import dev.logsentry.core.dnscache.DnscacheStats;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The statistics of a dnscache log as JavaFX charts and short lists. */
public final class DnsStatsPane extends ScrollPane {
    private final FlowPane content = new FlowPane(12, 12);

    public DnsStatsPane() {
        setId("dnsStats");
        setFitToWidth(true);
        content.getStyleClass().add("dns-stats");
        setContent(content);
    }

    public void show(DnscacheAnalysis a) {
        content.getChildren().clear();
        if (a == null) {
            return;
        }
        DnscacheStats s = a.stats();
        content.getChildren()
                .addAll(
                        queriesPerSecond(s),
                        outcomes(s),
                        gluelessness(s),
                        counters(s.counters()),
                        top("Top names", s.topNames()),
                        top("Top clients", s.topClients()),
                        list("Lame servers", s.lameServers()),
                        list("SERVFAIL names", s.servfailNames()),
                        slowest(s.slowest()),
                        new Label(
                                String.format(
                                        Locale.ROOT,
                                        "Cache hits: %d of %d queries",
                                        s.cacheHits(),
                                        s.queries())));
    }

    private static LineChart<Number, Number> queriesPerSecond(DnscacheStats s) {
        return sized(QueriesPerSecondChart.of(s.queriesPerSecond()));
    }

    private static PieChart outcomes(DnscacheStats s) {
        PieChart c = new PieChart();
        c.setTitle("Outcomes");
        for (Map.Entry<Outcome, Long> e : s.outcomes().entrySet()) {
            c.getData()
                    .add(new PieChart.Data(e.getKey() + " (" + e.getValue() + ")", e.getValue()));
        }
        c.setPrefSize(420, 300);
        return c;
    }

    private static BarChart<String, Number> gluelessness(DnscacheStats s) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setTitle("Maximum gluelessness per query");
        c.setLegendVisible(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        s.gluelessness()
                .forEach((g, n) -> series.getData().add(new XYChart.Data<>(Glue.label(g), n)));
        c.getData().add(series);
        return sized(c);
    }

    /**
     * The {@code stats} lines' counters over time (seconds since the first stats line, from the
     * TAI64N labels): queries received and cache motion. Without labels, against the query count.
     */
    private static LineChart<Number, Number> counters(List<DnscacheEntry.Stats> stats) {
        java.time.Instant first =
                stats.stream()
                        .map(DnscacheEntry.Stats::time)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        NumberAxis x = new NumberAxis();
        x.setLabel(
                first == null
                        ? "queries received (stats lines)"
                        : "seconds since "
                                + first.atZone(java.time.ZoneId.systemDefault()).toLocalTime());
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("counter");
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle("stats counters over time");
        c.setCreateSymbols(false);
        XYChart.Series<Number, Number> queries = new XYChart.Series<>();
        queries.setName("queries received");
        XYChart.Series<Number, Number> motion = new XYChart.Series<>();
        motion.setName("cache motion (KB)");
        int step = Math.max(1, stats.size() / 500); // a readable number of points
        for (int i = 0; i < stats.size(); i += step) {
            DnscacheEntry.Stats st = stats.get(i);
            Number at =
                    first == null || st.time() == null
                            ? st.queries()
                            : java.time.Duration.between(first, st.time()).toMillis() / 1000.0;
            queries.getData().add(new XYChart.Data<>(at, st.queries()));
            motion.getData().add(new XYChart.Data<>(at, st.cacheMotion() / 1024.0));
        }
        if (first != null) {
            c.getData().add(queries);
        }
        c.getData().add(motion);
        return sized(c);
    }

    private static BarChart<String, Number> top(String title, List<Map.Entry<String, Long>> top) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setTitle(title);
        c.setLegendVisible(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Map.Entry<String, Long> e : top.subList(0, Math.min(10, top.size()))) {
            series.getData().add(new XYChart.Data<>(e.getKey(), e.getValue()));
        }
        c.getData().add(series);
        return sized(c);
    }

    private static VBox list(String title, List<Map.Entry<String, Long>> entries) {
        VBox box = new VBox(2, heading(title));
        if (entries.isEmpty()) {
            box.getChildren().add(new Label("none"));
        }
        for (Map.Entry<String, Long> e : entries) {
            box.getChildren().add(new Label(e.getValue() + "  " + e.getKey()));
        }
        box.getStyleClass().add("dns-stat-list");
        return box;
    }

    private static VBox slowest(List<ResolutionTree> slowest) {
        VBox box = new VBox(2, heading("Slowest queries"));
        for (ResolutionTree t : slowest.subList(0, Math.min(10, slowest.size()))) {
            box.getChildren()
                    .add(
                            new Label(
                                    String.format(
                                            Locale.ROOT,
                                            "%10.3f ms  #%d %s %s",
                                            t.durationNanos() / 1e6,
                                            t.serial(),
                                            t.name(),
                                            t.outcome())));
        }
        box.getStyleClass().add("dns-stat-list");
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("dns-stat-title");
        return l;
    }

    private static <C extends XYChart<?, ?>> C sized(C c) {
        c.setPrefSize(420, 300);
        c.setAnimated(false);
        return c;
    }
}
