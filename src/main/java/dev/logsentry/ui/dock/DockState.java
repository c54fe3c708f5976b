package dev.logsentry.ui.dock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * Everything the docking layer remembers between runs, as a record the workspace file embeds: the
 * active perspective, the perspectives saved by the user (Save Perspective As...) and each
 * perspective's current layout, detached windows included.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockState(
        String perspective,
        List<CustomPerspective> custom,
        Map<String, PerspectiveLayout> layouts) {

    public DockState {
        custom = custom == null ? List.of() : List.copyOf(custom);
        layouts = layouts == null ? Map.of() : Map.copyOf(layouts);
    }

    /**
     * A perspective the user saved: its id, title, and the layout Reset Perspective goes back to.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomPerspective(
            String id, String title, String icon, PerspectiveLayout layout) {}
}
