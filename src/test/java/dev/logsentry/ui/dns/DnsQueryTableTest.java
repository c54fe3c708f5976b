package dev.logsentry.ui.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheWriters;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The query table: sorting by every column, "?" rows explained, the row context menu. */
@ExtendWith(ApplicationExtension.class)
class DnsQueryTableTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<String> copied = new ArrayList<>();
    private DnsView view;

    @TempDir Path tmp;

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

    private DnscacheAnalysis load(FxRobot robot, Path log) throws Exception {
        DnscacheAnalysis expected = DnsFixtures.analyze(log);
        robot.interact(() -> view.model().load(List.of(log), executor));
        DnsFixtures.waitUntil(
                () ->
                        view.table().getItems().size() == expected.trees().size()
                                && !view.model().busyProperty().get());
        return expected;
    }

    private List<QueryRow> sortBy(FxRobot robot, String title, TableColumn.SortType type) {
        TableColumn<QueryRow, ?> c = column(title);
        robot.interact(
                () -> {
                    c.setSortType(type);
                    view.table().getSortOrder().setAll(List.of(c));
                });
        return List.copyOf(view.table().getItems());
    }

    private TableColumn<QueryRow, ?> column(String title) {
        return view.table().getColumns().stream()
                .filter(c -> title.equals(c.getText() != null ? c.getText() : graphicText(c)))
                .findFirst()
                .orElseThrow();
    }

    private static String graphicText(TableColumn<?, ?> c) {
        return c.getGraphic() instanceof Label l ? l.getText() : null;
    }

    /** Sorted ascending and descending, the rows follow {@code order} on the core's values. */
    private <T> void assertSorts(
            FxRobot robot, String title, Function<QueryRow, T> key, Comparator<T> order) {
        List<QueryRow> up = sortBy(robot, title, TableColumn.SortType.ASCENDING);
        assertThat(up).extracting(key::apply).isSortedAccordingTo(order);
        List<QueryRow> down = sortBy(robot, title, TableColumn.SortType.DESCENDING);
        assertThat(down).extracting(key::apply).isSortedAccordingTo(order.reversed());
        assertThat(down).hasSameSizeAs(up);
    }

    @Test
    void everyColumnSortsByItsValueNotItsText(FxRobot robot) throws Exception {
        load(robot, DnsFixtures.main());
        Comparator<Instant> times = Comparator.nullsLast(Comparator.naturalOrder());
        assertSorts(robot, "Time", r -> r.tree().start(), times);
        assertSorts(robot, "Name", QueryRow::name, String.CASE_INSENSITIVE_ORDER);
        assertSorts(robot, "Type", QueryRow::type, Comparator.naturalOrder());
        assertSorts(robot, "Outcome", QueryRow::outcome, Comparator.naturalOrder());
        // counts as numbers: 10 after 9, not between 1 and 2
        assertSorts(robot, "Steps", r -> r.tree().stepCount(), Comparator.<Integer>naturalOrder());
        assertSorts(
                robot,
                "Max glue",
                r -> r.tree().maxGluelessness(),
                Comparator.<Integer>naturalOrder());
        assertSorts(
                robot, "Duration", r -> r.tree().durationNanos(), Comparator.<Long>naturalOrder());
        assertSorts(robot, "Size", r -> r.tree().bytes(), Comparator.<Integer>naturalOrder());
        assertThat(sortBy(robot, "Steps", TableColumn.SortType.DESCENDING))
                .extracting(QueryRow::steps)
                .anyMatch(n -> n >= 10)
                .anyMatch(n -> n < 10);

        // no sort order: back to the log's order
        robot.interact(() -> view.table().getSortOrder().clear());
        DnscacheAnalysis expected = DnsFixtures.analyze(DnsFixtures.main());
        assertThat(view.table().getItems())
                .extracting(QueryRow::tree)
                .extracting(ResolutionTree::serial)
                .containsExactlyElementsOf(
                        expected.trees().stream().map(ResolutionTree::serial).toList());
    }

    @Test
    void clientsSortByAddressThenPortAndUnknownClientsLast(FxRobot robot) throws Exception {
        load(robot, DnsFixtures.small(tmp));
        List<QueryRow> up = sortBy(robot, "Client", TableColumn.SortType.ASCENDING);
        assertThat(up)
                .extracting(QueryRow::client)
                .containsExactly(
                        "9.0.0.1:1001",
                        "10.0.0.2:1003",
                        "10.0.0.10:1000",
                        "192.168.1.1:1002",
                        "[::1]:1004",
                        "?");
        // the click on the header sorts too
        robot.interact(() -> view.table().getSortOrder().clear());
        robot.clickOn(
                robot.lookup(".column-header .label").match(this::isClientHeader).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.table().getItems().get(0).client()).isEqualTo("9.0.0.1:1001");
    }

    private boolean isClientHeader(javafx.scene.Node n) {
        return n instanceof Label l && "Client".equals(l.getText());
    }

    @Test
    void partialRowsAreLabelledAndExplained(FxRobot robot) throws Exception {
        DnscacheAnalysis expected = load(robot, DnsFixtures.small(tmp));
        ResolutionTree partial =
                expected.trees().stream()
                        .filter(ResolutionTree::isPartial)
                        .findFirst()
                        .orElseThrow();
        TableRow<?> row =
                robot.lookup(".table-row-cell")
                        .match(
                                n ->
                                        n instanceof TableRow<?> r
                                                && r.getItem() instanceof QueryRow q
                                                && q.isPartial())
                        .query();
        assertThat(row.getStyleClass()).contains("partial");
        assertThat(row.getTooltip().getText()).isEqualTo(QueryRow.PARTIAL_EXPLAINED);
        assertThat(robot.from(row).lookup(".table-cell").queryAll())
                .extracting(n -> ((javafx.scene.control.Labeled) n).getText())
                .contains("? (asked before the log began, #" + partial.serial() + ")");
        Label legend = robot.lookup("#dnsLegend").queryAs(Label.class);
        assertThat(legend.isVisible()).isTrue();
        assertThat(legend.getText())
                .contains("\"?\" rows (1): queries asked before the log began")
                .contains(expected.unattributed().size() + " line")
                .contains("could not be attributed to any client query");
        assertThat(legend.getTooltip().getText()).contains("could not be attributed");
    }

    @Test
    void headersAndCellsAreNotCut(FxRobot robot) throws Exception {
        load(robot, DnsFixtures.main());
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Set<javafx.scene.Node> headers =
                robot.lookup("#dnsQueries .column-header .label").queryAll();
        assertThat(headers)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(shownText(l)).doesNotEndWith("..."));
        java.util.Set<javafx.scene.Node> cells = robot.lookup("#dnsQueries .table-cell").queryAll();
        assertThat(cells).allSatisfy(c -> assertThat(shownText(c)).doesNotEndWith("..."));
    }

    /** What a labeled node really draws: its Text child, which carries "..." when clipped. */
    static String shownText(javafx.scene.Node labeled) {
        return ((javafx.scene.Parent) labeled)
                .getChildrenUnmodifiable().stream()
                        .filter(Text.class::isInstance)
                        .map(t -> ((Text) t).getText())
                        .findFirst()
                        .orElse("");
    }

    @Test
    void rowMenuShowsTheTreeFiltersAndCopies(FxRobot robot) throws Exception {
        DnscacheAnalysis expected = load(robot, DnsFixtures.main());
        // the most asked name, so that filtering by it leaves several rows to copy
        ResolutionTree target =
                expected.trees().stream()
                        .filter(t -> !t.isPartial())
                        .max(
                                Comparator.comparingLong(
                                        t ->
                                                expected.trees().stream()
                                                        .filter(u -> u.name().equals(t.name()))
                                                        .count()))
                        .orElseThrow();
        QueryRow row =
                view.table().getItems().stream()
                        .filter(r -> r.tree().serial() == target.serial())
                        .findFirst()
                        .orElseThrow();

        // Show Resolution Tree: from the Statistics tab back to the tree of that query
        robot.interact(
                () -> {
                    view.tabs().getSelectionModel().select(1);
                    view.table().scrollTo(row);
                });
        rightClick(robot, row);
        DnsFixtures.clickMenu(robot, "Show Resolution Tree");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tabs().getSelectionModel().getSelectedIndex()).isZero();
        assertThat(view.model().selectedProperty().get().serial()).isEqualTo(target.serial());
        assertThat(view.tree().getRoot().getChildren()).hasSize(target.steps().size());

        // Filter by Client / Name: exactly the core's queries of that client / name
        rightClick(robot, row);
        DnsFixtures.clickMenu(robot, "Filter by Client " + target.client());
        long byClient =
                expected.trees().stream().filter(t -> t.client().equals(target.client())).count();
        DnsFixtures.waitUntil(() -> view.table().getItems().size() == byClient);
        assertThat(view.table().getItems())
                .allMatch(r -> r.tree().client().equals(target.client()));

        robot.interact(() -> view.table().scrollTo(row));
        rightClick(robot, row);
        DnsFixtures.clickMenu(robot, "Filter by Name " + target.name());
        long byName = expected.trees().stream().filter(t -> t.name().equals(target.name())).count();
        assertThat(byName).isGreaterThan(1);
        DnsFixtures.waitUntil(() -> view.table().getItems().size() == byName);
        assertThat(view.table().getItems()).allMatch(r -> r.name().equals(target.name()));

        // Copy: the selected queries as the CLI prints them
        robot.interact(() -> view.table().getSelectionModel().selectAll());
        rightClick(robot, view.table().getItems().get(0));
        DnsFixtures.clickMenu(robot, "Copy " + byName + " Query Lines");
        String want =
                expected.trees().stream()
                        .filter(t -> t.name().equals(target.name()))
                        .map(DnscacheWriters::headline)
                        .reduce("", (a, b) -> a + b + "\n");
        assertThat(copied).last().isEqualTo(want);
    }

    private void rightClick(FxRobot robot, QueryRow item) {
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> row =
                robot.lookup("#dnsQueries .table-row-cell")
                        .match(n -> n instanceof TableRow<?> r && r.getItem() == item)
                        .query();
        robot.clickOn(row, javafx.scene.input.MouseButton.SECONDARY);
        requestMenu(robot, row);
    }

    /**
     * The context-menu request that a right click or the Menu key makes on a desktop; Monocle (the
     * headless test platform) makes none, so the test sends it as the window system would.
     */
    static void requestMenu(FxRobot robot, javafx.scene.Node node) {
        robot.interact(
                () -> {
                    javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
                    javafx.event.Event.fireEvent(
                            node,
                            new javafx.scene.input.ContextMenuEvent(
                                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    20,
                                    b.getHeight() / 2,
                                    b.getMinX() + 20,
                                    b.getMinY() + b.getHeight() / 2,
                                    false,
                                    null));
                });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
