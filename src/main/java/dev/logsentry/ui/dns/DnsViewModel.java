package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * State of the DNS perspective: the analysed dnscache log, the query rows with their filter (search
 * text and outcome), the selected query, and loading progress. Loading runs in a {@link Task} on
 * the caller's executor; everything else is called on the FX thread.
 */
public final class DnsViewModel {
    private final ObservableList<QueryRow> all = FXCollections.observableArrayList();
    private final FilteredList<QueryRow> rows = new FilteredList<>(all, r -> true);
    private final ObjectProperty<DnscacheAnalysis> analysis = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<ResolutionTree> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("No dnscache log open");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Task<DnscacheAnalysis>> loading = new SimpleObjectProperty<>();

    public DnsViewModel() {
        search.addListener((o, a, b) -> refilter());
        outcome.addListener((o, a, b) -> refilter());
    }

    /** Shows an analysis that is already made (e.g. by the workbench's own loader). */
    public void show(DnscacheAnalysis a) {
        List<QueryRow> list = new ArrayList<>(a.trees().size());
        for (ResolutionTree t : a.trees()) {
            list.add(new QueryRow(t));
        }
        all.setAll(list);
        analysis.set(a);
        selected.set(null);
        status.set(summary(a));
    }

    /** Follow mode: a query that just completed is appended to the table. */
    public void addCompleted(ResolutionTree tree) {
        all.add(new QueryRow(tree));
    }

    /**
     * Reads and analyses files or multilog directories off the FX thread; the returned task
     * (already submitted to {@code executor}) reports progress and can be cancelled.
     */
    public Task<DnscacheAnalysis> load(List<Path> paths, Executor executor) {
        Task<DnscacheAnalysis> task =
                new Task<>() {
                    @Override
                    protected DnscacheAnalysis call() throws Exception {
                        updateMessage("Reading " + paths);
                        return DnscacheAnalyzer.analyze(
                                paths,
                                (file, lines) ->
                                        updateMessage(
                                                "Reading "
                                                        + file.getFileName()
                                                        + ": "
                                                        + lines
                                                        + " lines"),
                                this::isCancelled);
                    }
                };
        busy.set(true);
        status.bind(task.messageProperty());
        task.setOnSucceeded(
                e -> {
                    status.unbind();
                    busy.set(false);
                    show(task.getValue());
                });
        task.setOnFailed(
                e -> {
                    status.unbind();
                    busy.set(false);
                    status.set("Cannot read the dnscache log: " + task.getException().getMessage());
                });
        task.setOnCancelled(
                e -> {
                    status.unbind();
                    busy.set(false);
                    status.set("Loading cancelled");
                });
        loading.set(task);
        executor.execute(task);
        return task;
    }

    private void refilter() {
        String s = search.get();
        Outcome o = outcome.get();
        rows.setPredicate(r -> (o == null || r.tree().outcome() == o) && r.matches(s));
    }

    private static String summary(DnscacheAnalysis a) {
        return a.trees().size()
                + " queries from "
                + a.lines()
                + " lines"
                + (a.unparsed().isEmpty() ? "" : ", " + a.unparsed().size() + " unparsed lines")
                + ", "
                + a.stats().cacheHits()
                + " cache hits";
    }

    /** The rows after filtering, in query order. */
    public ObservableList<QueryRow> rows() {
        return rows;
    }

    public ObjectProperty<DnscacheAnalysis> analysisProperty() {
        return analysis;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Only queries with this outcome; {@code null} shows all. */
    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<ResolutionTree> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Task<DnscacheAnalysis>> loadingProperty() {
        return loading;
    }
}
