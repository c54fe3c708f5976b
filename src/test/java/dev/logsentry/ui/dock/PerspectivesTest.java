package dev.logsentry.ui.dock;

import static dev.logsentry.ui.dock.DockWorkbenchTest.onFx;
import static dev.logsentry.ui.dock.DockWorkbenchTest.shows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Side;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
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
class PerspectivesTest {
    private static final String DEFAULT_WORK =
            "left: a,b\n" + DockLayouts.EDITOR_AREA + ": \nbottom: c,d";
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
                                .filter(w -> w != stage && w.isShowing())
                                .forEach(Window::hide));
    }

    @Test
    void defaultLayoutPutsEachViewInItsArea() {
        assertThat(fx.main()).isEqualTo(DEFAULT_WORK);
    }

    @Test
    void resetPerspectiveBringsBackTheDefaultLayout(FxRobot robot) {
        onFx(
                () -> {
                    fx.dock.moveView("a", "c", null);
                    fx.dock.closeView("d");
                    fx.dock.detach("b");
                });
        assertThat(fx.main()).isNotEqualTo(DEFAULT_WORK);

        onFx(() -> item("resetPerspective").fire());

        assertThat(fx.main()).isEqualTo(DEFAULT_WORK);
        assertThat(fx.dock.isDetached("b")).isFalse();
        assertThat(Window.getWindows()).filteredOn(Window::isShowing).containsExactly(stage);
    }

    @Test
    void eachPerspectiveKeepsItsOwnArrangement() {
        onFx(() -> fx.dock.moveView("a", "c", null));
        String changed = fx.main();

        onFx(() -> perspectiveItem("other").fire());
        assertThat(fx.main()).isEqualTo("side: c\n" + DockLayouts.EDITOR_AREA + ": \nbelow: a");
        assertThat(fx.dock.perspectiveProperty().get().id()).isEqualTo("other");

        onFx(() -> perspectiveItem("work").fire());
        assertThat(fx.main()).isEqualTo(changed);
    }

    @Test
    void openEditorsFollowIntoTheNextPerspective() {
        onFx(
                () ->
                        fx.dock.openEditor(
                                new EditorInput("log:1", "one.log", null, null, null),
                                new Label("log one")));

        onFx(() -> fx.dock.showPerspective("other"));

        assertThat(fx.main()).contains(DockLayouts.EDITOR_AREA + ": log:1");
    }

    @Test
    void showViewMenuOpensAClosedViewWhereItWas(FxRobot robot) {
        onFx(() -> fx.dock.closeView("c"));
        assertThat(shows(robot, "#content-c")).isFalse();
        Menu showView = (Menu) item("showViewMenu");
        assertThat(showView.getItems())
                .extracting(MenuItem::getText)
                .containsExactly("View A", "View B", "View C", "View D");

        onFx(() -> item("showView-c").fire());

        assertThat(shows(robot, "#content-c")).isTrue();
        assertThat(fx.stackOf("c")).containsExactly("d", "c");
        assertThat(fx.selection.activePartProperty().get()).isEqualTo("c");
    }

    @Test
    void saveAsCreatesAPerspectiveThatResetsToWhatWasSaved() {
        onFx(() -> fx.dock.moveView("b", "d", Side.RIGHT));
        String saved = fx.main();

        onFx(() -> item("savePerspectiveAs").fire());

        assertThat(fx.dock.perspectiveProperty().get().title()).isEqualTo("Mine");
        RadioMenuItem mine = perspectiveItem("custom:Mine");
        assertThat(mine.isSelected()).isTrue();
        onFx(() -> fx.dock.moveView("a", "d", null));
        onFx(() -> item("resetPerspective").fire());
        assertThat(fx.main()).isEqualTo(saved);
        onFx(() -> perspectiveItem("work").fire());
        assertThat(fx.main()).isEqualTo(saved);
        onFx(() -> item("resetPerspective").fire());
        assertThat(fx.main()).isEqualTo(DEFAULT_WORK);
    }

    @Test
    void saveAsNeverMakesASecondPerspectiveWithABuiltInsTitle() {
        fx.answer = current -> current; // the user accepts what is offered
        onFx(() -> item("savePerspectiveAs").fire());
        assertThat(fx.proposed).containsExactly("My Work");
        assertThat(fx.dock.perspectiveProperty().get().title()).isEqualTo("My Work");

        onFx(() -> perspectiveItem("work").fire());
        fx.answer = current -> "Work"; // the user types the built-in's title
        onFx(() -> item("savePerspectiveAs").fire());
        assertThat(fx.dock.perspectiveProperty().get().title()).isEqualTo("Work (mine)");
        assertThat(fx.dock.perspectives())
                .extracting(p -> p.title())
                .containsOnlyOnce("Work")
                .contains("My Work", "Work (mine)");
    }

    @Test
    void maximiseMenuItemMaximisesTheActivePart(FxRobot robot) {
        onFx(() -> fx.dock.showView("d"));

        onFx(() -> item("toggleMaximize").fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.dock.maximizedProperty().get()).isTrue();
        assertThat(shows(robot, "#content-d")).isTrue();
        assertThat(robot.lookup("#content-a").tryQuery()).isEmpty();
        onFx(() -> item("toggleMaximize").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.main()).isEqualTo(DEFAULT_WORK);
        assertThat(shows(robot, "#content-d")).isTrue();
    }

    @Test
    void minimiseAndDetachMenuItemsActOnTheActivePart(FxRobot robot) {
        onFx(() -> fx.dock.showView("a"));
        onFx(() -> item("minimize").fire());
        assertThat(fx.dock.isMinimized("a")).isTrue();

        onFx(() -> fx.dock.showView("c"));
        onFx(() -> item("detachOrDock").fire());
        assertThat(fx.dock.isDetached("c")).isTrue();
        onFx(() -> item("detachOrDock").fire());
        assertThat(fx.dock.isDetached("c")).isFalse();
        assertThat(fx.stackOf("c")).containsExactly("d", "c");
    }

    @Test
    void theLayoutWithADetachedWindowSurvivesARestart(FxRobot robot) {
        onFx(
                () -> {
                    fx.dock.openEditor(
                            new EditorInput("log:1", "one.log", null, null, null),
                            new Label("log one"));
                    fx.dock.moveView("a", "c", Side.LEFT);
                    fx.dock.detach("d");
                    fx.dock.minimize("b");
                });
        WaitForAsyncUtils.waitForFxEvents();
        String mainBefore = fx.main();
        DockState state = onFx(() -> fx.dock.captureState());
        String json = DockJson.write(state);
        WindowLayout window = state.layouts().get("work").windows().get(0);
        assertThat(DockFixture.describe(window.root())).endsWith(": d");

        onFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        DockFixture restarted = onFx(() -> new DockFixture(new Stage(), json));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(restarted.dock.perspectiveProperty().get().id()).isEqualTo("work");
        assertThat(restarted.main()).isEqualTo(mainBefore.replace("log:1", ""));
        assertThat(restarted.dock.isDetached("d")).isTrue();
        assertThat(restarted.dock.isMinimized("b")).isTrue();
        Window detached = robot.lookup("#content-d").query().getScene().getWindow();
        assertThat(detached).isNotSameAs(restarted.stage);
        assertThat(detached.getWidth()).isEqualTo(window.width());
        assertThat(detached.getHeight()).isEqualTo(window.height());
        PerspectiveLayout after = onFx(() -> restarted.dock.captureState()).layouts().get("work");
        assertThat(dividers(after.main()))
                .usingElementComparator((x, y) -> Math.abs(x - y) < 0.01 ? 0 : Double.compare(x, y))
                .containsExactlyElementsOf(dividers(state.layouts().get("work").main()));
        onFx(() -> restarted.stage.hide());
    }

    /** Every split fraction of a tree, depth first. */
    private static List<Double> dividers(LayoutNode node) {
        List<Double> all = new java.util.ArrayList<>();
        if (node instanceof LayoutNode.Split split) {
            all.addAll(split.dividers());
            split.children().forEach(c -> all.addAll(dividers(c)));
        }
        return all;
    }

    @Test
    void aSavedLayoutNamingViewsThatNoLongerExistStillOpens() {
        LayoutNode main =
                DockLayouts.horizontal(
                        new double[] {0.3},
                        DockLayouts.stack("gone", "removed-view"),
                        DockLayouts.stack("kept", "b", "also-removed"));
        DockState state =
                new DockState(
                        "work",
                        null,
                        java.util.Map.of(
                                "work",
                                new PerspectiveLayout(main, null, null),
                                "unknown-perspective",
                                new PerspectiveLayout(main, null, null)));

        onFx(() -> fx.dock.restoreState(state));

        assertThat(fx.main()).isEqualTo("kept: b\n" + DockLayouts.EDITOR_AREA + ": ");
        assertThat(onFx(() -> fx.dock.showView("a"))).isTrue();
        assertThat(fx.dock.isShown("a")).isTrue();
    }

    private MenuItem item(String id) {
        return find(fx.windowMenu.getItems(), id);
    }

    private RadioMenuItem perspectiveItem(String id) {
        return (RadioMenuItem) item("perspective-" + id);
    }

    private static MenuItem find(List<MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu m) {
                MenuItem found = find(m.getItems(), id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
