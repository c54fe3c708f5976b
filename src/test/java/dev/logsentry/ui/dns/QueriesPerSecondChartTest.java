package dev.logsentry.ui.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The queries/s chart draws no line across seconds without queries. */
@ExtendWith(ApplicationExtension.class)
class QueriesPerSecondChartTest {
    private DnsView view;

    @TempDir Path tmp;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new DnsView();
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    /** Runs of consecutive seconds, computed here from the core's per-second counts. */
    private static List<List<Long>> runs(SortedMap<Long, Integer> perSecond) {
        List<List<Long>> runs = new ArrayList<>();
        long prev = Long.MIN_VALUE;
        for (long s : perSecond.keySet()) {
            if (runs.isEmpty() || s != prev + 1) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(s);
            prev = s;
        }
        return runs;
    }

    @Test
    void anIdleGapBreaksTheLine(FxRobot robot) throws Exception {
        DnscacheAnalysis a = DnsFixtures.analyze(DnsFixtures.small(tmp));
        SortedMap<Long, Integer> qps = a.stats().queriesPerSecond();
        List<List<Long>> expected = runs(qps);
        assertThat(expected).hasSizeGreaterThan(1); // the fixture has an idle gap

        robot.interact(() -> view.show(a));
        robot.interact(() -> view.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#dnsQps").queryAs(LineChart.class);
        long first = qps.firstKey();
        assertThat(chart.getData()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            XYChart.Series<Number, Number> s = chart.getData().get(i);
            assertThat(s.getData())
                    .extracting(d -> d.getXValue().longValue())
                    .containsExactlyElementsOf(
                            expected.get(i).stream().map(sec -> sec - first).toList());
            assertThat(s.getData())
                    .extracting(d -> d.getYValue().intValue())
                    .containsExactlyElementsOf(expected.get(i).stream().map(qps::get).toList());
        }
        assertThat(chart.isLegendVisible()).isFalse();
    }

    @Test
    void longLogsAreBucketedAndStillBrokenAtGaps() {
        SortedMap<Long, Integer> qps = new TreeMap<>();
        for (long s = 0; s < 3000; s++) {
            qps.put(1_000_000 + s, 2);
        }
        for (long s = 5000; s < 7200; s++) { // two hours with an idle half hour in between
            qps.put(1_000_000 + s, 4);
        }
        long width = QueriesPerSecondChart.bucket(qps.lastKey() - qps.firstKey());
        assertThat(width).isGreaterThan(1);
        List<QueriesPerSecondChart.Run> runs = QueriesPerSecondChart.runs(qps);
        assertThat(runs).hasSize(2);
        int points = 0;
        for (QueriesPerSecondChart.Run r : runs) {
            for (int i = 1; i < r.points().size(); i++) {
                assertThat(r.points().get(i)[0] - r.points().get(i - 1)[0]).isEqualTo(width);
            }
            points += r.points().size();
        }
        assertThat(points).isLessThanOrEqualTo(QueriesPerSecondChart.MAX_POINTS + 2);
        // a full bucket averages to the per-second rate
        assertThat(runs.get(0).points().get(0)[1]).isEqualTo(2.0);
        assertThat(runs.get(1).points().get(1)[1]).isEqualTo(4.0);
    }
}
