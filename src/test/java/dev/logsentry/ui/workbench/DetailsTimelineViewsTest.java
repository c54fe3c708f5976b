package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.dock.StandardView;
import dev.logsentry.ui.events.LogRow;
import dev.logsentry.ui.events.TimelineView;
import dev.logsentry.ui.sources.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import software.coley.bentofx.control.Header;

/**
 * Details and Timeline are views of their own (Eclipse's selection service): they show the active
 * log editor's data and its selected row, wherever the user put them, a detached window included.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsTimelineViewsTest {
    @TempDir Path temp;

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void detailsAndTimelineAreViewsThatFollowTheActiveEditorAndItsRow(FxRobot robot)
            throws Exception {
        Path one =
                Files.writeString(
                        temp.resolve("one.log"),
                        "Dec  4 10:00:00 alphahost a: one\nDec  4 11:00:00 alphahost a: two\n");
        Path two =
                Files.writeString(
                        temp.resolve("two.log"),
                        "Dec  5 08:00:00 betahost b: three\nDec  5 09:00:00 betahost b: four\n");
        robot.interact(() -> wb.model().open(List.of(one, two)));
        Fx.waitUntil(() -> wb.window().dock().editors().size() == 2);
        SourceItem first = wb.model().sources().get(0);
        SourceItem second = wb.model().sources().get(1);

        // both are views of the Events perspective, apart from the log editors
        assertThat(Fx.onFx(() -> wb.window().dock().isShown(StandardView.DETAILS.id()))).isTrue();
        assertThat(Fx.onFx(() -> wb.window().dock().isShown(StandardView.TIMELINE.id()))).isTrue();
        Node editorContent =
                Fx.onFx(() -> header(robot, LogEditors.id(first)).getDockable().getNode());
        assertThat(robot.from(editorContent).lookup("#detailsPane").tryQuery()).isEmpty();
        assertThat(robot.from(editorContent).lookup("#timeline").tryQuery()).isEmpty();

        // detached, as a person does it: the tab's context menu
        robot.rightClickOn(header(robot, StandardView.DETAILS.id()));
        robot.clickOn("Detach");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.window().dock().isDetached(StandardView.DETAILS.id())).isTrue();
        assertThat(header(robot, StandardView.DETAILS.id()).getScene().getWindow())
                .isNotSameAs(wb.stage());
        // it looks like the main window: the application's stylesheet, and the dark theme too
        javafx.scene.Scene detached = header(robot, StandardView.DETAILS.id()).getScene();
        Fx.waitUntil(() -> "Details".equals(((Stage) detached.getWindow()).getTitle()));
        assertThat(detached.getStylesheets())
                .containsAll(Fx.onFx(() -> wb.stage().getScene().getStylesheets()));

        robot.clickOn(header(robot, LogEditors.id(first)));
        Fx.waitUntil(() -> wb.model().selectedProperty().get() == first);
        robot.interact(
                () ->
                        wb.window().menuItems().stream()
                                .filter(m -> "Toggle _Dark Theme".equals(m.getText()))
                                .findFirst()
                                .orElseThrow()
                                .fire());
        Fx.waitUntil(() -> wb.window().theme() == Theme.DARK);
        Fx.waitUntil(
                () ->
                        detached.getRoot().getPseudoClassStates().stream()
                                .anyMatch(p -> p.getPseudoClassName().equals("dark")));
        Fx.waitUntil(() -> timelineStart().contains("Dec 4"));
        clickRow(robot, "alphahost");
        Fx.waitUntil(() -> detailsText().contains("alphahost"));

        robot.clickOn(header(robot, LogEditors.id(second)));
        Fx.waitUntil(() -> wb.model().selectedProperty().get() == second);
        Fx.waitUntil(() -> timelineStart().contains("Dec 5"));
        Fx.waitUntil(() -> !detailsText().contains("alphahost"));
        clickRow(robot, "betahost");
        Fx.waitUntil(() -> detailsText().contains("betahost"));

        // closed, it comes back from Window > Show View
        robot.interact(() -> wb.window().dock().closeView(StandardView.TIMELINE.id()));
        assertThat(Fx.onFx(() -> wb.window().dock().isShown(StandardView.TIMELINE.id()))).isFalse();
        robot.interact(
                () ->
                        robot
                                .lookup("#menuBar")
                                .queryAs(javafx.scene.control.MenuBar.class)
                                .getMenus()
                                .stream()
                                .filter(m -> "windowMenu".equals(m.getId()))
                                .flatMap(m -> m.getItems().stream())
                                .filter(m -> "showViewMenu".equals(m.getId()))
                                .flatMap(m -> ((javafx.scene.control.Menu) m).getItems().stream())
                                .filter(m -> "showView-timeline".equals(m.getId()))
                                .findFirst()
                                .orElseThrow()
                                .fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.onFx(() -> wb.window().dock().isShown(StandardView.TIMELINE.id()))).isTrue();
        Fx.waitUntil(() -> timelineStart().contains("Dec 5"));
    }

    private void clickRow(FxRobot robot, String host) throws Exception {
        Node cell =
                robot.lookup(
                                n ->
                                        n instanceof javafx.scene.control.TableCell<?, ?> c
                                                && host.equals(c.getText())
                                                && c.getScene() != null
                                                && c.isVisible()
                                                && c.getTableRow() != null
                                                && c.getTableRow().getItem() instanceof LogRow)
                        .query();
        robot.clickOn(cell);
    }

    /** Every label of the Details view, wherever it is. */
    private String detailsText() throws Exception {
        return Fx.onFx(
                () -> {
                    Node pane = wb.window().events().details();
                    StringBuilder b = new StringBuilder();
                    collect(pane, b);
                    return b.toString();
                });
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Label l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, b));
        }
    }

    /** The time the timeline in the window starts at, as its tooltip-free label reads it. */
    private String timelineStart() throws Exception {
        Callable<String> q =
                () -> {
                    TimelineView t = wb.window().events().timeline();
                    if (t.getScene() == null || t.dataProperty().get() == null) {
                        return "";
                    }
                    var d = t.dataProperty().get();
                    return d.buckets() == 0
                            ? ""
                            : java.time.format.DateTimeFormatter.ofPattern("MMM d")
                                    .withZone(java.time.ZoneId.systemDefault())
                                    .format(d.bucketStart(0));
                };
        return Fx.onFx(q);
    }

    private static Header header(FxRobot robot, String id) {
        return robot.lookup(
                        n -> n instanceof Header h && h.getDockable().getIdentifier().equals(id))
                .queryAs(Header.class);
    }
}
