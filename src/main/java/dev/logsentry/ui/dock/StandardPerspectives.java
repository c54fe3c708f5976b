package dev.logsentry.ui.dock;

import static dev.logsentry.ui.dock.DockLayouts.editorArea;
import static dev.logsentry.ui.dock.DockLayouts.horizontal;
import static dev.logsentry.ui.dock.DockLayouts.stack;
import static dev.logsentry.ui.dock.DockLayouts.vertical;

import java.util.List;

/**
 * The three built-in perspectives and their default layouts, proportioned for a 1280x800 window:
 * Sources on the left, the editor area in the middle, a tabbed stack below it.
 */
public final class StandardPerspectives {
    public static final String EVENTS = "events";
    public static final String DNS = "dns";
    public static final String RULES = "rules";

    /** The Rules perspective's stack right of its bottom one (the pattern editor's side views). */
    public static final String RULES_SIDE = "rules-side";

    private StandardPerspectives() {}

    /** Events: the timeline above the open logs, details, problems and progress below them. */
    public static PerspectiveDescriptor events() {
        return PerspectiveDescriptor.of(
                EVENTS,
                "Events",
                "mdi2f-format-list-text",
                "Shortcut+Shift+E",
                horizontal(
                        new double[] {0.19},
                        stack("left"),
                        vertical(
                                new double[] {0.17, 0.70},
                                stack("top"),
                                editorArea(),
                                stack("bottom"))));
    }

    /** DNS: queries beside their resolution tree, the walk diagram and statistics below. */
    public static PerspectiveDescriptor dns() {
        return PerspectiveDescriptor.of(
                DNS,
                "DNS",
                "mdi2d-dns-outline",
                "Shortcut+Shift+N",
                horizontal(
                        new double[] {0.19},
                        stack("left"),
                        vertical(
                                new double[] {0.22, 0.62},
                                editorArea(),
                                horizontal(new double[] {0.56}, stack("queries"), stack("tree")),
                                horizontal(new double[] {0.55}, stack("walk"), stack("bottom")))));
    }

    /**
     * Rules: the rule tree on the left, rule files and logs in the editor area, the pattern
     * editor's views below it in two stacks side by side (preview and health; ignore and test).
     */
    public static PerspectiveDescriptor rules() {
        return PerspectiveDescriptor.of(
                RULES,
                "Rules",
                "mdi2f-file-tree-outline",
                "Shortcut+Shift+R",
                horizontal(
                        new double[] {0.30},
                        stack("left", StandardView.RULES_TREE.id()),
                        vertical(
                                new double[] {0.52},
                                editorArea(),
                                horizontal(
                                        new double[] {0.5}, stack("bottom"), stack(RULES_SIDE)))));
    }

    public static List<PerspectiveDescriptor> all() {
        return List.of(events(), dns(), rules());
    }
}
