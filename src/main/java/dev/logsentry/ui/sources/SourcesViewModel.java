package dev.logsentry.ui.sources;

import dev.logsentry.core.workspace.OpenSource;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.core.workspace.WorkspaceListener;
import dev.logsentry.ui.common.FolderOpener;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sources view's model and the workbench's selection: one {@link SourceItem} per source of the
 * core {@link Workspace}, kept in step on the FX thread. Workspace events from worker threads are
 * moved to the FX thread; progress is coalesced (one pending update per source), so indexing a
 * large file cannot flood the event queue. {@link #dispose} removes its listener.
 */
public final class SourcesViewModel implements WorkspaceListener {
    private final Workspace workspace;
    private final Consumer<Problem> problems;
    private final ObservableList<SourceItem> sources = FXCollections.observableArrayList();
    private final ObjectProperty<SourceItem> selected = new SimpleObjectProperty<>();
    private final Map<OpenSource, SourceItem> items = new IdentityHashMap<>();
    private final Set<OpenSource> pending = ConcurrentHashMap.newKeySet();
    private final AutoCloseable subscription;
    private final ObjectProperty<FolderOpener> folderOpener =
            new SimpleObjectProperty<>(FolderOpener.xdgOpen());

    /**
     * @param problems told (on the FX thread) about every problem the workspace reports
     */
    public SourcesViewModel(Workspace workspace, Consumer<Problem> problems) {
        this.workspace = workspace;
        this.problems = problems;
        this.subscription = workspace.addListener(this);
    }

    public ObservableList<SourceItem> sources() {
        return sources;
    }

    /** The selected source: the one the perspectives show. */
    public ObjectProperty<SourceItem> selectedProperty() {
        return selected;
    }

    /** The item showing {@code s}, or null (FX thread). */
    public SourceItem itemOf(OpenSource s) {
        return s == null ? null : items.get(s);
    }

    /** Selects the item of {@code s}, if it is still open. */
    public void select(OpenSource s) {
        SourceItem item = itemOf(s);
        if (item != null) {
            selected.set(item);
        }
    }

    /** Opens files that look binary as text ("Open Anyway") and selects the first. */
    public void openAnyway(List<Path> files) {
        OpenSource first = null;
        for (Path f : files) {
            List<OpenSource> opened = workspace.openAnyway(f);
            first = first == null && !opened.isEmpty() ? opened.get(0) : first;
        }
        select(first);
    }

    /** How Reveal in Folder shows a folder: xdg-open, or a fake in tests. */
    public ObjectProperty<FolderOpener> folderOpenerProperty() {
        return folderOpener;
    }

    /** Closes {@code item}'s source; the item leaves the list when the workspace says so. */
    public void close(SourceItem item) {
        workspace.close(item.handle());
    }

    // ---- workspace events, moved to the FX thread -------------------------------------------

    @Override
    public void added(OpenSource s) {
        onFx(
                () -> {
                    if (!s.closed() && !items.containsKey(s)) {
                        SourceItem item = new SourceItem(s);
                        items.put(s, item);
                        sources.add(item);
                    }
                });
    }

    @Override
    public void changed(OpenSource s) {
        onFx(() -> sync(s));
    }

    @Override
    public void progressed(OpenSource s) {
        if (pending.add(s)) {
            Platform.runLater(
                    () -> {
                        pending.remove(s);
                        sync(s);
                    });
        }
    }

    @Override
    public void removed(OpenSource s) {
        onFx(
                () -> {
                    SourceItem item = items.remove(s);
                    pending.remove(s);
                    if (item == null) {
                        return;
                    }
                    int index = sources.indexOf(item);
                    item.sync();
                    sources.remove(item);
                    if (selected.get() == item) {
                        selected.set(
                                sources.isEmpty()
                                        ? null
                                        : sources.get(
                                                Math.max(0, Math.min(index, sources.size() - 1))));
                    }
                });
    }

    @Override
    public void problem(Problem p) {
        onFx(() -> problems.accept(p));
    }

    private void sync(OpenSource s) {
        SourceItem item = items.get(s);
        if (item != null) {
            item.sync();
        }
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Stops listening to the workspace. */
    public void dispose() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener cannot fail
        }
    }
}
