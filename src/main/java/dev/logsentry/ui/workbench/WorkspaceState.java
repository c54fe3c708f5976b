package dev.logsentry.ui.workbench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.logsentry.ui.dock.DockState;
import java.util.List;

/**
 * What the workbench remembers between runs: window geometry, theme, perspective, open sources,
 * split positions, table columns, the check settings and the dock layout of every perspective
 * (detached windows included; null until first saved), and whether remote hosts' security
 * violations raise notifications. Every field has a default, so a file from an older or newer
 * version still loads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceState(
        WindowGeometry window,
        Theme theme,
        Perspective perspective,
        List<String> openSources,
        String selectedSource,
        double sourcesDivider,
        double detailsDivider,
        List<ColumnState> columns,
        String rulesDirectory,
        String level,
        boolean hideIgnored,
        DockState dock,
        boolean notifyViolations) {

    public WorkspaceState {
        window = window == null ? WindowGeometry.DEFAULT : window;
        theme = theme == null ? Theme.LIGHT : theme;
        perspective = perspective == null ? Perspective.EVENTS : perspective;
        openSources = openSources == null ? List.of() : List.copyOf(openSources);
        sourcesDivider = sourcesDivider <= 0 || sourcesDivider >= 1 ? 0.2 : sourcesDivider;
        detailsDivider = detailsDivider <= 0 || detailsDivider >= 1 ? 0.72 : detailsDivider;
        columns = columns == null ? List.of() : List.copyOf(columns);
        level = level == null ? "server" : level;
    }

    /**
     * This state without the given sources (say, --samples' temporary copies, deleted at exit), so
     * the next start does not look for files that are gone.
     */
    public WorkspaceState without(java.util.Collection<String> paths) {
        return new WorkspaceState(
                window,
                theme,
                perspective,
                openSources.stream().filter(p -> !paths.contains(p)).toList(),
                selectedSource != null && paths.contains(selectedSource) ? null : selectedSource,
                sourcesDivider,
                detailsDivider,
                columns,
                rulesDirectory,
                level,
                hideIgnored,
                dock,
                notifyViolations);
    }

    public static WorkspaceState defaults() {
        return new WorkspaceState(
                null, null, null, null, null, 0, 0, null, null, null, false, null, false);
    }

    /** Window position and size; NaN position means "let the system place it". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowGeometry(
            double x, double y, double width, double height, boolean maximized) {
        public static final WindowGeometry DEFAULT =
                new WindowGeometry(Double.NaN, Double.NaN, 1280, 800, false);

        public WindowGeometry {
            width = width < 400 ? 1280 : width;
            height = height < 300 ? 800 : height;
        }
    }

    /** One table column: its id, width and visibility; the list order is the column order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnState(String id, double width, boolean visible) {}
}
