package dev.logsentry.ui.dock;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The workbench keys, as in Eclipse: Ctrl+M maximises or restores the active part, Ctrl+F6 and
 * Ctrl+F7 open the list of editors and views (most recent first; F6/F7 again moves on, releasing
 * Ctrl activates), Ctrl+F8 the next perspective. Installed on the main and every detached window.
 */
final class DockKeys {
    static final KeyCombination MAXIMIZE =
            new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_EDITOR =
            new KeyCodeCombination(KeyCode.F6, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_VIEW =
            new KeyCodeCombination(KeyCode.F7, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_PERSPECTIVE =
            new KeyCodeCombination(KeyCode.F8, KeyCombination.SHORTCUT_DOWN);

    private final DockWorkbench workbench;

    DockKeys(DockWorkbench workbench) {
        this.workbench = workbench;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
    }

    private void pressed(KeyEvent e) {
        if (MAXIMIZE.match(e)) {
            workbench.activePart().ifPresent(workbench::toggleMaximize);
        } else if (NEXT_EDITOR.match(e) || NEXT_VIEW.match(e) || withShift(e)) {
            boolean editors = e.getCode() == KeyCode.F6;
            List<String> parts = workbench.recentParts(editors);
            if (!parts.isEmpty()) {
                Scene scene = ((javafx.scene.Node) e.getTarget()).getScene();
                new PartSwitcher(workbench, editors, parts, e.getCode())
                        .show(scene == null ? null : scene.getWindow(), e.isShiftDown());
            }
        } else if (NEXT_PERSPECTIVE.match(e)) {
            workbench.nextPerspective();
        } else {
            return;
        }
        e.consume();
    }

    private static boolean withShift(KeyEvent e) {
        return e.isShortcutDown()
                && e.isShiftDown()
                && (e.getCode() == KeyCode.F6 || e.getCode() == KeyCode.F7);
    }
}
