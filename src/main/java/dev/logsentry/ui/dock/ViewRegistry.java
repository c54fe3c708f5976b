package dev.logsentry.ui.dock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views the workbench knows, in registration order (the order of Window › Show View). Views
 * register once at start; a later registration with the same id replaces the earlier one.
 */
public final class ViewRegistry {
    private final Map<String, ViewDescriptor> views = new LinkedHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    public ViewRegistry register(ViewDescriptor view) {
        views.put(view.id(), view);
        listeners.forEach(Runnable::run);
        return this;
    }

    public Optional<ViewDescriptor> find(String id) {
        return Optional.ofNullable(views.get(id));
    }

    public List<ViewDescriptor> all() {
        return Collections.unmodifiableList(new ArrayList<>(views.values()));
    }

    /** The views of a perspective placed in {@code area}, in registration order. */
    public List<ViewDescriptor> in(String perspective, String area) {
        return views.values().stream()
                .filter(v -> v.shownIn(perspective) && v.area().equals(area))
                .toList();
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
