package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.events.LogRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Each context-menu item of the workbench does what it says, asked for as a desktop would. */
@ExtendWith(ApplicationExtension.class)
class ContextMenusTest {
    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(dialogs);

    @Test
    void rowMenuCopiesFiltersAndShowsTheRule(FxRobot robot) throws Exception {
        Path log =
                Files.writeString(
                        temp.resolve("a.log"),
                        "Dec  4 10:00:00 alpha sshd[1]: one\nDec  4 10:00:01 beta cron[2]: two\n");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        robot.interact(() -> wb.window().events().table().getSelectionModel().select(1));
        LogRow row = wb.window().events().table().getSelectionModel().getSelectedItem();

        fire(robot, "rowCopy", wb.window().events().table());
        assertThat(dialogs.clipboard).isEqualTo(row.text() + "\n");

        fire(robot, "rowFilterHost", wb.window().events().table());
        assertThat(wb.model().events().quickTextProperty().get()).isEqualTo("beta");

        robot.interact(() -> wb.model().events().quickTextProperty().set(""));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        robot.interact(() -> wb.window().events().table().getSelectionModel().select(1));
        fire(robot, "rowFilterProgram", wb.window().events().table());
        assertThat(wb.model().events().quickTextProperty().get()).isEqualTo("cron");
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);

        robot.interact(() -> wb.window().events().table().getSelectionModel().select(0));
        Fx.waitUntil(() -> wb.model().events().detailsProperty().get() != null);
        boolean decided = wb.model().events().detailsProperty().get().decidingRule() != null;
        fire(robot, "rowShowRule", wb.window().events().table());
        if (decided) {
            Fx.waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.RULES);
        }
        robot.interact(() -> wb.model().events().quickTextProperty().set(""));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
    }

    @Test
    void ignoreLinesLikeThisDraftsAnAnchoredRuleInTheRulesPerspective(FxRobot robot)
            throws Exception {
        assertThat(wb.window().ruleEditing()).as("the pattern editor is hosted").isNotNull();
        Path log =
                Files.writeString(
                        temp.resolve("c.log"),
                        "Dec  4 10:00:00 alpha myd[42]: session 7 opened for alice\n");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
        robot.interact(() -> wb.window().events().table().getSelectionModel().select(0));

        fire(robot, "rowIgnoreLike", wb.window().events().table());

        Fx.waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.RULES);
        var ignore = wb.window().ruleEditing().parts().ignoreView().model();
        Fx.waitUntil(() -> ignore.patternProperty().get() != null);
        String pattern = onFx(() -> ignore.patternProperty().get());
        assertThat(pattern).startsWith("^").endsWith("$").contains("myd").contains("alice");
        assertThat(onFx(() -> ignore.fileProperty().get()).getFileName().toString())
                .isEqualTo("local-myd");
    }

    @Test
    void sourceMenuFollowsAndCloses(FxRobot robot) throws Exception {
        Path log = Files.writeString(temp.resolve("b.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 1
                                && wb.model().selectedProperty().get() != null);
        robot.interact(() -> wb.window().dock().showView("sources"));

        fire(robot, "sourceFollow", sourcesList(robot));
        Fx.waitUntil(() -> wb.model().sources().get(0).followingProperty().get());

        fire(robot, "sourceClose", sourcesList(robot));
        Fx.waitUntil(() -> wb.model().sources().isEmpty());
    }

    private Node sourcesList(FxRobot robot) {
        return wb.window().sourcesList();
    }

    /** Asks {@code node} for its context menu (Monocle sends none) and fires item {@code id}. */
    private static void fire(FxRobot robot, String id, Node node) throws Exception {
        robot.interact(
                () -> {
                    Bounds b = node.localToScreen(node.getBoundsInLocal());
                    javafx.event.Event.fireEvent(
                            node,
                            new ContextMenuEvent(
                                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    20,
                                    20,
                                    b.getMinX() + 20,
                                    b.getMinY() + 20,
                                    false,
                                    null));
                });
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem item =
                onFx(
                        () ->
                                Window.getWindows().stream()
                                        .filter(w -> w instanceof javafx.scene.control.ContextMenu)
                                        .filter(Window::isShowing)
                                        .flatMap(
                                                w ->
                                                        ((javafx.scene.control.ContextMenu) w)
                                                                .getItems().stream())
                                        .filter(i -> id.equals(i.getId()))
                                        .findFirst()
                                        .orElseThrow(
                                                () -> new AssertionError("no menu item " + id)));
        robot.interact(
                () -> {
                    item.fire();
                    item.getParentPopup().hide();
                });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return Fx.onFx(query);
    }
}
