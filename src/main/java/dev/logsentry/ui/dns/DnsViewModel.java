package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheWriters;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionStep;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
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
 * the caller's executor; everything else is called on the FX thread. The clipboard is passed in
 * (the workbench passes its Dialogs' clipboard), so the copy actions can be tested without a
 * window.
 */
public final class DnsViewModel {
    private final ObservableList<QueryRow> all = FXCollections.observableArrayList();
    private final FilteredList<QueryRow> rows = new FilteredList<>(all, r -> true);
    private final ObjectProperty<DnscacheAnalysis> analysis = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<ResolutionTree> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(NO_LOG);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Task<DnscacheAnalysis>> loading = new SimpleObjectProperty<>();
    private final ObservableList<String> openLogs = FXCollections.observableArrayList();
    private final StringProperty emptyMessage = new SimpleStringProperty();
    private final StringProperty failure = new SimpleStringProperty();
    private final ObjectProperty<LogLine> logLine = new SimpleObjectProperty<>();
    private final StringProperty logLineError = new SimpleStringProperty();
    private final StringProperty legend = new SimpleStringProperty("");
    private final StringProperty legendTip = new SimpleStringProperty("");
    private final Consumer<String> clipboard;
    private Executor executor = Runnable::run;

    static final String NO_LOG = "No dnscache log open";

    /** A model whose copy actions hand their text to {@code clipboard}. */
    public DnsViewModel(Consumer<String> clipboard) {
        this.clipboard = clipboard;
        search.addListener((o, a, b) -> refilter());
        outcome.addListener((o, a, b) -> refilter());
        Observable[] inputs = {all, rows, analysis, busy, openLogs, failure};
        for (Observable in : inputs) {
            in.addListener(o -> updateEmpty());
        }
        updateEmpty();
    }

    /** Shows an analysis that is already made (e.g. by the workbench's own loader). */
    public void show(DnscacheAnalysis a) {
        List<QueryRow> list = new ArrayList<>(a.trees().size());
        for (ResolutionTree t : a.trees()) {
            list.add(new QueryRow(t));
        }
        all.setAll(list);
        failure.set(null);
        analysis.set(a);
        selected.set(null);
        logLine.set(null);
        status.set(summary(a));
        legend(a);
    }

    /**
     * Explains the rows and lines that are not whole client queries (ADR 0006): "?" rows, whose
     * query line is not in the log, and lines that could not be attributed to any client query.
     */
    private void legend(DnscacheAnalysis a) {
        long partial = a == null ? 0 : a.trees().stream().filter(ResolutionTree::isPartial).count();
        int orphans = a == null ? 0 : a.unattributed().size();
        List<String> parts = new ArrayList<>(2);
        List<String> tips = new ArrayList<>(2);
        if (partial > 0) {
            parts.add(
                    "\"?\" rows ("
                            + partial
                            + "): queries asked before the log began; client, name and type"
                            + " unknown");
            tips.add(QueryRow.PARTIAL_EXPLAINED);
        }
        if (orphans > 0) {
            parts.add(
                    orphans
                            + (orphans == 1 ? " line" : " lines")
                            + " could not be attributed to any client query");
            tips.add(
                    orphans
                            + " lines (server answers, merges) could not be attributed to any"
                            + " client query in this log: no query waiting at that moment fits"
                            + " them, typically answers to queries from before the log began."
                            + " They appear in no tree.");
        }
        legend.set(String.join("  \u00b7  ", parts));
        legendTip.set(String.join("\n\n", tips));
    }

    /** Forgets the shown log (the workbench closed it). */
    public void clear() {
        Task<DnscacheAnalysis> t = loading.get();
        if (t != null && t.isRunning()) {
            t.cancel();
        }
        all.clear();
        legend(null);
        analysis.set(null);
        selected.set(null);
        logLine.set(null);
        failure.set(null);
        status.set(openLogs.isEmpty() ? NO_LOG : NOT_SELECTED);
    }

    static final String NOT_SELECTED = "dnscache log not selected";

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
        this.executor = executor;
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
                    String why =
                            "Cannot read the dnscache log: " + task.getException().getMessage();
                    status.set(why);
                    failure.set(why);
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

    /**
     * Sets {@link #emptyMessage()}: why the query table is empty, and what to do about it (nothing
     * read yet, a log open in the workbench but not selected, a log without queries, a filter that
     * matches nothing).
     */
    private void updateEmpty() {
        DnscacheAnalysis a = analysis.get();
        String m;
        if (busy.get()) {
            m = "Reading the dnscache log\u2026";
        } else if (failure.get() != null && a == null) {
            m = failure.get() + "\nOpen another one with File > Open.";
        } else if (a == null && openLogs.isEmpty()) {
            m =
                    NO_LOG
                            + ".\nOpen one with File > Open: a dnscache current or @*.s file, or"
                            + " its multilog folder.";
        } else if (a == null) {
            m =
                    "A dnscache log is open but not selected: "
                            + String.join(", ", openLogs)
                            + ".\nSelect it in Sources to see its queries.";
        } else if (all.isEmpty()) {
            m = "This dnscache log has no client queries (" + a.lines() + " lines read).";
        } else if (rows.isEmpty()) {
            m =
                    "No query matches "
                            + filterText()
                            + ".\nPress Esc in the search field to clear it.";
        } else {
            m = "";
        }
        emptyMessage.set(m);
        if (!busy.get() && a == null && failure.get() == null && !status.isBound()) {
            status.set(openLogs.isEmpty() ? NO_LOG : NOT_SELECTED);
        }
    }

    private String filterText() {
        String s = search.get() == null ? "" : search.get().strip();
        Outcome o = outcome.get();
        if (s.isEmpty()) {
            return "the outcome " + o;
        }
        return "\"" + s + "\"" + (o == null ? "" : " with the outcome " + o);
    }

    // --- actions of the context menus
    // --------------------------------------------------------------

    /** Shows only the queries of this row's client address. */
    public void filterByClient(QueryRow row) {
        if (!row.isPartial()) {
            search.set("client:" + row.tree().client());
        }
    }

    /** Shows only the queries for this row's name. */
    public void filterByName(QueryRow row) {
        if (!row.isPartial()) {
            search.set("name:" + row.name());
        }
    }

    /** Copies the rows as the CLI prints them ({@code logsentry dnscache}), one line per query. */
    public void copyQueries(List<QueryRow> selection) {
        if (!selection.isEmpty()) {
            copy(
                    selection.stream()
                            .map(r -> DnscacheWriters.headline(r.tree()))
                            .collect(Collectors.joining("\n", "", "\n")));
        }
    }

    /** Hands {@code text} to the clipboard and says so in the status. */
    public void copy(String text) {
        clipboard.accept(text);
        long lines = text.lines().count();
        if (!status.isBound()) {
            DnscacheAnalysis a = analysis.get();
            // the summary stays; the copy is noted after it
            status.set(
                    (a == null ? "" : summary(a) + "  \u00b7  ")
                            + "copied "
                            + lines
                            + (lines == 1 ? " line" : " lines"));
        }
    }

    /**
     * Reads the log line of a step (off the FX thread, on the loading executor) and publishes it in
     * {@link #logLineProperty()}; a failure is published in {@link #logLineErrorProperty()}.
     */
    public void showLogLine(ResolutionStep step) {
        DnscacheAnalysis a = analysis.get();
        if (a == null || step == null || step.entry() == null) {
            return;
        }
        List<Path> files = a.sources().stream().map(Path::of).toList();
        Task<LogLine> task =
                new Task<>() {
                    @Override
                    protected LogLine call() throws Exception {
                        return LogLines.find(files, step.entry(), this::isCancelled);
                    }
                };
        task.setOnSucceeded(
                e -> {
                    logLineError.set(null);
                    logLine.set(task.getValue());
                });
        task.setOnFailed(
                e -> {
                    logLine.set(null);
                    logLineError.set(
                            "Cannot show the log line: " + task.getException().getMessage());
                });
        executor.execute(task);
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

    /** Every row, before filtering, in query order. */
    ObservableList<QueryRow> allRows() {
        return all;
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

    /**
     * Names of the dnscache logs the workbench has open, whether shown here or not; filled by the
     * workbench so that the empty table can say "open but not selected" rather than "none open".
     */
    public ObservableList<String> openLogs() {
        return openLogs;
    }

    /** A short legend for "?" rows and unattributed lines; "" when the log has none. */
    public StringProperty legendProperty() {
        return legend;
    }

    /** The legend's explanation (its tooltip). */
    public StringProperty legendTipProperty() {
        return legendTip;
    }

    /** Why the query table is empty and what to do; "" when it has rows. */
    public StringProperty emptyMessageProperty() {
        return emptyMessage;
    }

    /** The log line last asked for with {@link #showLogLine}; null when none is shown. */
    public ObjectProperty<LogLine> logLineProperty() {
        return logLine;
    }

    /** Why the last {@link #showLogLine} failed; null after a success. */
    public StringProperty logLineErrorProperty() {
        return logLineError;
    }
}
