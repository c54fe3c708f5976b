package dev.logsentry.ui.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionStep;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The DNS perspective mounted on the real main fixture; every expected count comes from the core
 * analysis of the same files.
 */
@ExtendWith(ApplicationExtension.class)
class DnsViewTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private DnsView view;

    @Start
    void start(Stage stage) {
        // the workbench always runs with an AtlantaFX theme; dns.css uses its colour variables
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new DnsView();
        // in a pane that honours the view's maximum size: a test narrows the view without
        // resizing the Monocle window
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(view);
        holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        stage.setScene(new Scene(holder, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DnscacheAnalysis loadMain(FxRobot robot) throws Exception {
        Path main = DnsFixtures.main();
        DnscacheAnalysis expected = DnsFixtures.analyze(main);
        robot.interact(() -> view.model().load(List.of(main), executor));
        waitUntil(
                () ->
                        view.table().getItems().size() == expected.trees().size()
                                && !view.model().busyProperty().get());
        return expected;
    }

    @Test
    void loadsOffTheFxThreadAndListsEveryQuery(FxRobot robot) throws Exception {
        DnscacheAnalysis expected = loadMain(robot);
        QueryRow first = view.table().getItems().get(0);
        ResolutionTree t = expected.trees().get(0);
        assertThat(first.name()).isEqualTo(t.name());
        assertThat(first.tree().serial()).isEqualTo(t.serial());
        assertThat(first.outcome()).isEqualTo(t.outcome().name());
        assertThat(first.bytes()).isEqualTo(t.bytes());
        assertThat(first.client()).isEqualTo(t.clientEndpoint());
        int n = expected.trees().size();
        assertThat(robot.lookup("#dnsStatus").queryAs(Label.class).getText())
                .startsWith(n + " queries from " + expected.lines() + " lines");
        assertThat(robot.lookup("#dnsCount").queryAs(Label.class).getText())
                .isEqualTo(n + " queries shown");
    }

    @Test
    void selectingAGluelessQueryShowsItsTreeWithColourBandsAndTheWalk(FxRobot robot)
            throws Exception {
        loadMain(robot);
        QueryRow g3 =
                view.table().getItems().stream()
                        .filter(r -> r.name().equals("www.g3.test.") && r.maxGluelessness() == 3)
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> view.table().getSelectionModel().select(g3));
        WaitForAsyncUtils.waitForFxEvents();

        TreeItem<ResolutionStep> root = view.tree().getRoot();
        assertThat(root.getChildren())
                .extracting(TreeItem::getValue)
                .containsExactlyElementsOf(g3.tree().steps());
        TreeItem<ResolutionStep> l1 =
                root.getChildren().stream()
                        .filter(i -> i.getValue().isLookup())
                        .findFirst()
                        .orElseThrow();
        TreeItem<ResolutionStep> l2 =
                l1.getChildren().stream()
                        .filter(i -> i.getValue().isLookup())
                        .findFirst()
                        .orElseThrow();
        TreeItem<ResolutionStep> l3 =
                l2.getChildren().stream()
                        .filter(i -> i.getValue().isLookup())
                        .findFirst()
                        .orElseThrow();
        assertThat(List.of(l1.getValue().name(), l2.getValue().name(), l3.getValue().name()))
                .containsExactly("ns.h3.other.", "ns.h3b.test.", "ns.h3c.other.");

        // each row carries the colour band of its level: check the row of each lookup
        for (TreeItem<ResolutionStep> item : List.of(root.getChildren().get(0), l1, l2, l3)) {
            int level = item.getValue().gluelessness();
            robot.interact(() -> view.tree().scrollTo(view.tree().getRow(item)));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup(".tree-table-row-cell").queryAll())
                    .filteredOn(n -> ((TreeTableRow<?>) n).getItem() == item.getValue())
                    .singleElement()
                    .satisfies(
                            n ->
                                    assertThat(((javafx.scene.Node) n).getStyleClass())
                                            .contains("glue-" + level));
        }
        assertThat(l3.getValue().gluelessness()).isEqualTo(3);
        assertThat(view.walk().boxes())
                .extracting(Label::getText)
                .anyMatch(t -> t.startsWith("glueless detour (G3)\naddress of ns.h3c.other."))
                .anyMatch(t -> t.contains("zone g3.test.") && t.contains("answer"));
        assertThat(view.walk().boxes().get(view.walk().boxes().size() - 1).getText())
                .contains("ANSWERED");
    }

    @Test
    void inANarrowViewTheStatusIsShortenedNotHidden(FxRobot robot) throws Exception {
        DnscacheAnalysis expected = loadMain(robot);
        robot.interact(() -> view.setMaxWidth(620));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#dnsStatus").queryAs(Label.class);
        assertThat(status.getText()).startsWith(expected.trees().size() + " queries from");
        assertThat(status.getScene()).as("in the view, not in an overflow menu").isNotNull();
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getWidth()).isPositive();
        assertThat(status.localToScene(status.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(view.getWidth() + 1);
        assertThat(status.getTooltip().getText()).isEqualTo(status.getText());
        assertThat(robot.lookup("#dnsSearch").query().isVisible()).isTrue();
    }

    @Test
    void searchAndOutcomeFilterTheTable(FxRobot robot) throws Exception {
        DnscacheAnalysis expected = loadMain(robot);
        long g3 = expected.trees().stream().filter(t -> t.name().contains("g3.test")).count();
        robot.clickOn("#dnsSearch").write("g3.test");
        waitUntil(() -> view.table().getItems().size() == g3);
        assertThat(view.table().getItems()).allMatch(r -> r.name().equals("www.g3.test."));
        robot.interact(
                () -> {
                    view.model().searchProperty().set("");
                    view.model().outcomeProperty().set(Outcome.SERVFAIL);
                });
        List<String> servfail =
                expected.trees().stream()
                        .filter(t -> t.outcome() == Outcome.SERVFAIL)
                        .map(ResolutionTree::name)
                        .toList();
        waitUntil(() -> view.table().getItems().size() == servfail.size());
        assertThat(view.table().getItems())
                .extracting(QueryRow::name)
                .containsExactlyElementsOf(servfail);
    }

    @Test
    void emptyTablesSayWhyAndWhatToDo(FxRobot robot) throws Exception {
        assertThat(placeholder(robot, "#dnsQueriesEmpty"))
                .startsWith("No dnscache log open")
                .contains("File > Open");
        assertThat(robot.lookup("#dnsStatus").queryAs(Label.class).getText())
                .isEqualTo("No dnscache log open");

        // the workbench has one open, but another source is selected
        robot.interact(() -> view.model().openLogs().add("dnscache-current"));
        assertThat(placeholder(robot, "#dnsQueriesEmpty"))
                .contains("open but not selected")
                .contains("dnscache-current")
                .doesNotContain("No dnscache log open");
        assertThat(robot.lookup("#dnsStatus").queryAs(Label.class).getText())
                .doesNotContain("No dnscache log open");

        loadMain(robot);
        assertThat(placeholder(robot, "#dnsTreeEmpty")).startsWith("Select a query");
        robot.clickOn("#dnsSearch").write("no-such-name.example");
        waitUntil(() -> view.table().getItems().isEmpty());
        assertThat(placeholder(robot, "#dnsQueriesEmpty"))
                .startsWith("No query matches \"no-such-name.example\"")
                .contains("Esc");
        assertThat(robot.lookup(".table-view .placeholder .label").queryAll())
                .noneMatch(n -> ((Label) n).getText().equals("No content in table"));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        DnscacheAnalysis expected = DnsFixtures.analyze(DnsFixtures.main());
        waitUntil(() -> view.table().getItems().size() == expected.trees().size());
    }

    private static String placeholder(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Label l = robot.lookup(id).queryAs(Label.class);
        assertThat(l.isVisible()).isTrue();
        return l.getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        DnsFixtures.waitUntil(condition);
    }
}
