package dev.logsentry.ui.dock;

import dev.logsentry.ui.dock.LayoutNode.Split;
import dev.logsentry.ui.dock.LayoutNode.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.geometry.Orientation;
import javafx.geometry.Side;

/**
 * Building blocks for perspective templates, and the step that fills a template's named areas with
 * the registered views.
 */
public final class DockLayouts {
    /** The id of the editor area's stack in templates. */
    public static final String EDITOR_AREA = "editor";

    private DockLayouts() {}

    /** A stack named {@code id} (an area) holding {@code views} first, then the area's views. */
    public static Stack stack(String id, String... views) {
        return new Stack(id, List.of(views), null, Side.TOP, false, false);
    }

    /** {@code layout} with the stack {@code stackId} showing {@code view} in front. */
    public static LayoutNode withSelected(LayoutNode layout, String stackId, String view) {
        if (layout instanceof Split split) {
            return new Split(
                    split.orientation(),
                    split.dividers(),
                    split.children().stream().map(c -> withSelected(c, stackId, view)).toList());
        }
        Stack stack = (Stack) layout;
        return !stackId.equals(stack.id())
                ? stack
                : new Stack(
                        stack.id(),
                        stack.views(),
                        view,
                        stack.side(),
                        stack.editorArea(),
                        stack.minimized());
    }

    /** The editor area: where open logs (and later rule files) appear as tabs. */
    public static Stack editorArea() {
        return new Stack(EDITOR_AREA, List.of(), null, Side.TOP, true, false);
    }

    /** Children side by side, split at the given fractions (one fewer than the children). */
    public static Split horizontal(double[] dividers, LayoutNode... children) {
        return split(Orientation.HORIZONTAL, dividers, children);
    }

    /** Children one above the other, split at the given fractions. */
    public static Split vertical(double[] dividers, LayoutNode... children) {
        return split(Orientation.VERTICAL, dividers, children);
    }

    private static Split split(Orientation orientation, double[] dividers, LayoutNode... children) {
        if (dividers.length != children.length - 1) {
            throw new IllegalArgumentException(
                    children.length + " children need " + (children.length - 1) + " dividers");
        }
        return new Split(orientation, Arrays.stream(dividers).boxed().toList(), List.of(children));
    }

    /**
     * The template of {@code perspective} with each area stack holding its registered views (in
     * registration order, after the ones the template names). Views of the perspective whose area
     * the template lacks join the last non-editor stack.
     */
    public static PerspectiveLayout fill(PerspectiveDescriptor perspective, ViewRegistry views) {
        PerspectiveLayout template = perspective.template();
        Set<String> areas = new LinkedHashSet<>();
        stacks(template.main()).forEach(s -> areas.add(s.id()));
        List<String> homeless =
                views.all().stream()
                        .filter(v -> v.shownIn(perspective.id()) && !areas.contains(v.area()))
                        .map(ViewDescriptor::id)
                        .toList();
        String fallback =
                stacks(template.main())
                        .filter(s -> !s.editorArea())
                        .reduce((a, b) -> b)
                        .map(Stack::id)
                        .orElse(null);
        LayoutNode main = fill(template.main(), perspective.id(), views, homeless, fallback);
        return new PerspectiveLayout(main, template.windows(), template.maximized());
    }

    private static LayoutNode fill(
            LayoutNode node,
            String perspective,
            ViewRegistry views,
            List<String> homeless,
            String fallback) {
        if (node instanceof Split split) {
            return new Split(
                    split.orientation(),
                    split.dividers(),
                    split.children().stream()
                            .map(c -> fill(c, perspective, views, homeless, fallback))
                            .toList());
        }
        Stack stack = (Stack) node;
        Set<String> ids = new LinkedHashSet<>(stack.views());
        views.in(perspective, stack.id()).forEach(v -> ids.add(v.id()));
        if (stack.id() != null && stack.id().equals(fallback)) {
            ids.addAll(homeless);
        }
        // a template may name the tab in front; a view that is not registered here cannot be
        String selected =
                stack.selected() != null && ids.contains(stack.selected())
                        ? stack.selected()
                        : first(ids);
        return new Stack(
                stack.id(),
                new ArrayList<>(ids),
                selected,
                stack.side(),
                stack.editorArea(),
                stack.minimized());
    }

    private static String first(Set<String> ids) {
        return ids.isEmpty() ? null : ids.iterator().next();
    }

    /**
     * The layout itself if it has an editor area, else (an old or damaged file) the layout with an
     * editor area added on the right.
     */
    public static LayoutNode withEditorArea(LayoutNode main) {
        if (stacks(main).anyMatch(Stack::editorArea)) {
            return main;
        }
        if (main instanceof Split split && split.orientation() == Orientation.HORIZONTAL) {
            List<LayoutNode> children = new ArrayList<>(split.children());
            children.add(editorArea());
            List<Double> dividers = new ArrayList<>(split.dividers());
            dividers.replaceAll(d -> d * 0.6);
            dividers.add(0.6);
            return new Split(Orientation.HORIZONTAL, dividers, children);
        }
        return horizontal(new double[] {0.4}, main, editorArea());
    }

    /** Every stack of a tree, depth first. */
    public static Stream<Stack> stacks(LayoutNode node) {
        if (node == null) {
            return Stream.empty();
        }
        if (node instanceof Split split) {
            return split.children().stream().flatMap(DockLayouts::stacks);
        }
        return Stream.of((Stack) node);
    }

    /** Every stack of a perspective layout: the main window's, then the detached windows'. */
    public static Stream<Stack> stacks(PerspectiveLayout layout) {
        return Stream.concat(
                stacks(layout.main()), layout.windows().stream().flatMap(w -> stacks(w.root())));
    }
}
