package dev.logsentry.ui.common;

import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/** Menu items and tool buttons made the same way everywhere: icon, shortcut, tooltip. */
public final class Controls {
    private Controls() {}

    /**
     * A menu item; {@code accelerator} (e.g. {@code Shortcut+O}) and {@code icon} (an Ikonli
     * literal) may be null.
     */
    public static MenuItem menuItem(
            String text, String accelerator, String icon, EventHandler<ActionEvent> action) {
        MenuItem mi = new MenuItem(text);
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        if (icon != null) {
            mi.setGraphic(Icons.icon(icon));
        }
        mi.setOnAction(action);
        return mi;
    }

    /** A flat tool-bar button showing only its icon; the tooltip names the action and its key. */
    public static Button toolButton(String icon, String tip, EventHandler<ActionEvent> action) {
        Button b = new Button(null, Icons.icon(icon));
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("flat");
        b.setOnAction(action);
        return b;
    }
}
