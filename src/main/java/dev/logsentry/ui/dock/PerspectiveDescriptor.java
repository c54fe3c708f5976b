package dev.logsentry.ui.dock;

import java.util.Objects;

/**
 * A perspective: an arrangement of views for one kind of work. {@code template} is the layout Reset
 * Perspective goes back to; its stacks are named areas, and every view registered for this
 * perspective with that area joins the stack (so a view added later needs no layout change). {@code
 * accelerator} is a {@link javafx.scene.input.KeyCombination} text or {@code null}.
 */
public record PerspectiveDescriptor(
        String id, String title, String icon, String accelerator, PerspectiveLayout template) {

    public PerspectiveDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(template, "template");
    }

    public static PerspectiveDescriptor of(
            String id, String title, String icon, String accelerator, LayoutNode main) {
        return new PerspectiveDescriptor(
                id, title, icon, accelerator, new PerspectiveLayout(main, null, null));
    }
}
