package dev.logsentry.ui.dock;

import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import software.coley.bentofx.Bento;
import software.coley.bentofx.building.DockBuilding;
import software.coley.bentofx.control.Header;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.dockable.DockableClickBehavior;
import software.coley.bentofx.dockable.DockableMenuFactory;
import software.coley.bentofx.layout.container.DockContainerLeaf;

/**
 * BentoFX configured for an Eclipse-style workbench: every stack is a {@link DockStack}, a click on
 * a tab selects it (BentoFX's default collapses a stack on a second click), a double click
 * maximises it, and views and editors are kept apart by drag group.
 */
final class DockBento extends Bento {
    static final int VIEW_GROUP = 0;
    static final int EDITOR_GROUP = 1;

    /** What the workbench does on gestures BentoFX reports. */
    interface Gestures {
        void doubleClicked(Dockable dockable);

        void restoreMinimized(DockStack stack, Dockable dockable);

        void activated(DockStack stack, Dockable dockable);
    }

    private Gestures gestures;

    void gestures(Gestures gestures) {
        this.gestures = gestures;
    }

    Gestures gestures() {
        return gestures;
    }

    static boolean isEditor(Dockable dockable) {
        return dockable.getDragGroupMask() == EDITOR_GROUP;
    }

    @Override
    protected DockBuilding newDockBuilding() {
        return new DockBuilding(this) {
            @Override
            public DockContainerLeaf leaf(String identifier) {
                return new DockStack(DockBento.this, identifier);
            }
        };
    }

    @Override
    protected DockableClickBehavior newClickBehavior() {
        return new DockableClickBehavior() {
            @Override
            public void onMouseClick(
                    DockContainerLeaf container, Dockable dockable, Header header, MouseEvent e) {
                if (e.getButton() == MouseButton.PRIMARY) {
                    if (container.isCollapsed() && container instanceof DockStack stack) {
                        gestures.restoreMinimized(stack, dockable);
                    } else if (e.getClickCount() == 2) {
                        gestures.doubleClicked(dockable);
                    } else {
                        container.selectDockable(dockable);
                        header.requestFocus();
                        // a click activates the part even when the focus does not move (after a
                        // perspective switch the stack may already own it): its editor's log
                        // becomes the selected one
                        if (container instanceof DockStack stack) {
                            gestures.activated(stack, dockable);
                        }
                    }
                } else if (e.getButton() == MouseButton.SECONDARY) {
                    DockableMenuFactory factory = dockable.getContextMenuFactory();
                    ContextMenu menu = factory == null ? null : factory.build(dockable);
                    if (menu != null) {
                        menu.setAutoHide(true);
                        menu.show(header, e.getScreenX(), e.getScreenY());
                    }
                }
                e.consume();
            }
        };
    }
}
