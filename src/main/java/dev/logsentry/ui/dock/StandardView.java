package dev.logsentry.ui.dock;

import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * The views LogSentry's workbench registers, with their titles, icons, default perspectives and
 * areas; the workbench supplies the content with {@link #with(Supplier)}. The Events table is an
 * editor-kind view: it lives in the editor area beside the open logs.
 */
public enum StandardView {
    SOURCES(
            "sources",
            "Sources",
            "mdi2f-folder-multiple-outline",
            "left",
            false,
            StandardPerspectives.EVENTS,
            StandardPerspectives.DNS,
            StandardPerspectives.RULES),
    EVENTS("events", "Events", "mdi2t-table", DockLayouts.EDITOR_AREA, true),
    DETAILS(
            "details",
            "Details",
            "mdi2i-information-outline",
            "details",
            false,
            StandardPerspectives.EVENTS,
            StandardPerspectives.RULES),
    TIMELINE(
            "timeline",
            "Timeline",
            "mdi2c-chart-timeline-variant",
            "top",
            false,
            StandardPerspectives.EVENTS),
    RULES_TREE(
            "rules", "Rules", "mdi2f-file-tree-outline", "left", false, StandardPerspectives.RULES),
    PROBLEMS(
            "problems",
            "Problems",
            "mdi2a-alert-circle-outline",
            "bottom",
            false,
            StandardPerspectives.EVENTS,
            StandardPerspectives.DNS,
            StandardPerspectives.RULES),
    DNS_QUERIES(
            "dns.queries",
            "DNS Queries",
            "mdi2d-dns-outline",
            "queries",
            false,
            StandardPerspectives.DNS),
    RESOLUTION_TREE(
            "dns.tree",
            "Resolution Tree",
            "mdi2s-sitemap-outline",
            "tree",
            false,
            StandardPerspectives.DNS),
    WALK_DIAGRAM(
            "dns.walk",
            "Walk Diagram",
            "mdi2g-graph-outline",
            "walk",
            false,
            StandardPerspectives.DNS),
    DNS_STATISTICS(
            "dns.stats",
            "DNS Statistics",
            "mdi2c-chart-box-outline",
            "bottom",
            false,
            StandardPerspectives.DNS),
    PROGRESS(
            "progress",
            "Progress",
            "mdi2p-progress-clock",
            "bottom",
            false,
            StandardPerspectives.EVENTS,
            StandardPerspectives.DNS,
            StandardPerspectives.RULES);

    private final String id;
    private final String title;
    private final String icon;
    private final String area;
    private final boolean editor;
    private final Set<String> perspectives;

    StandardView(
            String id,
            String title,
            String icon,
            String area,
            boolean editor,
            String... perspectives) {
        this.id = id;
        this.title = title;
        this.icon = icon;
        this.area = area;
        this.editor = editor;
        this.perspectives = Set.of(perspectives);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The descriptor to register, with the workbench's content for this view. */
    public ViewDescriptor with(Supplier<? extends Node> factory) {
        return new ViewDescriptor(id, title, icon, perspectives, area, editor, factory);
    }
}
