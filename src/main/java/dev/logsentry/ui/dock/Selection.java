package dev.logsentry.ui.dock;

import java.util.List;
import java.util.Optional;

/**
 * What a part (view or editor) has selected: its id and the selected objects, typed by what they
 * are (a log row, a source, a query, a rule). Listeners ask for the type they understand and ignore
 * the rest, so views never need to know each other.
 */
public record Selection(String part, List<?> items) {
    public static final Selection EMPTY = new Selection(null, List.of());

    public Selection {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static Selection of(String part, Object... items) {
        return new Selection(part, List.of(items));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The selected items of {@code type}, in selection order. */
    public <T> List<T> itemsOf(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T> Optional<T> first(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
