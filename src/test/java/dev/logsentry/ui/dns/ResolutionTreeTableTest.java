package dev.logsentry.ui.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheLogReader;
import dev.logsentry.core.dnscache.ResolutionStep;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The resolution tree: full times, uncut columns, its context menu (copy, show the log line). */
@ExtendWith(ApplicationExtension.class)
class ResolutionTreeTableTest {
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<String> copied = new ArrayList<>();
    private DnsView view;
    private DnscacheAnalysis expected;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new DnsView(new DnsViewModel(copied::add));
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Loads the main fixture and selects its deepest query (most glueless levels, then steps). */
    private ResolutionTree loadDeepest(FxRobot robot) throws Exception {
        Path main = DnsFixtures.main();
        expected = DnsFixtures.analyze(main);
        robot.interact(() -> view.model().load(List.of(main), executor));
        DnsFixtures.waitUntil(
                () ->
                        view.table().getItems().size() == expected.trees().size()
                                && !view.model().busyProperty().get());
        ResolutionTree deepest =
                expected.trees().stream()
                        .max(
                                java.util.Comparator.comparingInt(ResolutionTree::maxGluelessness)
                                        .thenComparingInt(ResolutionTree::stepCount))
                        .orElseThrow();
        QueryRow row =
                view.table().getItems().stream()
                        .filter(r -> r.tree().serial() == deepest.serial())
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> view.table().getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        return deepest;
    }

    @Test
    void timeColumnKeepsTheMicrosecondsAndNothingIsCut(FxRobot robot) throws Exception {
        ResolutionTree t = loadDeepest(robot);
        assertThat(t.maxGluelessness()).isGreaterThan(1);
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> cells = robot.lookup("#dnsTree .tree-table-cell").queryAll();
        List<String> times = new ArrayList<>();
        for (Node n : cells) {
            TreeTableCell<?, ?> c = (TreeTableCell<?, ?>) n;
            if (c.isEmpty() || c.getText() == null || c.getText().isEmpty()) {
                continue;
            }
            // what is drawn is the whole text: no "..." (Step, Time, Detail alike)
            assertThat(DnsQueryTableTest.shownText(c)).isEqualTo(c.getText());
            if (c.getTableColumn().getText() != null
                    && c.getTableColumn().getText().equals("Time")) {
                times.add(c.getText());
            }
        }
        assertThat(times).isNotEmpty().allMatch(s -> s.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
        ResolutionStep first = t.steps().get(0);
        assertThat(times).contains(MICROS.format(first.entry().time()));
        // the gluelessness header reads in full
        Set<Node> headers = robot.lookup("#dnsTree .column-header .label").queryAll();
        assertThat(headers)
                .extracting(DnsQueryTableTest::shownText)
                .contains("Step", "Glue", "Time", "Line", "Detail")
                .noneMatch(s -> s.endsWith("..."));
    }

    @Test
    void treeMenuCopiesAStepAndShowsItsLogLine(FxRobot robot) throws Exception {
        ResolutionTree t = loadDeepest(robot);
        TreeItem<ResolutionStep> lookup =
                view.tree().getRoot().getChildren().stream()
                        .filter(i -> i.getValue().isLookup())
                        .findFirst()
                        .orElseThrow();
        TreeItem<ResolutionStep> step = lookup.getChildren().get(0);
        ResolutionStep s = step.getValue();
        robot.interact(() -> view.tree().scrollTo(view.tree().getRow(step)));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableRow<?> row =
                robot.lookup("#dnsTree .tree-table-row-cell")
                        .match(n -> n instanceof TreeTableRow<?> r && r.getItem() == s)
                        .query();

        DnsQueryTableTest.requestMenu(robot, row);
        DnsFixtures.clickMenu(robot, "Copy");
        assertThat(copied).hasSize(1);
        String text = copied.get(0);
        assertThat(text.lines().findFirst().orElseThrow())
                .contains(s.kind())
                .contains("G" + s.gluelessness())
                .contains(MICROS.format(s.entry().time()))
                .contains("\t" + s.entry().line() + "\t");

        DnsQueryTableTest.requestMenu(robot, row);
        DnsFixtures.clickMenu(robot, "Show Log Line");
        DnsFixtures.waitUntil(() -> view.model().logLineProperty().get() != null);
        LogLine shown = view.model().logLineProperty().get();
        // the file and line the core read it from hold exactly that text
        assertThat(DnscacheLogReader.expand(DnsFixtures.main())).contains(shown.file());
        assertThat(shown.text())
                .isEqualTo(Files.readAllLines(shown.file()).get((int) s.entry().line() - 1));
        assertThat(shown.text()).contains(" " + s.kind().split(" ")[0] + " ");
        assertThat(robot.lookup("#dnsLogLineText").queryAs(TextField.class).getText())
                .isEqualTo(shown.text());
        assertThat(robot.lookup("#dnsLogLineWhere").queryAs(Label.class).getText())
                .contains(shown.file().getFileName().toString())
                .contains(String.valueOf(s.entry().line()));

        // a glueless lookup has no line of its own: the item is there but disabled
        assertThat(view.tree().menu(lookup).getItems())
                .filteredOn(i -> "Show Log Line".equals(i.getText()))
                .singleElement()
                .satisfies(i -> assertThat(i.isDisable()).isTrue());
        assertThat(t.serial()).isPositive();
    }
}
