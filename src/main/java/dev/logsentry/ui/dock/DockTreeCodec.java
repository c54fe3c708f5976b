package dev.logsentry.ui.dock;

import dev.logsentry.ui.dock.LayoutNode.Split;
import dev.logsentry.ui.dock.LayoutNode.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.DockContainer;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * Converts between BentoFX's live container tree and {@link LayoutNode} records. Building skips ids
 * it cannot resolve (a view no longer registered, an editor not open) and stacks left empty, and
 * re-spreads the split fractions over the children that remain.
 */
final class DockTreeCodec {
    private final DockBento bento;
    private final Function<String, Dockable> resolver;

    /** {@code resolver} gives the dockable for an id, or null if there is none. */
    DockTreeCodec(DockBento bento, Function<String, Dockable> resolver) {
        this.bento = bento;
        this.resolver = resolver;
    }

    LayoutNode capture(DockContainer container) {
        if (container instanceof DockContainerBranch branch) {
            List<LayoutNode> children = new ArrayList<>();
            branch.getChildContainers().forEach(c -> children.add(capture(c)));
            if (children.size() == 1 && !(container instanceof DockContainerRootBranch)) {
                return children.get(0);
            }
            return new Split(branch.getOrientation(), dividers(branch), children);
        }
        DockStack stack = (DockStack) container;
        Dockable selected = stack.savedSelection();
        return new Stack(
                stack.getIdentifier(),
                stack.getDockables().stream().map(Dockable::getIdentifier).toList(),
                selected == null ? null : selected.getIdentifier(),
                stack.savedSide(),
                stack.isEditorArea(),
                stack.isMinimized());
    }

    /** Divider fractions, with a minimised end stack counted at its expanded size. */
    private static List<Double> dividers(DockContainerBranch branch) {
        double[] positions = branch.getDividerPositions();
        List<DockContainer> children = branch.getChildContainers();
        double extent =
                branch.getOrientation() == Orientation.HORIZONTAL
                        ? branch.getWidth()
                        : branch.getHeight();
        if (extent > 0 && positions.length > 0) {
            if (children.get(0) instanceof DockStack first && first.isMinimized()) {
                positions[0] = clamp(first.expandedSize() / extent);
            }
            if (children.get(children.size() - 1) instanceof DockStack last && last.isMinimized()) {
                positions[positions.length - 1] = clamp(1 - last.expandedSize() / extent);
            }
        }
        List<Double> list = new ArrayList<>();
        for (double p : positions) {
            list.add(p);
        }
        return list;
    }

    private static double clamp(double fraction) {
        return Math.max(0.05, Math.min(0.95, fraction));
    }

    /**
     * Fills {@code root} with the tree of {@code node}; stacks to minimise once shown are added to
     * {@code minimized}.
     */
    void buildInto(DockContainerRootBranch root, LayoutNode node, List<DockStack> minimized) {
        if (node instanceof Split split) {
            root.setOrientation(split.orientation());
            fillSplit(root, split, minimized);
        } else {
            DockContainer built = build(node, minimized);
            if (built != null) {
                root.addContainer(built);
            }
        }
    }

    private DockContainer build(LayoutNode node, List<DockStack> minimized) {
        if (node instanceof Split split) {
            DockContainerBranch branch = bento.dockBuilding().branch();
            branch.setOrientation(split.orientation());
            int count = fillSplit(branch, split, minimized);
            if (count == 0) {
                return null;
            }
            if (count == 1) {
                DockContainer only = branch.getChildContainers().get(0);
                branch.setPruneWhenEmpty(false);
                branch.removeContainer(only);
                return only;
            }
            return branch;
        }
        return buildStack((Stack) node, minimized);
    }

    private int fillSplit(DockContainerBranch branch, Split split, List<DockStack> minimized) {
        List<Double> sizes = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < split.children().size(); i++) {
            double end = i < split.dividers().size() ? split.dividers().get(i) : 1;
            DockContainer child = build(split.children().get(i), minimized);
            if (child != null) {
                branch.addContainer(child);
                sizes.add(Math.max(0.01, end - previous));
            }
            previous = end;
        }
        double total = sizes.stream().mapToDouble(Double::doubleValue).sum();
        double[] positions = new double[Math.max(0, sizes.size() - 1)];
        double sum = 0;
        for (int i = 0; i < positions.length; i++) {
            sum += sizes.get(i);
            positions[i] = sum / total;
        }
        branch.setDividerPositions(positions);
        if (extent(branch) > 0 || positions.length == 0) {
            keepSidesFixed(branch);
        } else {
            positionOnceSized(branch, positions);
        }
        return sizes.size();
    }

    /**
     * A branch built before it has a size (a layout restored while the window starts) keeps its
     * sides fixed only once it has one, with its positions set again after that first layout: a
     * side that keeps its size when the window grows from 0 would stay at 0 (the user's width of a
     * Rules or Sources column was lost at the next start).
     */
    private static void positionOnceSized(DockContainerBranch branch, double[] positions) {
        for (DockContainer child : branch.getChildContainers()) {
            SplitPane.setResizableWithParent(child.asRegion(), true);
        }
        javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
        once[0] =
                obs -> {
                    if (extent(branch) > 0) {
                        branch.widthProperty().removeListener(once[0]);
                        branch.heightProperty().removeListener(once[0]);
                        javafx.application.Platform.runLater(
                                () -> {
                                    branch.setDividerPositions(positions);
                                    keepSidesFixed(branch);
                                });
                    }
                };
        branch.widthProperty().addListener(once[0]);
        branch.heightProperty().addListener(once[0]);
    }

    private static double extent(DockContainerBranch branch) {
        return branch.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                ? branch.getWidth()
                : branch.getHeight();
    }

    /** When the window grows, the part holding the editor area grows; side panels keep size. */
    private static void keepSidesFixed(DockContainerBranch branch) {
        boolean anyEditor = branch.getChildContainers().stream().anyMatch(DockTreeCodec::hasEditor);
        for (DockContainer child : branch.getChildContainers()) {
            SplitPane.setResizableWithParent(child.asRegion(), !anyEditor || hasEditor(child));
        }
    }

    private static boolean hasEditor(DockContainer container) {
        if (container instanceof DockStack stack) {
            return stack.isEditorStack();
        }
        return ((DockContainerBranch) container)
                .getChildContainers().stream().anyMatch(DockTreeCodec::hasEditor);
    }

    private DockStack buildStack(Stack node, List<DockStack> minimized) {
        DockStack stack =
                (DockStack)
                        bento.dockBuilding()
                                .leaf(node.id() == null ? "stack-" + System.nanoTime() : node.id());
        stack.setEditorArea(node.editorArea());
        stack.setSide(node.side());
        Dockable selected = null;
        for (String id : node.views()) {
            Dockable dockable = resolver.apply(id);
            if (dockable == null || dockable.getContainer() != null) {
                continue;
            }
            stack.addDockable(dockable);
            if (id.equals(node.selected())) {
                selected = dockable;
            }
        }
        if (stack.getDockables().isEmpty() && !node.editorArea()) {
            return null;
        }
        if (selected != null) {
            stack.selectDockable(selected);
        }
        if (node.minimized()) {
            minimized.add(stack);
        }
        return stack;
    }
}
