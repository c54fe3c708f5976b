package dev.logsentry.ui.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Client queries per second over the log. A line joins only neighbouring buckets that both saw
 * queries: where the log has no query (an idle gap, dnscache not running) the series breaks, so no
 * line is drawn across time without data. Long logs are drawn in buckets of several seconds (at
 * most {@link #MAX_POINTS} points), each the average rate over its bucket.
 */
final class QueriesPerSecondChart {
    static final int MAX_POINTS = 600;

    private QueriesPerSecondChart() {}

    /** One unbroken run of buckets with queries: x (seconds since the first query), y (rate). */
    record Run(List<double[]> points) {}

    /** Bucket width in seconds for a log spanning {@code spanSeconds}. */
    static long bucket(long spanSeconds) {
        return Math.max(1, (spanSeconds + MAX_POINTS) / MAX_POINTS);
    }

    /** The runs of {@code perSecond} (epoch second to queries), in time order. */
    static List<Run> runs(SortedMap<Long, Integer> perSecond) {
        List<Run> runs = new ArrayList<>();
        if (perSecond.isEmpty()) {
            return runs;
        }
        long first = perSecond.firstKey();
        long width = bucket(perSecond.lastKey() - first);
        long current = Long.MIN_VALUE;
        long sum = 0;
        List<double[]> points = null;
        for (Map.Entry<Long, Integer> e : perSecond.entrySet()) {
            long b = (e.getKey() - first) / width;
            if (b != current) {
                if (points != null) {
                    points.add(new double[] {current * width, (double) sum / width});
                }
                if (points == null || b != current + 1) {
                    points = new ArrayList<>();
                    runs.add(new Run(points));
                }
                current = b;
                sum = 0;
            }
            sum += e.getValue();
        }
        points.add(new double[] {current * width, (double) sum / width});
        return runs;
    }

    static LineChart<Number, Number> of(SortedMap<Long, Integer> perSecond) {
        long span = perSecond.isEmpty() ? 0 : perSecond.lastKey() - perSecond.firstKey();
        long width = bucket(span);
        NumberAxis x = new NumberAxis();
        x.setLabel(
                width == 1
                        ? "seconds since the first query"
                        : "seconds since the first query (" + width + " s buckets)");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("queries/s");
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId("dnsQps");
        c.getStyleClass().add("dns-qps");
        c.setTitle("Queries per second");
        c.setLegendVisible(false); // every run is the same series, broken at the gaps
        for (Run run : runs(perSecond)) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("queries/s");
            for (double[] p : run.points()) {
                s.getData().add(new XYChart.Data<>(p[0], p[1]));
            }
            c.getData().add(s);
        }
        return c;
    }
}
