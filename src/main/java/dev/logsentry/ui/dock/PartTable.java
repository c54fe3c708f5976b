package dev.logsentry.ui.dock;

import dev.logsentry.ui.common.Icons;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Tooltip;
import software.coley.bentofx.dockable.Dockable;

/**
 * The parts the workbench has made: one dockable per registered view (built on first use and kept,
 * so a view closed and shown again keeps its state) and one per open editor with its input.
 */
final class PartTable {
    private final DockBento bento;
    private final ViewRegistry views;
    private final Function<String, ContextMenu> menus;
    private final Map<String, Dockable> viewParts = new HashMap<>();
    private final Map<String, Dockable> editorParts = new LinkedHashMap<>();
    private final Map<String, EditorInput> editorInputs = new HashMap<>();
    private Predicate<EditorInput> mayClose = e -> true;

    PartTable(DockBento bento, ViewRegistry views, Function<String, ContextMenu> menus) {
        this.bento = bento;
        this.views = views;
        this.menus = menus;
    }

    /** The part with this id, making a registered view's on first use; null if unknown. */
    Dockable part(String id) {
        Dockable existing = existing(id);
        if (existing != null) {
            return existing;
        }
        ViewDescriptor descriptor = views.find(id).orElse(null);
        if (descriptor == null) {
            return null;
        }
        Dockable dockable = bento.dockBuilding().dockable(id);
        dockable.setDragGroupMask(
                descriptor.editor() ? DockBento.EDITOR_GROUP : DockBento.VIEW_GROUP);
        decorate(dockable, descriptor.title(), descriptor.icon());
        dockable.setNode(descriptor.factory().get());
        viewParts.put(id, dockable);
        return dockable;
    }

    Dockable existing(String id) {
        Dockable editor = editorParts.get(id);
        return editor != null ? editor : viewParts.get(id);
    }

    /** The editor for {@code input}, made with {@code content} if it is not open yet. */
    Dockable editor(EditorInput input, Node content) {
        Dockable dockable = editorParts.get(input.id());
        if (dockable == null) {
            dockable = bento.dockBuilding().dockable(input.id());
            dockable.setDragGroupMask(DockBento.EDITOR_GROUP);
            decorate(dockable, input.title(), input.icon());
            if (input.tooltip() != null) {
                dockable.setTooltip(new Tooltip(input.tooltip()));
            }
            dockable.setNode(content);
            editorParts.put(input.id(), dockable);
        }
        editorInputs.put(input.id(), input);
        return dockable;
    }

    /** Asked before an editor closes; false keeps it open (unsaved changes). */
    void setCloseGuard(Predicate<EditorInput> guard) {
        mayClose = guard == null ? e -> true : guard;
    }

    /** Whether part {@code id} may close now: views always, editors when the guard agrees. */
    boolean mayClose(String id) {
        return !isEditor(id) || mayClose.test(input(id));
    }

    /** A new title for an open editor's tab (a dirty marker); nothing for other ids. */
    void setTitle(String id, String title) {
        if (isEditor(id)) {
            editorParts.get(id).setTitle(title);
        }
    }

    boolean isEditor(String id) {
        return editorParts.containsKey(id);
    }

    EditorInput input(String id) {
        return editorInputs.get(id);
    }

    /** Forgets a closed editor; returns its input. */
    EditorInput removeEditor(String id) {
        editorParts.remove(id);
        return editorInputs.remove(id);
    }

    List<EditorInput> editors() {
        return editorParts.keySet().stream().map(editorInputs::get).toList();
    }

    List<Dockable> editorParts() {
        return List.copyOf(editorParts.values());
    }

    private void decorate(Dockable dockable, String title, String icon) {
        dockable.setTitle(title);
        if (icon != null) {
            dockable.setIconFactory(d -> Icons.icon(icon));
        }
        dockable.setContextMenuFactory(d -> menus.apply(d.getIdentifier()));
    }
}
