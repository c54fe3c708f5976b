package dev.logsentry.ui.dock;

import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerLeaf;

/**
 * A stack of tabs that knows whether it belongs to the editor area (which stays when empty and
 * takes only editors) and how to minimise itself: its tabs turn to the window edge it touches and
 * the stack shrinks to them, as Eclipse's minimised stacks do.
 */
final class DockStack extends DockContainerLeaf {
    private static final PseudoClass EDITOR = PseudoClass.getPseudoClass("editor-area");
    private final DockBento bento;
    private boolean editorArea;
    private Side sideBeforeMinimize;
    private Dockable selectedBeforeMinimize;

    DockStack(DockBento bento, String identifier) {
        super(bento, identifier);
        this.bento = bento;
        getStyleClass().add("ls-dock-stack");
        setMinSize(0, 0);
        focusWithinProperty()
                .addListener(
                        (o, was, now) -> {
                            if (now && getSelectedDockable() != null && holdsFocus()) {
                                bento.gestures().activated(this, getSelectedDockable());
                            }
                        });
        selectedDockableProperty()
                .addListener(
                        (o, was, now) -> {
                            if (now != null && holdsFocus()) {
                                bento.gestures().activated(this, now);
                            }
                        });
    }

    /**
     * Whether the keyboard focus is in this stack. Not {@link #isFocusWithin()} alone: a list or
     * table cell marks itself focused for its control's focus model (the focused row) without the
     * keyboard being there, and the Details view's rule list did so whenever the selected line
     * changed, activating Details instead of the log the user had clicked.
     */
    private boolean holdsFocus() {
        if (!isFocusWithin() || getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    boolean isEditorArea() {
        return editorArea;
    }

    void setEditorArea(boolean editorArea) {
        this.editorArea = editorArea;
        setPruneWhenEmpty(!editorArea);
        pseudoClassStateChanged(EDITOR, editorArea);
    }

    /** The editor area's own stack, or a stack split off it that holds editors. */
    boolean isEditorStack() {
        return editorArea || getDockables().stream().anyMatch(DockBento::isEditor);
    }

    @Override
    public boolean canReceiveDockable(Dockable dockable, Side side) {
        if (DockBento.isEditor(dockable) != isEditorStack()) {
            return false;
        }
        return super.canReceiveDockable(dockable, side);
    }

    boolean isMinimized() {
        return sideBeforeMinimize != null;
    }

    /** The tab side to save: the one before minimising. */
    Side savedSide() {
        return sideBeforeMinimize != null ? sideBeforeMinimize : getSide();
    }

    /** The selected tab to save: the one before minimising. */
    Dockable savedSelection() {
        return isMinimized() ? selectedBeforeMinimize : getSelectedDockable();
    }

    /** Whether this stack sits at an end of a split, where it can shrink to its tabs. */
    boolean canMinimize() {
        DockContainerBranch parent = getParentContainer();
        if (parent == null || isMinimized() || parent.getChildContainers().size() < 2) {
            return false;
        }
        int i = parent.getChildContainers().indexOf(this);
        return i == 0 || i == parent.getChildContainers().size() - 1;
    }

    boolean minimize() {
        if (!canMinimize()) {
            return false;
        }
        DockContainerBranch parent = getParentContainer();
        boolean first = parent.getChildContainers().indexOf(this) == 0;
        Side side = getSide();
        Side edge =
                parent.getOrientation() == Orientation.HORIZONTAL
                        ? (first ? Side.LEFT : Side.RIGHT)
                        : (first ? Side.TOP : Side.BOTTOM);
        sideBeforeMinimize = side;
        selectedBeforeMinimize = getSelectedDockable();
        if (edge != side) {
            setSide(edge);
            applyCss();
            layout();
        }
        if (!parent.setContainerCollapsed(this, true)) {
            setSide(side);
            sideBeforeMinimize = null;
            return false;
        }
        return true;
    }

    /** Back to full size with {@code select} (or the tab selected before) on top. */
    void restore(Dockable select) {
        if (!isMinimized()) {
            return;
        }
        Side side = sideBeforeMinimize;
        Dockable selected = select != null ? select : selectedBeforeMinimize;
        DockContainerBranch parent = getParentContainer();
        if (parent != null) {
            parent.setContainerCollapsed(this, false);
        }
        sideBeforeMinimize = null;
        selectedBeforeMinimize = null;
        if (getSide() != side) {
            setSide(side);
        }
        selectDockable(selected != null && getDockables().contains(selected) ? selected : null);
        if (getSelectedDockable() == null && !getDockables().isEmpty()) {
            selectDockable(getDockables().get(0));
        }
    }

    /** The size along the parent split this stack has when not minimised. */
    double expandedSize() {
        return getUncollapsedSize();
    }
}
