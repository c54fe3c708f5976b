package dev.logsentry.ui.dock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Subscription;

/**
 * Eclipse's selection service, without a window: parts publish their selection, the docking layer
 * reports which part and which editor are active, and views observe the active editor and the
 * current selection. The current selection is that of the active part; activating a part that never
 * published one (say, the Details view itself) keeps the previous selection, so a view showing the
 * selected row does not go blank when the user clicks into it.
 */
public final class SelectionService {
    private final ReadOnlyObjectWrapper<String> activePart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EditorInput> activeEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection =
            new ReadOnlyObjectWrapper<>(Selection.EMPTY);
    private final Map<String, Selection> byPart = new HashMap<>();

    public ReadOnlyObjectProperty<String> activePartProperty() {
        return activePart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EditorInput> activeEditorProperty() {
        return activeEditor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Selection selection() {
        return selection.get();
    }

    /** A part's new selection; it becomes current when that part is active. */
    public void setSelection(String part, List<?> items) {
        Selection next = new Selection(part, items);
        byPart.put(part, next);
        if (part.equals(activePart.get())) {
            selection.set(next);
        }
    }

    /** Called by the docking layer (or a test) when the user activates a part. */
    public void partActivated(String part) {
        activePart.set(part);
        Selection own = byPart.get(part);
        if (own != null) {
            selection.set(own);
        }
    }

    /** Called by the docking layer when an editor becomes active, or null when none is open. */
    public void editorActivated(EditorInput editor) {
        activeEditor.set(editor);
    }

    /** Forgets a closed part's selection; the current selection empties if it was that part's. */
    public void partClosed(String part) {
        byPart.remove(part);
        if (part.equals(selection.get().part())) {
            selection.set(Selection.EMPTY);
        }
        EditorInput editor = activeEditor.get();
        if (editor != null && editor.id().equals(part)) {
            activeEditor.set(null);
        }
    }

    /**
     * Calls {@code listener} with the selected items of {@code type} whenever the current selection
     * changes to one holding such items. Returns what unsubscribes it.
     */
    public <T> Subscription subscribe(Class<T> type, Consumer<List<T>> listener) {
        return selection.subscribe(
                s -> {
                    List<T> items = s.itemsOf(type);
                    if (!items.isEmpty()) {
                        listener.accept(items);
                    }
                });
    }
}
