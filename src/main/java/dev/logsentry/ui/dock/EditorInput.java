package dev.logsentry.ui.dock;

import java.util.Objects;

/**
 * An open document in the editor area: its id (unique, e.g. {@code log:/var/log/syslog}), the tab
 * title and tooltip, and the domain object it shows (a log source, a rule file), which views read
 * through {@link SelectionService#activeEditorProperty()}.
 */
public record EditorInput(String id, String title, String tooltip, String icon, Object input) {
    public EditorInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
