package dev.logsentry.testkit;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Right-clicks as a desktop does: Monocle sends no context-menu event for a secondary click, so the
 * event a right click makes is fired at a screen point of a node, then the item is picked from the
 * menu that opened.
 */
public final class ContextMenuRobot {
    private ContextMenuRobot() {}

    /** Opens {@code node}'s menu at its top left corner (+20, +20). */
    public static List<MenuItem> open(FxRobot robot, Node node) throws Exception {
        Bounds b = Fx.onFx(() -> node.localToScreen(node.getBoundsInLocal()));
        return openAt(robot, node, b.getMinX() + 20, b.getMinY() + 20);
    }

    /** Opens {@code node}'s menu as a right click at screen point ({@code x}, {@code y}) does. */
    public static List<MenuItem> openAt(FxRobot robot, Node node, double x, double y)
            throws Exception {
        robot.interact(
                () -> {
                    javafx.geometry.Point2D local = node.screenToLocal(x, y);
                    javafx.event.Event.fireEvent(
                            node,
                            new ContextMenuEvent(
                                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    local.getX(),
                                    local.getY(),
                                    x,
                                    y,
                                    false,
                                    null));
                });
        WaitForAsyncUtils.waitForFxEvents();
        return Fx.onFx(
                () ->
                        Window.getWindows().stream()
                                .filter(w -> w instanceof ContextMenu)
                                .filter(Window::isShowing)
                                .flatMap(w -> ((ContextMenu) w).getItems().stream())
                                .toList());
    }

    /** The item {@code id} of the open menu. */
    public static MenuItem item(List<MenuItem> items, String id) {
        return items.stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id + " in " + items));
    }

    /** Picks item {@code id} of the open menu (which then closes). */
    public static void pick(FxRobot robot, List<MenuItem> items, String id) {
        MenuItem item = item(items, id);
        if (item.isDisable()) {
            throw new AssertionError("menu item " + id + " is disabled");
        }
        robot.interact(
                () -> {
                    item.fire();
                    item.getParentPopup().hide();
                });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Right-clicks {@code node} and picks {@code id}. */
    public static void fire(FxRobot robot, String id, Node node) throws Exception {
        pick(robot, open(robot, node), id);
    }
}
