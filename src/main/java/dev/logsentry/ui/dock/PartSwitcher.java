package dev.logsentry.ui.dock;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * Eclipse's Ctrl+F6 / Ctrl+F7 list: the open editors or views, most recently used first, the next
 * one preselected. Pressing the key again moves down (with Shift up), releasing Ctrl or pressing
 * Enter activates the selected entry, Escape closes the list.
 */
final class PartSwitcher {
    private final DockWorkbench workbench;
    private final List<String> parts;
    private final KeyCode key;
    private final Popup popup = new Popup();
    private final ListView<String> list = new ListView<>();

    /** Opens the Ctrl+F6 (editors) or Ctrl+F7 (views) list over the workbench's window. */
    static void open(DockWorkbench workbench, boolean editors) {
        List<String> parts = workbench.recentParts(editors);
        javafx.scene.Scene scene = workbench.node().getScene();
        if (!parts.isEmpty() && scene != null) {
            new PartSwitcher(workbench, editors, parts, editors ? KeyCode.F6 : KeyCode.F7)
                    .show(scene.getWindow(), false);
        }
    }

    PartSwitcher(DockWorkbench workbench, boolean editors, List<String> parts, KeyCode key) {
        this.workbench = workbench;
        this.parts = parts;
        this.key = key;
        list.getItems().setAll(parts);
        list.setCellFactory(
                v ->
                        new ListCell<>() {
                            @Override
                            protected void updateItem(String id, boolean empty) {
                                super.updateItem(id, empty);
                                setText(empty || id == null ? null : workbench.title(id));
                            }
                        });
        // rows of a fixed height, the list as tall as its rows (up to 12) once its insets are
        // known:
        // a guessed 26 px a row showed one of two rows under the app's theme
        list.setFixedCellSize(Math.ceil(javafx.scene.text.Font.getDefault().getSize() * 2.4));
        list.setPrefWidth(280);
        Label title = new Label(editors ? "Editors" : "Views");
        title.getStyleClass().add("ls-switcher-title");
        VBox box = new VBox(title, list);
        box.getStyleClass().add("ls-part-switcher");
        box.getStylesheets().add(DockWorkbench.css());
        popup.getContent().add(box);
        popup.setAutoHide(true);
        box.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        box.addEventFilter(KeyEvent.KEY_RELEASED, this::released);
        list.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        choose();
                    }
                });
    }

    void show(Window owner, boolean backwards) {
        int start = parts.size() == 1 ? 0 : backwards ? parts.size() - 1 : 1;
        list.getSelectionModel().select(start);
        if (owner == null) {
            return;
        }
        popup.show(owner);
        list.applyCss();
        javafx.geometry.Insets in = list.getInsets();
        list.setPrefHeight(
                Math.min(12, parts.size()) * list.getFixedCellSize()
                        + in.getTop()
                        + in.getBottom()
                        + 2);
        popup.getContent().get(0).applyCss();
        ((javafx.scene.Parent) popup.getContent().get(0)).layout();
        popup.sizeToScene();
        Bounds box = popup.getContent().get(0).getLayoutBounds();
        popup.setX(owner.getX() + (owner.getWidth() - box.getWidth()) / 2);
        popup.setY(owner.getY() + (owner.getHeight() - box.getHeight()) / 3);
        list.requestFocus();
    }

    /** The entry the list has selected (for tests and for the key handling). */
    String selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    void move(boolean backwards) {
        int n = parts.size();
        int i = list.getSelectionModel().getSelectedIndex();
        list.getSelectionModel().select(((backwards ? i - 1 : i + 1) % n + n) % n);
    }

    void choose() {
        String id = selected();
        popup.hide();
        if (id != null) {
            workbench.activate(id);
        }
    }

    private void pressed(KeyEvent e) {
        if (e.getCode() == key) {
            move(e.isShiftDown());
        } else if (e.getCode() == KeyCode.ENTER) {
            choose();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            popup.hide();
        } else {
            return;
        }
        e.consume();
    }

    private void released(KeyEvent e) {
        if (e.getCode() == KeyCode.CONTROL || e.getCode() == KeyCode.META) {
            choose();
            e.consume();
        }
    }
}
