package dev.logsentry.ui.dock;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The context menu of a view or editor tab: minimise, maximise, detach or dock, close. */
final class PartMenu {
    private PartMenu() {}

    static ContextMenu build(DockWorkbench workbench, String id) {
        MenuItem minimize = new MenuItem("Minimize");
        minimize.setOnAction(e -> workbench.minimize(id));
        minimize.setDisable(!workbench.canMinimize(id));
        MenuItem maximize =
                new MenuItem(workbench.maximizedProperty().get() ? "Restore" : "Maximize");
        maximize.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        maximize.setOnAction(e -> workbench.toggleMaximize(id));
        MenuItem detach;
        if (workbench.isDetached(id)) {
            detach = new MenuItem("Dock");
            detach.setOnAction(e -> workbench.dock(id));
        } else {
            detach = new MenuItem("Detach");
            detach.setOnAction(e -> workbench.detach(id));
        }
        MenuItem close = new MenuItem("Close");
        close.setOnAction(e -> workbench.closeView(id));
        ContextMenu menu =
                new ContextMenu(minimize, maximize, detach, new SeparatorMenuItem(), close);
        menu.getItems().forEach(i -> i.getStyleClass().add("ls-part-menu-item"));
        return menu;
    }
}
