package dev.logsentry.ui.dock;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The perspectives' bookkeeping: the known ones in menu order, which the user saved, the current
 * one, and the arrangement each had when the user last left it (what {@link DockState} holds).
 */
final class Perspectives {
    private final Map<String, PerspectiveDescriptor> byId = new LinkedHashMap<>();
    private final ObservableList<PerspectiveDescriptor> list = FXCollections.observableArrayList();
    private final ObservableList<PerspectiveDescriptor> readOnly =
            FXCollections.unmodifiableObservableList(list);
    private final Set<String> custom = new HashSet<>();
    private final Map<String, PerspectiveLayout> layouts = new HashMap<>();
    final ReadOnlyObjectWrapper<PerspectiveDescriptor> current = new ReadOnlyObjectWrapper<>();

    void add(PerspectiveDescriptor descriptor) {
        byId.put(descriptor.id(), descriptor);
        list.setAll(byId.values());
    }

    ObservableList<PerspectiveDescriptor> list() {
        return readOnly;
    }

    PerspectiveDescriptor get(String id) {
        PerspectiveDescriptor descriptor = byId.get(id);
        if (descriptor == null) {
            throw new IllegalArgumentException("no perspective " + id);
        }
        return descriptor;
    }

    /** The arrangement to show for a perspective: as last left, else its default. */
    PerspectiveLayout layoutOf(PerspectiveDescriptor perspective, ViewRegistry views) {
        PerspectiveLayout kept = layouts.get(perspective.id());
        return kept != null ? kept : DockLayouts.fill(perspective, views);
    }

    void keep(String id, PerspectiveLayout layout) {
        layouts.put(id, layout);
    }

    void forget(String id) {
        layouts.remove(id);
    }

    /** A user perspective named {@code name} (replacing one of that name) with {@code layout}. */
    PerspectiveDescriptor saveAs(String name, PerspectiveLayout layout) {
        PerspectiveDescriptor base = current.get();
        String id = "custom:" + name;
        PerspectiveDescriptor saved =
                new PerspectiveDescriptor(
                        id, name, base == null ? null : base.icon(), null, layout);
        add(saved);
        custom.add(id);
        layouts.put(id, layout);
        return saved;
    }

    DockState state(PerspectiveLayout currentLayout) {
        Map<String, PerspectiveLayout> all = new LinkedHashMap<>(layouts);
        PerspectiveDescriptor now = current.get();
        if (now != null) {
            all.put(now.id(), currentLayout);
        }
        List<DockState.CustomPerspective> saved =
                byId.values().stream()
                        .filter(p -> custom.contains(p.id()))
                        .map(
                                p ->
                                        new DockState.CustomPerspective(
                                                p.id(), p.title(), p.icon(), p.template()))
                        .toList();
        return new DockState(now == null ? null : now.id(), saved, all);
    }

    /**
     * Takes the user's perspectives and every known perspective's layout from a saved state;
     * returns the perspective to show (the saved one if known, else the first).
     */
    String restore(DockState state) {
        for (DockState.CustomPerspective c : state.custom()) {
            if (c.id() != null && c.title() != null && c.layout() != null) {
                add(new PerspectiveDescriptor(c.id(), c.title(), c.icon(), null, c.layout()));
                custom.add(c.id());
            }
        }
        layouts.clear();
        state.layouts()
                .forEach(
                        (id, layout) -> {
                            if (byId.containsKey(id) && layout != null && layout.main() != null) {
                                layouts.put(id, layout);
                            }
                        });
        String id = state.perspective();
        if (id == null || !byId.containsKey(id)) {
            id = byId.keySet().iterator().next();
        }
        current.set(null);
        return id;
    }
}
