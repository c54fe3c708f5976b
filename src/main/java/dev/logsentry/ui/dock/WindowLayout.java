package dev.logsentry.ui.dock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A detached window: its bounds on screen and the dock tree inside it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowLayout(double x, double y, double width, double height, LayoutNode root) {
    public WindowLayout {
        width = width < 150 ? 400 : width;
        height = height < 100 ? 300 : height;
    }
}
