package dev.logsentry.ui.dock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One perspective as the user left it: the main window's dock tree, the detached windows, and the
 * stack that was maximised ({@code null} if none; {@code main} is then the layout to restore to).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PerspectiveLayout(LayoutNode main, List<WindowLayout> windows, String maximized) {
    public PerspectiveLayout {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
