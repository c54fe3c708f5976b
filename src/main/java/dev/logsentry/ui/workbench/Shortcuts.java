package dev.logsentry.ui.workbench;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * Help > Keyboard Shortcuts: every menu item's accelerator, plus the keys the events table handles
 * itself, in one table wide enough for the longest name. README's shortcut table lists the same
 * entries (a test compares the three).
 */
public final class Shortcuts {
    /** One shortcut: keys as written in README ("Ctrl+Shift+O") and what they do. */
    public record Entry(String keys, String action) {}

    /** Keys that are not menu accelerators: the events table handles them while it has focus. */
    public static final List<Entry> TABLE_KEYS =
            List.of(
                    new Entry("/", "Filter (in the events table)"),
                    new Entry("Ctrl+C", "Copy Selected Lines (in the events table)"));

    private Shortcuts() {}

    /** Every accelerator of {@code items}, then {@link #TABLE_KEYS}. */
    public static List<Entry> of(List<MenuItem> items) {
        List<Entry> out = new ArrayList<>();
        for (MenuItem mi : items) {
            if (mi.getAccelerator() != null && mi.getText() != null) {
                out.add(new Entry(keys(mi.getAccelerator()), actionName(mi.getText())));
            }
        }
        out.addAll(TABLE_KEYS);
        return out;
    }

    /** A menu text without mnemonic marks and ellipsis. */
    public static String actionName(String menuText) {
        return menuText.replace("_", "").replace("\u2026", "").strip();
    }

    /** Keys in README's form: Ctrl, Alt, Shift in that order, then the key ("Ctrl+Alt+Down"). */
    public static String keys(KeyCombination k) {
        StringBuilder b = new StringBuilder();
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN
                || k.getControl() == KeyCombination.ModifierValue.DOWN) {
            b.append("Ctrl+");
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            b.append("Alt+");
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) {
            b.append("Shift+");
        }
        if (k instanceof KeyCodeCombination code) {
            b.append(code.getCode().getName());
        } else if (k instanceof KeyCharacterCombination ch) {
            b.append(ch.getCharacter());
        }
        return b.toString();
    }

    /** Shows the list in a dialog owned by {@code owner}; returns the table (for tests). */
    public static TableView<Entry> show(Window owner, List<Entry> entries) {
        TableView<Entry> table = new TableView<>();
        table.setId("shortcutsTable");
        TableColumn<Entry, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(190);
        TableColumn<Entry, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(380);
        table.getColumns().add(keys);
        table.getColumns().add(action);
        table.getItems().setAll(entries);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(600, Math.min(640, 32 + 26.0 * entries.size()));
        Alert dialog = new Alert(Alert.AlertType.INFORMATION);
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard Shortcuts");
        dialog.setHeaderText("Every action and its shortcut");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.setResizable(true);
        dialog.show();
        return table;
    }
}
