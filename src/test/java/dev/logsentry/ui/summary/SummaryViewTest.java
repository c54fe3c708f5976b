package dev.logsentry.ui.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.summary.ServiceLoader;
import dev.logsentry.core.summary.SummaryInput;
import dev.logsentry.core.summary.SummaryOutline;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Summary view alone: a range, a run, numbers that link to their lines, HTML export. */
@ExtendWith(ApplicationExtension.class)
class SummaryViewTest {
    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @TempDir static Path dir;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<List<SummaryOutline.LineTarget>> opened = new CopyOnWriteArrayList<>();
    private SummaryView view;
    private Path log;

    @Start
    void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        log = dir.resolve("auth.log");
        Files.writeString(
                log,
                "Dec  4 10:00:01 gw sshd[1]: Accepted publickey for alice from 10.0.0.5 port 1 ssh2\n"
                        + "Dec  4 10:00:02 gw CRON[2]: (root) CMD (backup)\n"
                        + "Dec  4 10:00:03 gw sshd[3]: Accepted password for alice from 10.0.0.6 port 2 ssh2\n"
                        + "Dec  3 10:00:04 gw sshd[4]: Accepted password for bob from 10.0.0.7 port 3 ssh2\n");
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-12-04T11:00:00Z")));
        SummaryViewModel model =
                new SummaryViewModel(
                        () -> new ArrayList<>(ServiceLoader.load(List.of()).services().values()),
                        NOW,
                        ZoneOffset.UTC);
        model.inputs().add(new SummaryInput.LogFile(log));
        model.setOnOpenLines(opened::add);
        view = new SummaryView(model, executor);
        // in a pane that honours the view's maximum size: tests make the view small without
        // resizing the window (a resized Monocle window can break rendering for later tests)
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(view);
        holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        stage.setScene(new Scene(holder, 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private void summarise(FxRobot robot, String range) throws Exception {
        robot.interact(() -> view.model().rangeProperty().set(range));
        robot.clickOn("#summaryRun");
        waitUntil(
                () ->
                        !view.model().busyProperty().get()
                                && view.model().summaryProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TreeItem<SummaryOutline.Node> find(TreeItem<SummaryOutline.Node> from, String... path) {
        TreeItem<SummaryOutline.Node> t = from;
        for (String p : path) {
            t =
                    t.getChildren().stream()
                            .filter(c -> c.getValue().label().equals(p))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no " + p));
        }
        return t;
    }

    @Test
    void inANarrowStackEveryControlShowsAndTheChartGoesBelow(FxRobot robot) throws Exception {
        robot.interact(() -> view.setMaxSize(380, 700));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node run = robot.lookup("#summaryRun").query();
        assertThat(run.isVisible()).isTrue();
        assertThat(run.localToScene(run.getBoundsInLocal()).getMaxX())
                .as("Summarise is on screen, not behind an overflow button")
                .isLessThanOrEqualTo(view.getWidth());
        javafx.scene.control.SplitPane split =
                robot.lookup("#summarySplit").queryAs(javafx.scene.control.SplitPane.class);
        assertThat(split.getOrientation()).isEqualTo(javafx.geometry.Orientation.VERTICAL);
        assertThat(split.getItems()).hasSize(2);
        robot.interact(() -> view.setMaxSize(380, 260));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getItems()).as("small: the outline only").containsExactly(view.tree());
        summarise(robot, "All");
        assertThat(view.model().outline()).isNotEmpty();

        robot.interact(() -> view.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getOrientation()).isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
        assertThat(split.getItems()).hasSize(2);
        javafx.scene.chart.NumberAxis counts =
                (javafx.scene.chart.NumberAxis) view.chart().getYAxis();
        assertThat(counts.getTickLabelFormatter().toString(2.5)).as("counts are whole").isEmpty();
        assertThat(counts.getTickLabelFormatter().toString(3.0)).isEqualTo("3");
    }

    @Test
    void aRunningSummaryIsCancelledFromTheView(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        // a run that stays in progress until cancelled: its service set takes forever to load
        SummaryViewModel slow =
                new SummaryViewModel(
                        () -> {
                            entered.countDown();
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return new ArrayList<>(
                                    ServiceLoader.load(List.of()).services().values());
                        },
                        NOW,
                        ZoneOffset.UTC);
        slow.inputs().add(new SummaryInput.LogFile(log));
        List<javafx.concurrent.Task<?>> started = new CopyOnWriteArrayList<>();
        slow.setOnStarted(started::add);
        robot.interact(() -> view.getScene().setRoot(new SummaryView(slow, executor)));
        javafx.scene.Node cancel = robot.lookup("#summaryCancel").query();
        assertThat(cancel.isVisible()).as("no Cancel before a run").isFalse();

        robot.clickOn("#summaryRun");
        assertThat(entered.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        waitUntil(cancel::isVisible);
        assertThat(robot.lookup("#summaryRun").query().isDisabled()).isTrue();
        robot.clickOn("#summaryCancel");

        waitUntil(() -> !slow.busyProperty().get());
        assertThat(slow.statusProperty().get()).isEqualTo("Summary cancelled");
        assertThat(started).singleElement().satisfies(t -> assertThat(t.isCancelled()).isTrue());
        assertThat(slow.summaryProperty().get()).isNull();
        assertThat(cancel.isVisible()).isFalse();
        assertThat(robot.lookup("#summaryRun").query().isDisabled()).isFalse();
    }

    @Test
    void theHintIsReadWholeInTheSmallBottomStack(FxRobot robot) throws Exception {
        // the Events perspective's bottom-right stack at the default window size
        robot.interact(() -> view.setMaxSize(380, 200));
        WaitForAsyncUtils.waitForFxEvents();
        Label placeholder = robot.lookup("#summaryPlaceholder").queryAs(Label.class);
        javafx.scene.text.Text shown = (javafx.scene.text.Text) placeholder.lookup(".text");
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(shown.getText()).as("not cut with an ellipsis").isEqualTo(placeholder.getText());
        assertThat(placeholder.localToScene(placeholder.getBoundsInLocal()).getMaxY())
                .as("inside the view")
                .isLessThanOrEqualTo(view.localToScene(view.getBoundsInLocal()).getMaxY());
        summarise(robot, "All");
        assertThat(placeholder.isVisible()).as("the outline replaces the hint").isFalse();
        assertThat(robot.lookup("#summarySplit").query().isVisible()).isTrue();
    }

    @Test
    void anEmptyOutlineSaysWhy(FxRobot robot) throws Exception {
        Label placeholder = robot.lookup("#summaryPlaceholder").queryAs(Label.class);
        assertThat(placeholder.getText()).startsWith("Choose a range and press Summarise");
        // said once: the status line below does not repeat it, and it wraps inside the view
        assertThat(robot.lookup("#summaryStatus").queryAs(Label.class).getText()).isEmpty();
        assertThat(placeholder.getMaxWidth()).isLessThanOrEqualTo(view.getWidth());
        summarise(robot, "2020/01/01");
        assertThat(view.model().outline()).isEmpty();
        assertThat(placeholder.getText())
                .isEqualTo(
                        "Nothing to summarise: no line of the open logs in \u201c2020/01/01\u201d"
                                + " is claimed by a service. Try the range \u201cAll\u201d.");
        assertThat(placeholder.isVisible()).isTrue();
        robot.interact(() -> view.model().inputs().clear());
        assertThat(placeholder.getText()).startsWith("No log open");
    }

    @Test
    void aNumberLinksToTheLinesBehindIt(FxRobot robot) throws Exception {
        summarise(robot, "Today");
        assertThat(robot.lookup("#summaryStatus").queryAs(Label.class).getText())
                .startsWith("4 lines read, 3 in range");
        TreeItem<SummaryOutline.Node> alice =
                find(view.tree().getRoot(), "SSHD", "Users logging in through sshd", "alice");
        assertThat(alice.getValue().value()).isEqualTo("2");
        robot.interact(
                () -> {
                    view.tree().getSelectionModel().select(alice);
                    view.tree().scrollTo(view.tree().getRow(alice));
                });
        WaitForAsyncUtils.waitForFxEvents();
        Hyperlink link =
                robot.lookup(".summary-count-link").queryAllAs(Hyperlink.class).stream()
                        .filter(h -> h.getText().equals("2") && h.isVisible())
                        .filter(
                                h ->
                                        h.getParent() != null
                                                && ((javafx.scene.control.TreeTableCell<?, ?>)
                                                                        h.getParent())
                                                                .getTreeTableRow()
                                                                .getTreeItem()
                                                        == alice)
                        .findFirst()
                        .orElseThrow();
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0))
                .containsExactly(
                        new SummaryOutline.LineTarget(log.toString(), 1),
                        new SummaryOutline.LineTarget(log.toString(), 3));
        assertThat(
                        find(view.tree().getRoot(), "SSHD", "Users logging in through sshd")
                                .getValue()
                                .value())
                .as("bob's line is yesterday")
                .isEqualTo("2");
    }

    @Test
    void typingARangeAndPressingEnterSummarises(FxRobot robot) throws Exception {
        robot.clickOn("#summaryRange");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write("All");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(
                () ->
                        !view.model().busyProperty().get()
                                && view.model().summaryProperty().get() != null);
        assertThat(view.model().rangeProperty().get()).isEqualTo("All");
        assertThat(view.model().outline()).isNotEmpty();
    }

    @Test
    void theRangePickerTakesAnyLogwatchRangeAndSaysWhenItCannot(FxRobot robot) throws Exception {
        summarise(robot, "between -2 days and today");
        assertThat(
                        find(view.tree().getRoot(), "SSHD", "Users logging in through sshd")
                                .getValue()
                                .value())
                .isEqualTo("3");
        robot.interact(() -> view.model().rangeProperty().set("next blue moon"));
        robot.clickOn("#summaryRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#summaryStatus").queryAs(Label.class).getText())
                .contains("cannot read the date 'next blue moon'");
    }

    @Test
    void selectingABreakdownChartsItAndTheViewExportsHtml(FxRobot robot) throws Exception {
        summarise(robot, "Today");
        TreeItem<SummaryOutline.Node> users =
                find(view.tree().getRoot(), "SSHD", "Users logging in through sshd");
        robot.interact(() -> view.tree().getSelectionModel().select(users));
        assertThat(view.chart().getData()).hasSize(1);
        assertThat(view.chart().getData().get(0).getData()).hasSize(1);
        Path out = dir.resolve("export.html");
        view.setExportChooser(w -> new File(out.toString()));
        robot.clickOn("#summaryExport");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(out))
                .contains("<h2>SSHD</h2>")
                .contains("Users logging in through sshd: 2")
                .doesNotContain("<script");
    }

    private static void waitUntil(BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c::getAsBoolean);
    }
}
