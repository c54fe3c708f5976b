package dev.logsentry.ui.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionStep;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

/** The DNS perspective mounted on the real main fixture. */
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
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(
                        DnsViewTest.class
                                .getResource("/dev/logsentry/core/dnscache/plain.log")
                                .toURI())
                .resolveSibling(name);
    }

    /** The fixture as the core decodes it: the expected counts, never hard-coded. */
    private dev.logsentry.core.dnscache.DnscacheAnalysis expected;

    private void loadMain(FxRobot robot) throws Exception {
        Path main = fixture("main");
        expected = dev.logsentry.core.dnscache.DnscacheAnalyzer.analyze(List.of(main));
        int queries = expected.trees().size();
        robot.interact(() -> view.model().load(List.of(main), executor));
        waitUntil(
                () ->
                        view.table().getItems().size() == queries
                                && !view.model().busyProperty().get());
    }

    @Test
    void loadsOffTheFxThreadAndListsEveryQuery(FxRobot robot) throws Exception {
        loadMain(robot);
        QueryRow first = view.table().getItems().get(0);
        assertThat(first.name()).isEqualTo("www.alpha.test.");
        assertThat(first.type()).isEqualTo("A");
        assertThat(first.outcome()).isEqualTo("ANSWERED");
        assertThat(first.bytes()).isEqualTo(101);
        assertThat(first.client()).startsWith("127.0.0.1:");
        assertThat(robot.lookup("#dnsStatus").queryAs(Label.class).getText())
                .startsWith(
                        expected.trees().size() + " queries from " + expected.lines() + " lines");
        assertThat(robot.lookup("#dnsCount").queryAs(Label.class).getText())
                .isEqualTo(expected.trees().size() + " queries shown");
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
                .extracting(i -> i.getValue().kind())
                .containsExactly("cached ns", "cached", "tx", "lookup", "tx");
        TreeItem<ResolutionStep> l1 = root.getChildren().get(3);
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
    void searchAndOutcomeFilterTheTable(FxRobot robot) throws Exception {
        loadMain(robot);
        robot.clickOn("#dnsSearch").write("g3.test");
        waitUntil(() -> view.table().getItems().size() == 2);
        assertThat(view.table().getItems()).allMatch(r -> r.name().equals("www.g3.test."));
        robot.interact(
                () -> {
                    view.model().searchProperty().set("");
                    view.model().outcomeProperty().set(Outcome.SERVFAIL);
                });
        waitUntil(() -> view.table().getItems().size() == 2);
        assertThat(view.table().getItems())
                .extracting(QueryRow::name)
                .containsExactly("www.lame.test.", "www.dead.test.");
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
