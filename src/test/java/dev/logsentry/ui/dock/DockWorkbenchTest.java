package dev.logsentry.ui.dock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Side;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DockWorkbenchTest {
    private DockFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new DockFixture(stage, null);
    }

    @AfterEach
    void closeOtherWindows(FxRobot robot) {
        robot.interact(
                () ->
                        List.copyOf(Window.getWindows()).stream()
                                .filter(w -> w != stage)
                                .forEach(Window::hide));
    }

    @Test
    void draggingATabOntoAnotherStackMovesTheViewThere(FxRobot robot) {
        assertThat(fx.stackOf("a")).containsExactly("a", "b");

        robot.drag(DockFixture.header(robot, "a")).dropTo(DockFixture.header(robot, "d"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.stackOf("a")).contains("a", "c", "d");
        assertThat(fx.stackOf("b")).containsExactly("b");
        assertThat(robot.lookup("#content-a").tryQuery()).isPresent();
    }

    @Test
    void aViewSplitOffAStackGetsItsOwnStackOnThatSide() {
        onFx(() -> fx.dock.moveView("b", "c", Side.RIGHT));

        assertThat(fx.stackOf("b")).containsExactly("b");
        assertThat(fx.stackOf("c")).containsExactly("c", "d");
        assertThat(fx.stackOf("a")).containsExactly("a");
    }

    @Test
    void viewsStayOutOfTheEditorAreaAndEditorsStayInIt() {
        onFx(
                () ->
                        fx.dock.openEditor(
                                new EditorInput("log:1", "one.log", null, null, null),
                                new Label("log one")));

        assertThat(onFx(() -> fx.dock.moveView("a", "log:1", null))).isFalse();
        assertThat(onFx(() -> fx.dock.moveView("log:1", "c", null))).isFalse();
        assertThat(fx.stackOf("log:1")).containsExactly("log:1");
    }

    @Test
    void doubleClickOnATabMaximisesItsStackAndCtrlMRestoresTheLayout(FxRobot robot) {
        String before = fx.main();

        robot.doubleClickOn(DockFixture.header(robot, "c"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.dock.maximizedProperty().get()).isTrue();
        assertThat(robot.lookup("#content-c").tryQuery()).isPresent();
        assertThat(robot.lookup(n -> n instanceof software.coley.bentofx.control.Header).queryAll())
                .hasSize(2);
        assertThat(DockLayouts.stacks(onFx(() -> fx.dock.captureLayout()).main()).count())
                .isGreaterThan(1);

        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.dock.maximizedProperty().get()).isFalse();
        assertThat(fx.main()).isEqualTo(before);
        assertThat(robot.lookup("#content-a").tryQuery()).isPresent();
    }

    @Test
    void aDetachedViewHasItsOwnWindowAndDocksBackWhereItWas(FxRobot robot) {
        onFx(() -> fx.dock.detach("b"));

        assertThat(fx.dock.isDetached("b")).isTrue();
        Window window = robot.lookup("#content-b").query().getScene().getWindow();
        assertThat(window).isNotSameAs(stage);
        assertThat(window.isShowing()).isTrue();
        assertThat(fx.stackOf("a")).containsExactly("a");

        robot.rightClickOn(DockFixture.header(robot, "b"));
        robot.clickOn("Dock");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.dock.isDetached("b")).isFalse();
        assertThat(window.isShowing()).isFalse();
        assertThat(fx.stackOf("a")).containsExactly("a", "b");
        assertThat(robot.lookup("#content-b").query().getScene().getWindow()).isSameAs(stage);
    }

    @Test
    void minimisedStackShrinksToItsTabsAndAClickRestoresIt(FxRobot robot) {
        javafx.scene.layout.Region left = onFx(() -> stackRegion(robot, "a"));
        double width = left.getWidth();

        assertThat(onFx(() -> fx.dock.minimize("a"))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.dock.isMinimized("a")).isTrue();
        assertThat(shows(robot, "#content-a")).isFalse();
        assertThat(left.getWidth()).isLessThan(width / 3);
        assertThat(fx.main()).contains("left (min): a,b");

        robot.clickOn(DockFixture.header(robot, "b"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.dock.isMinimized("a")).isFalse();
        assertThat(shows(robot, "#content-b")).isTrue();
        assertThat(left.getWidth()).isGreaterThan(width * 0.9);
    }

    private static javafx.scene.layout.Region stackRegion(FxRobot robot, String id) {
        return (javafx.scene.layout.Region)
                DockFixture.header(robot, id).getDockable().getContainer();
    }

    /** Whether a node is in a scene and it and all its parents are visible. */
    static boolean shows(FxRobot robot, String query) {
        return robot.lookup(query)
                .tryQuery()
                .map(
                        n -> {
                            for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
                                if (!p.isVisible()) {
                                    return false;
                                }
                            }
                            return n.getScene() != null;
                        })
                .orElse(false);
    }

    @Test
    void ctrlF6SwitchesToThePreviousEditor(FxRobot robot) {
        onFx(
                () -> {
                    fx.dock.openEditor(
                            new EditorInput("log:1", "one.log", null, null, "one"),
                            new Label("log one"));
                    fx.dock.openEditor(
                            new EditorInput("log:2", "two.log", null, null, "two"),
                            new Label("log two"));
                });
        assertThat(fx.selection.activeEditorProperty().get().input()).isEqualTo("two");

        robot.press(KeyCode.CONTROL).press(KeyCode.F6).release(KeyCode.F6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.selection.activeEditorProperty().get().input()).isEqualTo("one");
    }

    @Test
    void ctrlF7ListsTheViewsMostRecentFirstAndSwitchesToTheChosenOne(FxRobot robot) {
        onFx(
                () -> {
                    fx.dock.showView("a");
                    fx.dock.showView("c");
                });
        assertThat(fx.dock.recentParts(false)).startsWith("c", "a");

        robot.press(KeyCode.CONTROL).press(KeyCode.F7).release(KeyCode.F7);
        robot.press(KeyCode.F7).release(KeyCode.F7).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.selection.activePartProperty().get())
                .isEqualTo(fx.dock.recentParts(false).get(0))
                .isNotIn("c", "a");
    }

    @Test
    void closingAnEditorTellsTheWorkbenchAndActivatesAnother(FxRobot robot) {
        List<String> closed = new java.util.ArrayList<>();
        onFx(
                () -> {
                    fx.dock.onEditorClosed(e -> closed.add(e.id()));
                    fx.dock.openEditor(
                            new EditorInput("log:1", "one.log", null, null, "one"),
                            new Label("log one"));
                    fx.dock.openEditor(
                            new EditorInput("log:2", "two.log", null, null, "two"),
                            new Label("log two"));
                });

        onFx(() -> fx.dock.closeEditor("log:2"));

        assertThat(closed).containsExactly("log:2");
        assertThat(fx.selection.activeEditorProperty().get().id()).isEqualTo("log:1");
        assertThat(fx.dock.editors()).extracting(EditorInput::id).containsExactly("log:1");
    }

    static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void onFx(Runnable action) {
        onFx(
                () -> {
                    action.run();
                    return null;
                });
    }
}
