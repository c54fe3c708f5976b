package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.dock.DockLayouts;
import dev.logsentry.ui.dock.DockState;
import dev.logsentry.ui.dock.LayoutNode;
import dev.logsentry.ui.dock.PerspectiveLayout;
import dev.logsentry.ui.dock.StandardPerspectives;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import software.coley.bentofx.control.Header;

/**
 * The real workbench window on the docking layer: views move, maximise, detach and dock again, a
 * perspective resets, the layout survives a restart through the workspace file, each open log is an
 * editor tab that follows the Sources selection, and the DNS view knows which dnscache logs are
 * open.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDockTest {
    @TempDir Path temp;

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void everyViewIsRegisteredAndTheWindowMenuShowsThem() {
        List<String> ids =
                onFx(() -> wb.window().dock().views().all().stream().map(v -> v.id()).toList());
        assertThat(ids)
                .contains(
                        "sources",
                        "rules",
                        "dns.queries",
                        "dns.tree",
                        "dns.walk",
                        "dns.stats",
                        "summary",
                        "progress");
        assertThat(wb.window().menuItems())
                .extracting(m -> m.getId())
                .contains("resetPerspective", "savePerspectiveAs", "toggleMaximize");
    }

    @Test
    void aViewDroppedOnAnotherStackMovesThere(FxRobot robot) {
        assertThat(stackOf("progress")).doesNotContain("sources");

        // the drop a drag ends in (a mouse drag itself is DockWorkbenchTest's: under Monocle, a
        // robot drag over this window's canvases leaves drag state behind for later tests)
        robot.interact(() -> wb.window().dock().moveView("progress", "sources", null));

        assertThat(stackOf("progress")).contains("sources", "progress");
    }

    @Test
    void ctrlMMaximisesTheActiveViewAndRestoresIt(FxRobot robot) {
        robot.interact(() -> wb.window().dock().showView("progress"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.window().dock().maximizedProperty().get()).isTrue();
        assertThat(robot.lookup(n -> n instanceof Header).queryAll())
                .allMatch(h -> isIn((Header) h, stackOf("progress")));

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.window().dock().maximizedProperty().get()).isFalse();
        assertThat(robot.lookup(n -> n instanceof Header).queryAll())
                .anyMatch(h -> ((Header) h).getDockable().getIdentifier().equals("sources"));
    }

    @Test
    void aDetachedViewGetsItsOwnWindowAndDocksBack(FxRobot robot) {
        robot.interact(() -> wb.window().dock().detach("progress"));
        Window own = header(robot, "progress").getScene().getWindow();
        assertThat(own).isNotSameAs(wb.stage());
        assertThat(wb.window().dock().isDetached("progress")).isTrue();

        robot.interact(() -> wb.window().dock().dock("progress"));
        assertThat(wb.window().dock().isDetached("progress")).isFalse();
        assertThat(own.isShowing()).isFalse();
        assertThat(header(robot, "progress").getScene().getWindow()).isSameAs(wb.stage());
    }

    @Test
    void resetPerspectiveUndoesTheUsersChanges(FxRobot robot) {
        String before = describe();
        robot.interact(() -> wb.window().dock().moveView("progress", "sources", null));
        assertThat(describe()).isNotEqualTo(before);

        robot.interact(() -> wb.window().dock().resetPerspective());

        assertThat(describe()).isEqualTo(before);
    }

    @Test
    void theLayoutWithADetachedViewSurvivesARestart(FxRobot robot) throws Exception {
        robot.interact(
                () -> {
                    wb.window().dock().moveView("progress", "sources", null);
                    wb.window().dock().detach("summary");
                });
        String arranged = describe();
        WorkspaceStore store = new WorkspaceStore(temp.resolve("config"));
        assertThat(onFx(() -> store.save(wb.window().capture()))).isTrue();
        WorkbenchWindow again = wb.restart(temp.resolve("config2"), store.load());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(describe(again)).isEqualTo(arranged);
        assertThat(again.dock().isDetached("summary")).isTrue();
        assertThat(header(robot, "summary").getScene().getWindow()).isNotSameAs(wb.stage());
    }

    @Test
    void eachOpenLogIsAnEditorTabThatFollowsTheSelection(FxRobot robot) throws IOException {
        Path one = Files.writeString(temp.resolve("one.log"), "Dec  4 10:00:00 h a: one\n");
        Path two = Files.writeString(temp.resolve("two.log"), "Dec  4 10:00:00 h b: two\n");
        robot.interact(() -> wb.model().open(List.of(one, two)));
        waitUntil(() -> wb.model().sources().size() == 2);
        waitUntil(() -> onFx(() -> wb.window().dock().editors().size()) == 2);

        SourceItem first = wb.model().sources().get(0);
        robot.interact(() -> wb.window().dock().activate(LogEditors.id(first)));
        assertThat(wb.model().selectedProperty().get()).isSameAs(first);
        assertThat(wb.window().events().getScene()).isNotNull();
        assertThat(onFx(() -> header(robot, LogEditors.id(first)).getDockable().getNode()))
                .isSameAs(wb.window().events());

        SourceItem second = wb.model().sources().get(1);
        robot.interact(() -> wb.model().selectedProperty().set(second));
        assertThat(wb.window().dock().selection().activeEditorProperty().get().input())
                .isSameAs(second);

        robot.interact(() -> wb.window().dock().closeEditor(LogEditors.id(second)));
        waitUntil(() -> !wb.model().sources().contains(second));
        robot.interact(() -> wb.model().close(first));
        assertThat(onFx(() -> wb.window().dock().editors())).isEmpty();
    }

    @Test
    void theSummaryViewSummarisesEveryOpenLogDnscacheIncludedAndListsItsRunInProgress(FxRobot robot)
            throws Exception {
        Path log = temp.resolve("current");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, log);
        }
        Path auth =
                Files.writeString(
                        temp.resolve("auth.log"),
                        "Dec  4 10:00:01 gw sshd[1]: Accepted publickey for alice from 10.0.0.5"
                                + " port 1 ssh2\n");
        robot.interact(() -> wb.model().open(List.of(auth, log)));
        waitUntil(() -> onFx(() -> wb.model().sources().size() == 2));
        List<String> jobs = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(
                () -> {
                    wb.window()
                            .jobs()
                            .jobs()
                            .addListener(
                                    (javafx.collections.ListChangeListener<
                                                    dev.logsentry.ui.dock.Job>)
                                            c -> {
                                                while (c.next()) {
                                                    c.getAddedSubList()
                                                            .forEach(
                                                                    j ->
                                                                            jobs.add(
                                                                                    j.nameProperty()
                                                                                            .get()));
                                                }
                                            });
                    wb.window().dock().showView("summary");
                });
        dev.logsentry.ui.summary.SummaryView view =
                robot.lookup(".summary-view").queryAs(dev.logsentry.ui.summary.SummaryView.class);
        robot.interact(() -> view.model().rangeProperty().set("All"));
        robot.clickOn("#summaryRun");
        waitUntil(
                () ->
                        onFx(
                                () ->
                                        !view.model().busyProperty().get()
                                                && view.model().summaryProperty().get() != null));
        assertThat(onFx(() -> view.model().outline().stream().map(n -> n.label()).toList()))
                .contains("SSHD", "dnscache");
        assertThat(jobs).contains("Summarising the open logs");
    }

    @Test
    void ctrlMOnASyslogEditorBesideADnscacheOneMaximisesItAndKeepsItsLog(FxRobot robot)
            throws Exception {
        Path syslog = Files.writeString(temp.resolve("sys.log"), "Dec  4 10:00:00 h a: one\n");
        Path log = temp.resolve("current");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, log);
        }
        robot.interact(() -> wb.model().open(List.of(syslog, log)));
        waitUntil(() -> onFx(() -> wb.window().dock().editors().size()) == 2);
        waitUntil(() -> onFx(() -> !wb.model().dns().openLogs().isEmpty()));
        SourceItem sys =
                wb.model().sources().stream()
                        .filter(s -> !s.isDnscache())
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> wb.model().selectedProperty().set(sys));
        robot.interact(() -> wb.window().perspectiveProperty().set(Perspective.EVENTS));
        robot.interact(() -> wb.window().dock().activate(LogEditors.id(sys)));
        waitUntil(() -> onFx(() -> wb.window().events().table().getItems().size() == 1));
        // a click on a row, as a person does before pressing the key
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.EVENTS);
        assertThat(wb.model().selectedProperty().get()).isSameAs(sys);
        assertThat(wb.window().dock().maximizedProperty().get()).isTrue();
        assertThat(wb.window().dock().selection().activeEditorProperty().get().input())
                .isSameAs(sys);
        assertThat(robot.lookup(n -> n instanceof Header).queryAll())
                .as("only the editor area is on screen")
                .allMatch(h -> isIn((Header) h, stackOf(LogEditors.id(sys))));
    }

    @Test
    void ctrlF6ListsEveryOpenLogWholeWithThePreviousOneSelected(FxRobot robot) throws Exception {
        Path one = Files.writeString(temp.resolve("one.log"), "Dec  4 10:00:00 h a: one\n");
        Path two = Files.writeString(temp.resolve("two.log"), "Dec  4 10:00:00 h b: two\n");
        Path three = Files.writeString(temp.resolve("three.log"), "Dec  4 10:00:00 h c: 3\n");
        robot.interact(() -> wb.model().open(List.of(one, two, three)));
        waitUntil(() -> onFx(() -> wb.window().dock().editors().size()) == 3);

        robot.press(KeyCode.CONTROL).press(KeyCode.F6).release(KeyCode.F6);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.ListView<?> list =
                    robot.lookup(".ls-part-switcher .list-view")
                            .queryAs(javafx.scene.control.ListView.class);
            List<String> shown =
                    onFx(
                            () -> {
                                javafx.geometry.Bounds view =
                                        list.localToScreen(list.getLayoutBounds());
                                return robot.from(list).lookup(".list-cell").queryAll().stream()
                                        .map(c -> (javafx.scene.control.ListCell<?>) c)
                                        .filter(c -> c.getItem() != null && c.isVisible())
                                        .filter(
                                                c -> {
                                                    javafx.geometry.Bounds b =
                                                            c.localToScreen(c.getLayoutBounds());
                                                    return b.getMinY() >= view.getMinY() - 0.5
                                                            && b.getMaxY() <= view.getMaxY() + 0.5;
                                                })
                                        .map(c -> c.getText())
                                        .toList();
                            });
            assertThat(shown).as("every row whole inside the list").hasSize(3);
            assertThat(onFx(() -> list.getSelectionModel().getSelectedIndex())).isEqualTo(1);
        } finally {
            robot.release(KeyCode.CONTROL);
        }
    }

    @Test
    void theDnsViewKnowsWhichDnscacheLogsAreOpen(FxRobot robot) throws IOException {
        Path log = temp.resolve("current");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, log);
        }
        robot.interact(() -> wb.model().open(List.of(log)));
        waitUntil(() -> onFx(() -> !wb.model().dns().openLogs().isEmpty()));
        SourceItem item = wb.model().sources().get(0);
        waitUntil(() -> onFx(() -> wb.model().dns().analysisProperty().get() != null));

        robot.interact(() -> wb.model().close(item));

        assertThat(wb.model().dns().openLogs()).isEmpty();
        assertThat(wb.model().dns().analysisProperty().get()).isNull();
    }

    @Test
    void selectingADnscacheLogShowsTheDnsPerspectiveAndKeepsItSelected(FxRobot robot)
            throws IOException {
        Path log = temp.resolve("current");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, log);
        }
        Path syslog = Files.writeString(temp.resolve("sys.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> wb.model().open(List.of(syslog, log)));
        waitUntil(() -> onFx(() -> !wb.model().dns().openLogs().isEmpty()));
        SourceItem sys =
                wb.model().sources().stream()
                        .filter(s -> !s.isDnscache())
                        .findFirst()
                        .orElseThrow();
        SourceItem dns =
                wb.model().sources().stream().filter(s -> s.isDnscache()).findFirst().get();
        robot.interact(() -> wb.model().selectedProperty().set(sys));
        robot.interact(() -> wb.window().perspectiveProperty().set(Perspective.EVENTS));

        robot.interact(() -> wb.model().selectedProperty().set(dns));
        waitUntil(() -> onFx(() -> wb.window().perspectiveProperty().get() == Perspective.DNS));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wb.model().selectedProperty().get()).isSameAs(dns);
        assertThat(wb.window().dock().selection().activeEditorProperty().get().input())
                .isSameAs(dns);
    }

    // ---- helpers

    private static <T> T onFx(java.util.concurrent.Callable<T> query) {
        try {
            return dev.logsentry.testkit.Fx.onFx(query);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            dev.logsentry.testkit.Fx.waitUntil(condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static Header header(FxRobot robot, String id) {
        return robot.lookup(
                        n -> n instanceof Header h && h.getDockable().getIdentifier().equals(id))
                .queryAs(Header.class);
    }

    private static boolean isIn(Header h, List<String> stack) {
        return stack.contains(h.getDockable().getIdentifier());
    }

    private List<String> stackOf(String id) {
        return onFx(
                () -> {
                    DockState s = wb.window().dock().captureState();
                    PerspectiveLayout layout = s.layouts().get(s.perspective());
                    return DockLayouts.stacks(layout)
                            .map(LayoutNode.Stack::views)
                            .filter(v -> v.contains(id))
                            .findFirst()
                            .orElse(List.of());
                });
    }

    private String describe() {
        return describe(wb.window());
    }

    private static String describe(WorkbenchWindow w) {
        return onFx(
                () -> {
                    DockState s = w.dock().captureState();
                    assertThat(s.perspective()).isEqualTo(StandardPerspectives.EVENTS);
                    return DockLayouts.stacks(s.layouts().get(s.perspective()))
                            .map(st -> st.id() + ": " + st.views())
                            .toList()
                            .toString();
                });
    }
}
