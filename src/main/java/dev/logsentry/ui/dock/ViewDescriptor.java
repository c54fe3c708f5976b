package dev.logsentry.ui.dock;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One kind of view the workbench can show: its id (also the key in saved layouts), title, Ikonli
 * icon literal, the perspectives it appears in by default, the named area of a perspective's layout
 * it goes to ({@code left}, {@code right}, {@code bottom}, {@code editor}, ...), and the factory
 * that builds its content the first time it is shown. An editor-kind view lives in the editor area
 * with the open documents; all others stay outside it.
 */
public record ViewDescriptor(
        String id,
        String title,
        String icon,
        Set<String> perspectives,
        String area,
        boolean editor,
        Supplier<? extends Node> factory) {

    public ViewDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(factory, "factory");
        perspectives = perspectives == null ? Set.of() : Set.copyOf(perspectives);
        area = area == null ? (editor ? DockLayouts.EDITOR_AREA : "bottom") : area;
    }

    /** A view (not an editor) placed in {@code area} of the given perspectives. */
    public static ViewDescriptor view(
            String id,
            String title,
            String icon,
            String area,
            Supplier<? extends Node> factory,
            String... perspectives) {
        return new ViewDescriptor(id, title, icon, Set.of(perspectives), area, false, factory);
    }

    /** Whether the view belongs to {@code perspective} by default. */
    public boolean shownIn(String perspective) {
        return perspectives.contains(perspective);
    }
}
