package dev.logsentry.ui.workbench;

import dev.logsentry.ui.dock.DockWorkbench;
import dev.logsentry.ui.dock.EditorInput;
import dev.logsentry.ui.events.EventsView;
import dev.logsentry.ui.sources.SourceItem;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The editor area's documents: each open log is an editor tab. Selecting a source (in the Sources
 * view, or by opening it) activates its tab; activating a tab selects its source, so every view
 * that follows the selected source (Events, Details, Timeline, Rules counts, DNS) follows the
 * active editor. The one Events view moves into the active tab; every other log's tab shows its
 * lines in a {@link LogPeek} (seen when the editor area is split into stacks side by side); closing
 * a tab closes the source.
 */
final class LogEditors {
    private final WorkbenchViewModel model;
    private final DockWorkbench dock;
    private final EventsView events;
    private final Map<SourceItem, EditorInput> inputs = new HashMap<>();
    private final Map<String, LogPeek> peeks = new HashMap<>();
    private boolean syncing;

    LogEditors(WorkbenchViewModel model, DockWorkbench dock, EventsView events) {
        this.model = model;
        this.dock = dock;
        this.events = events;
        // a short editor area (the DNS perspective's) squeezes the view instead of pushing the tab
        // header out of sight
        events.setMinHeight(0);
        model.sources()
                .addListener(
                        (ListChangeListener<SourceItem>)
                                c -> {
                                    while (c.next()) {
                                        c.getRemoved().forEach(this::closed);
                                        c.getAddedSubList().forEach(this::show);
                                    }
                                    show(model.selectedProperty().get());
                                });
        model.selectedProperty().addListener((o, was, now) -> show(now));
        dock.selection()
                .activeEditorProperty()
                .addListener(
                        (o, was, now) -> {
                            if (now != null && now.input() instanceof SourceItem item) {
                                activated(now, item);
                            }
                        });
        dock.onEditorClosed(
                input -> {
                    if (input.input() instanceof SourceItem item
                            && model.sources().contains(item)) {
                        inputs.remove(item);
                        model.close(item);
                    }
                });
        show(model.selectedProperty().get());
    }

    /** The editor id of a source. */
    static String id(SourceItem item) {
        return "log:" + item.path();
    }

    private void show(SourceItem item) {
        if (item == null || syncing || !model.sources().contains(item)) {
            return;
        }
        EditorInput input =
                inputs.computeIfAbsent(
                        item,
                        i ->
                                new EditorInput(
                                        id(i),
                                        i.nameProperty().get(),
                                        i.path().toString(),
                                        i.isDnscache()
                                                ? "mdi2d-dns-outline"
                                                : "mdi2f-file-document-outline",
                                        i));
        syncing = true;
        try {
            dock.openEditor(input, peek(input));
            moveEvents(input);
        } finally {
            syncing = false;
        }
    }

    private void activated(EditorInput input, SourceItem item) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (model.sources().contains(item)) {
                model.selectedProperty().set(item);
            }
            moveEvents(input);
        } finally {
            syncing = false;
        }
    }

    private void moveEvents(EditorInput active) {
        for (EditorInput e : dock.editors()) {
            if (!e.id().equals(active.id())) {
                dock.setEditorContent(e.id(), peek(e));
            }
        }
        dock.setEditorContent(active.id(), events);
    }

    private void closed(SourceItem item) {
        LogPeek p = peeks.remove(id(item));
        if (p != null) {
            p.dispose();
        }
        EditorInput input = inputs.remove(item);
        if (input != null && !syncing) {
            dock.closeEditor(input.id());
        }
    }

    /**
     * What an editor shows while another log's tab is the active one: its own lines (one table per
     * log, made once); a click there activates this log.
     */
    private Node peek(EditorInput input) {
        if (!(input.input() instanceof SourceItem item)) {
            return new StackPane();
        }
        return peeks.computeIfAbsent(
                input.id(),
                id -> new LogPeek(item, model.classifications(), () -> dock.activate(id)));
    }
}
