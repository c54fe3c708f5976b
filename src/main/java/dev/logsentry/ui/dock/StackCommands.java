package dev.logsentry.ui.dock;

import dev.logsentry.ui.dock.LayoutNode.Split;
import dev.logsentry.ui.dock.LayoutNode.Stack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.container.DockContainerBranch;

/**
 * What can be done to a part's stack: move it (as a drag and drop would), maximise it and restore
 * the layout, minimise it, detach it into a window of its own and dock it again. Maximising keeps
 * the layout from before as data and rebuilds the main window with the one stack; restoring
 * rebuilds the saved layout with that stack as it is now.
 */
final class StackCommands {
    private final DockWorkbench workbench;
    private final DockBento bento;
    private final DockTreeCodec codec;
    private final DockWindows windows;
    private final ViewRegistry views;
    private final Map<String, String> homes = new HashMap<>();
    private final ReadOnlyBooleanWrapper maximized = new ReadOnlyBooleanWrapper();
    private LayoutNode beforeMaximize;
    private String maximizedStack;

    StackCommands(
            DockWorkbench workbench,
            DockBento bento,
            DockTreeCodec codec,
            DockWindows windows,
            ViewRegistry views) {
        this.workbench = workbench;
        this.views = views;
        this.bento = bento;
        this.codec = codec;
        this.windows = windows;
    }

    boolean move(Dockable dockable, Dockable target, Side side) {
        if (!(target.getContainer() instanceof DockStack to)) {
            return false;
        }
        if (dockable.getContainer() == to && (side == null || to.getDockables().size() == 1)) {
            return false;
        }
        if (!to.canReceiveDockable(dockable, side) || (side != null && !to.isCanSplit())) {
            return false;
        }
        workbench.removeFromStack(dockable);
        if (side == null) {
            to.addDockable(dockable);
        } else {
            DockStack added = (DockStack) bento.dockBuilding().leaf();
            added.setSide(to.getSide());
            added.addDockable(dockable);
            DockContainerBranch split = bento.dockBuilding().branch();
            boolean vertical = side == Side.TOP || side == Side.BOTTOM;
            split.setOrientation(vertical ? Orientation.VERTICAL : Orientation.HORIZONTAL);
            to.getParentContainer().replaceContainer(to, split);
            boolean before = side == Side.TOP || side == Side.LEFT;
            split.addContainers(before ? added : to, before ? to : added);
        }
        return true;
    }

    ReadOnlyBooleanProperty maximizedProperty() {
        return maximized.getReadOnlyProperty();
    }

    /** The maximised stack's id, or null. */
    String maximizedStack() {
        return maximizedStack;
    }

    boolean toggleMaximize(Dockable dockable) {
        if (maximizedStack != null) {
            restore();
            return false;
        }
        if (!(dockable.getContainer() instanceof DockStack stack)
                || !windows.isMain(stack, workbench.mainRoot())) {
            return false;
        }
        maximize(stack.getIdentifier(), codec.capture(workbench.mainRoot()));
        return true;
    }

    void maximize(String stackId, LayoutNode layout) {
        Stack only =
                DockLayouts.stacks(layout)
                        .filter(s -> s.id().equals(stackId))
                        .findFirst()
                        .orElse(null);
        if (only == null) {
            return;
        }
        beforeMaximize = layout;
        maximizedStack = stackId;
        maximized.set(true);
        workbench.rebuildMain(
                new Stack(
                        only.id(),
                        only.views(),
                        only.selected(),
                        only.side(),
                        only.editorArea(),
                        false));
    }

    /** Brings back the layout from before maximising, with the maximised stack as it is now. */
    void restore() {
        if (beforeMaximize == null) {
            return;
        }
        LayoutNode layout = mainLayout();
        forget();
        workbench.rebuildMain(layout);
    }

    /** Drops the maximised state without rebuilding (a new layout is about to replace it). */
    void forget() {
        beforeMaximize = null;
        maximizedStack = null;
        maximized.set(false);
    }

    /** The main window's layout to save: while maximised, the one restore would bring back. */
    LayoutNode mainLayout() {
        LayoutNode now = codec.capture(workbench.mainRoot());
        return beforeMaximize == null ? now : withStack(beforeMaximize, maximizedStack, now);
    }

    private static LayoutNode withStack(LayoutNode layout, String stackId, LayoutNode current) {
        Stack replacement =
                DockLayouts.stacks(current)
                        .filter(s -> s.id().equals(stackId))
                        .findFirst()
                        .orElse(null);
        if (replacement == null) {
            return layout;
        }
        if (layout instanceof Split split) {
            return new Split(
                    split.orientation(),
                    split.dividers(),
                    split.children().stream().map(c -> withStack(c, stackId, current)).toList());
        }
        Stack stack = (Stack) layout;
        return stack.id().equals(stackId) ? replacement : stack;
    }

    /** Opens the part in a window of its own, a little offset from where its stack was. */
    boolean detach(Dockable dockable) {
        if (!(dockable.getContainer() instanceof DockStack)) {
            return false;
        }
        restore();
        DockStack from = (DockStack) dockable.getContainer();
        rememberHome(dockable.getIdentifier(), from.getIdentifier());
        Bounds bounds = from.localToScreen(from.getLayoutBounds());
        workbench.removeFromStack(dockable);
        double x = bounds == null ? 100 : bounds.getMinX() + 40;
        double y = bounds == null ? 100 : bounds.getMinY() + 40;
        double w = Math.max(360, bounds == null ? 480 : bounds.getWidth());
        double h = Math.max(240, bounds == null ? 360 : bounds.getHeight());
        String id = dockable.getIdentifier();
        Stack stack =
                new Stack(
                        "window:" + id,
                        List.of(id),
                        id,
                        Side.TOP,
                        DockBento.isEditor(dockable),
                        false);
        windows.open(new WindowLayout(x, y, w, h, stack));
        return true;
    }

    boolean isDetached(Dockable dockable) {
        return dockable.getContainer() != null
                && !windows.isMain(dockable.getContainer(), workbench.mainRoot());
    }

    /** Where a part was last, so that showing or docking it again puts it back there. */
    void rememberHome(String part, String stack) {
        homes.put(part, stack);
    }

    /** Puts a part that is nowhere where it belongs: its last stack, its area, or a new stack. */
    void place(Dockable dockable) {
        boolean editor = DockBento.isEditor(dockable);
        String id = dockable.getIdentifier();
        List<DockStack> stacks =
                windows.stacks(workbench.mainRoot()).stream()
                        .filter(s -> s.isEditorStack() == editor && !s.isMinimized())
                        .toList();
        String area = views.find(id).map(ViewDescriptor::area).orElse(DockLayouts.EDITOR_AREA);
        DockStack target =
                named(stacks, homes.get(id))
                        .or(() -> named(stacks, area))
                        .or(() -> stacks.stream().filter(DockStack::isEditorArea).findFirst())
                        .or(() -> stacks.stream().findFirst())
                        .orElse(null);
        if (target == null) {
            target = (DockStack) bento.dockBuilding().leaf(editor ? DockLayouts.EDITOR_AREA : area);
            target.setEditorArea(editor);
            workbench.mainRoot().addContainer(target);
        }
        target.addDockable(dockable);
    }

    private static java.util.Optional<DockStack> named(List<DockStack> stacks, String id) {
        return stacks.stream().filter(s -> s.getIdentifier().equals(id)).findFirst();
    }
}
