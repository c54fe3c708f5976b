package dev.logsentry.ui.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;

/**
 * Context menus from provider factories: a view says what is under the pointer (the selected row,
 * source or rule) and a {@link Provider} says what can be done with it. The menu is built when it
 * is asked for (right click or the Menu key), so it always reflects the current target; views hold
 * no menu code of their own.
 */
public final class ContextMenus {
    /** The actions for one target; an empty list means no menu. */
    @FunctionalInterface
    public interface Provider<T> {
        List<MenuItem> items(T target);
    }

    private ContextMenus() {}

    /** Shows {@code provider}'s menu for {@code target.get()} when {@code control} asks for one. */
    public static <T> void attach(Control control, Supplier<T> target, Provider<T> provider) {
        attachAt(control, e -> target.get(), provider);
    }

    /**
     * As {@link #attach}, with the target found from the request itself: where the pointer was (the
     * cell and the word under it), or a keyboard request (Menu key, Shift+F10).
     */
    public static <T> void attachAt(
            Control control, Function<ContextMenuEvent, T> target, Provider<T> provider) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        control.setOnContextMenuRequested(
                e -> {
                    T t = target.apply(e);
                    List<MenuItem> items = t == null ? List.of() : provider.items(t);
                    menu.hide();
                    if (!items.isEmpty()) {
                        menu.getItems().setAll(items);
                        menu.show(control, e.getScreenX(), e.getScreenY());
                    }
                    e.consume();
                });
    }

    /** A menu item with an id (for tests and styling) and an action. */
    public static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
