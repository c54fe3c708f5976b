package dev.logsentry.ui.events;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.events.ClassifiedSource;
import dev.logsentry.core.events.Export;
import dev.logsentry.core.events.FilteredView;
import dev.logsentry.core.events.LineDetails;
import dev.logsentry.core.events.LineFilter;
import dev.logsentry.core.events.Navigation;
import dev.logsentry.core.events.QuickText;
import dev.logsentry.core.events.Rows;
import dev.logsentry.core.events.SourceClock;
import dev.logsentry.core.events.TimeHistogram;
import dev.logsentry.core.events.VerdictCounts;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.ui.sources.SourceItem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.concurrent.Task;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Events perspective's state: which rule tree and level judge the lines, the classification of
 * each open source (run in the background with progress), and the counts per verdict of the
 * selected one. Filtering, navigation and details build on the {@link ClassifiedSource} held here.
 */
public final class EventsViewModel {
    /** Where logcheck keeps its rules; used when present and no other folder is chosen. */
    public static final Path SYSTEM_RULES = Path.of("/etc/logcheck");

    private final ObservableList<SourceItem> sources;
    private final ExecutorService background;
    private final Consumer<String> problems;
    private final StringProperty rulesDirectory = new SimpleStringProperty();
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.SERVER);
    private final BooleanProperty hideIgnored = new SimpleBooleanProperty(false);
    private final ObjectProperty<RuleTree> ruleTree = new SimpleObjectProperty<>();
    private final ObjectProperty<SourceItem> current = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassifiedSource> classified = new SimpleObjectProperty<>();
    private final StringProperty countsText = new SimpleStringProperty("");
    private final DoubleProperty classifyProgress = new SimpleDoubleProperty(0);
    private final ObjectProperty<LongFunction<Verdict>> verdicts =
            new SimpleObjectProperty<>(line -> null);
    private final Map<SourceItem, Session> sessions = new IdentityHashMap<>();
    private final ObjectProperty<LineDetails> details = new SimpleObjectProperty<>();
    private final ObjectProperty<Rule> showRuleRequests = new SimpleObjectProperty<>();
    private final ObjectProperty<RowIndex> rows = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> revealRequests = new SimpleObjectProperty<>();
    private final StringProperty quickText = new SimpleStringProperty("");
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty(false);
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final ObservableSet<Verdict> shownVerdicts =
            FXCollections.observableSet(EnumSet.allOf(Verdict.class));
    private final StringProperty filterStatus = new SimpleStringProperty("");
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final PauseTransition refilterDelay = new PauseTransition(Duration.millis(200));
    private final javafx.beans.property.LongProperty rowsGrew =
            new javafx.beans.property.SimpleLongProperty();
    private FilterRun filterRun;
    private long lastLineCount = -1;
    private volatile TimeHistogram histogram;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<long[]> ruleCounts = new SimpleObjectProperty<>();
    private long selectedLine = -1;
    private Path bundledRules;
    private long detailsGeneration;

    public EventsViewModel(
            ObservableList<SourceItem> sources,
            ExecutorService background,
            Consumer<String> problems) {
        this.sources = sources;
        this.background = background;
        this.problems = problems;
        sources.addListener(
                (ListChangeListener<SourceItem>)
                        c -> {
                            while (c.next()) {
                                c.getRemoved().forEach(this::detach);
                                c.getAddedSubList().forEach(this::attach);
                            }
                        });
        rulesDirectory.addListener((obs, old, now) -> reloadRules());
        level.addListener((obs, old, now) -> reloadRules());
        current.addListener((obs, old, now) -> showSession());
        hideIgnored.addListener((obs, old, now) -> showVerdict(Verdict.IGNORED, !now));
        shownVerdicts.addListener(
                (SetChangeListener<Verdict>)
                        c -> {
                            hideIgnored.set(!shownVerdicts.contains(Verdict.IGNORED));
                            refilter();
                        });
        quickText.addListener((obs, old, now) -> refilter());
        caseSensitive.addListener((obs, old, now) -> refilter());
        regex.addListener((obs, old, now) -> refilter());
        timeRange.addListener((obs, old, now) -> refilter());
        refilterDelay.setOnFinished(e -> applyFilter());
    }

    /** Changes each time the filtered rows grew, so the table can publish them. */
    public javafx.beans.property.LongProperty rowsGrewProperty() {
        return rowsGrew;
    }

    /** The details of the selected line, computed in the background. */
    public ObjectProperty<LineDetails> detailsProperty() {
        return details;
    }

    /** Set to a rule when the user asks to see it in the Rules perspective. */
    public ObjectProperty<Rule> showRuleRequests() {
        return showRuleRequests;
    }

    /** The lines the table shows: null for all lines, else a filtered subset. */
    public ObjectProperty<RowIndex> rowsProperty() {
        return rows;
    }

    /** Set to a line the table should select and scroll to. */
    public ObjectProperty<Long> revealRequests() {
        return revealRequests;
    }

    public StringProperty quickTextProperty() {
        return quickText;
    }

    public BooleanProperty caseSensitiveProperty() {
        return caseSensitive;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    /** The verdicts whose lines are shown; all by default. */
    public ObservableSet<Verdict> shownVerdicts() {
        return shownVerdicts;
    }

    public void showVerdict(Verdict v, boolean show) {
        if (show) {
            shownVerdicts.add(v);
        } else {
            shownVerdicts.remove(v);
        }
    }

    /** "12 of 148 lines", or an error in the filter, for the filter bar. */
    public StringProperty filterStatusProperty() {
        return filterStatus;
    }

    public void clearFilters() {
        quickText.set("");
        shownVerdicts.addAll(EnumSet.allOf(Verdict.class));
    }

    /** Reports a problem to the user. */
    public void problem(String text) {
        problems.accept(text);
    }

    /** Asks the workbench to show {@code rule} in the Rules perspective. */
    public void showRule(Rule rule) {
        showRuleRequests.set(null);
        showRuleRequests.set(rule);
    }

    /** Selects and scrolls to {@code line} (0-based) of the current source, if it exists. */
    public void goToLine(long line) {
        SourceItem item = current.get();
        if (item == null || item.linesProperty().get() == null) {
            return;
        }
        long count = item.linesProperty().get().lineCount();
        if (line < 0 || line >= count) {
            problems.accept(
                    String.format(
                            "Line %,d does not exist: %s has %,d lines.",
                            line + 1, item.nameProperty().get(), count));
            return;
        }
        reveal(line);
    }

    private void reveal(long line) {
        revealRequests.set(null);
        revealRequests.set(line);
    }

    /** The table selected {@code line} (or -1): compute its details in the background. */
    public void selectLine(long line) {
        selectedLine = line;
        long generation = ++detailsGeneration;
        ClassifiedSource c = classified.get();
        SourceItem item = current.get();
        if (line < 0 || c == null || item == null) {
            details.set(null);
            return;
        }
        var parser = SourceClock.of(c.source()).parser();
        Task<LineDetails> task =
                new Task<>() {
                    @Override
                    protected LineDetails call() throws Exception {
                        return LineDetails.of(c, line, parser);
                    }
                };
        task.setOnSucceeded(
                e -> {
                    if (generation == detailsGeneration) {
                        details.set(task.getValue());
                    }
                });
        task.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot read line "
                                        + (line + 1)
                                        + " of "
                                        + item.path()
                                        + ": "
                                        + task.getException().getMessage()));
        background.submit(task);
    }

    /** Copies the given lines (0-based, of the current source) to the clipboard as text. */
    public void copySelection(List<Long> lines) {
        SourceItem item = current.get();
        if (item == null || item.linesProperty().get() == null || lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        try {
            for (long l : lines) {
                text.append(item.linesProperty().get().line(l)).append('\n');
            }
        } catch (java.io.IOException e) {
            problems.accept("Cannot copy from " + item.path() + ": " + e.getMessage());
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Lets the user pick a rules folder (a logcheck tree). */
    public void chooseRules(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(
                "Choose a logcheck rules folder (with cracking.d, violations.d, ignore.d.*)");
        Path now = effectiveRules();
        if (Files.isDirectory(now)) {
            chooser.setInitialDirectory(now.toFile());
        }
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            rulesDirectory.set(dir.getPath());
        }
    }

    /** Lines decided by each rule (by rule id) in the current source, or null while unknown. */
    public ObjectProperty<long[]> ruleCountsProperty() {
        return ruleCounts;
    }

    /** Matches per rule on the current source (deciding rule only), for the Rules perspective. */
    public ToLongFunction<Rule> ruleMatchCounts() {
        long[] counts = ruleCounts.get();
        if (counts == null) {
            return r -> -1;
        }
        return r -> r.id() < counts.length ? counts[r.id()] : -1;
    }

    private final ObjectProperty<TimelineView.TimelineData> timeline = new SimpleObjectProperty<>();
    private final ObjectProperty<TimelineView.TimeRange> timeRange = new SimpleObjectProperty<>();

    public ObjectProperty<TimelineView.TimelineData> timelineProperty() {
        return timeline;
    }

    public ObjectProperty<TimelineView.TimeRange> timeRangeProperty() {
        return timeRange;
    }

    /** Rebuilds the table's rows for the current filter, debounced while the user types. */
    void refilter() {
        refilterDelay.playFromStart();
    }

    private void applyFilter() {
        if (filterRun != null) {
            filterRun.cancel();
            filterRun = null;
        }
        ClassifiedSource c = classified.get();
        TimelineView.TimeRange range = timeRange.get();
        LineFilter filter =
                new LineFilter(
                        new QuickText(
                                quickText.get() == null ? "" : quickText.get(),
                                regex.get(),
                                caseSensitive.get()),
                        EnumSet.copyOf(
                                shownVerdicts.isEmpty()
                                        ? EnumSet.noneOf(Verdict.class)
                                        : shownVerdicts),
                        range == null ? null : range.from(),
                        range == null ? null : range.to());
        if (filter.error().isPresent()) {
            filterStatus.set(filter.error().get());
            return;
        }
        if (c == null || filter.isAll()) {
            rows.set(null);
            filterStatus.set("");
            return;
        }
        FilteredView view = new FilteredView(c, filter, SourceClock.of(c.source()), THREADS);
        filterRun = new FilterRun(view);
        rows.set(new FilteredRows(view));
        filterRun.start();
    }

    /** The filtered view as the table's {@link RowIndex}. */
    private record FilteredRows(FilteredView view) implements RowIndex {
        @Override
        public long size() {
            return view.size();
        }

        @Override
        public long lineAt(long row) {
            return view.lineAt(row);
        }

        @Override
        public long rowOf(long line) {
            long at = view.indexOf(line);
            return at >= 0 ? at : -1;
        }
    }

    /** Builds one filtered view in the background, extending it while the source grows. */
    private final class FilterRun {
        private final FilteredView view;
        private volatile boolean cancelled;
        private final java.util.concurrent.atomic.AtomicBoolean pending =
                new java.util.concurrent.atomic.AtomicBoolean();

        FilterRun(FilteredView view) {
            this.view = view;
        }

        void start() {
            filterStatus.set("Filtering\u2026");
            background.submit(this::run);
        }

        void cancel() {
            cancelled = true;
        }

        private void run() {
            try {
                while (!cancelled) {
                    view.extend((done, total) -> publish(), () -> cancelled);
                    publish();
                    if (view.stale()) {
                        Platform.runLater(EventsViewModel.this::applyFilter);
                        return;
                    }
                    boolean settled =
                            view.classified().upToDate()
                                    && view.upToDate()
                                    && view.classified().source().lineCount()
                                            == view.classified().classifiedCount();
                    Thread.sleep(settled ? 500 : 150);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Platform.runLater(() -> problems.accept("Filtering failed: " + e.getMessage()));
            }
        }

        private void publish() {
            if (!pending.compareAndSet(false, true)) {
                return;
            }
            Platform.runLater(
                    () -> {
                        pending.set(false);
                        if (filterRun != this) {
                            return;
                        }
                        long total = view.classified().source().lineCount();
                        filterStatus.set(
                                String.format(
                                        "%,d of %,d lines%s",
                                        view.size(), total, view.upToDate() ? "" : " \u2026"));
                        rowsGrew.set(rowsGrew.get() + 1);
                    });
        }
    }

    /** Selects the first shown line at or after {@code t} (a click on the timeline). */
    public void jumpToTime(java.time.Instant t) {
        TimeHistogram h = histogram;
        if (h == null) {
            return;
        }
        long line = h.lineAtOrAfter(t);
        if (line >= 0) {
            revealShown(line);
        }
    }

    /** Reveals {@code line}, or the next shown line after it when a filter hides it. */
    private void revealShown(long line) {
        RowIndex r = rows.get();
        if (r == null || r.rowOf(line) >= 0) {
            reveal(line);
            return;
        }
        if (r instanceof FilteredRows f) {
            long at = f.view().indexOf(line);
            long row = at >= 0 ? at : -at - 1;
            if (row < f.view().size()) {
                reveal(f.view().lineAt(row));
            }
        }
    }

    /** The rows the table shows now, as core {@link Rows}. */
    private Rows shownRows(ClassifiedSource c) {
        RowIndex r = rows.get();
        if (r instanceof FilteredRows f) {
            return f.view();
        }
        return Rows.range(0, c.source().lineCount());
    }

    /**
     * Selects the next (or previous) shown line with verdict {@code v}, or any reported verdict
     * (attack, violation, unusual) when {@code v} is null.
     */
    public void jump(Verdict v, boolean forward) {
        ClassifiedSource c = classified.get();
        if (c == null) {
            return;
        }
        Set<Verdict> wanted = v == null ? Navigation.REPORTABLE : EnumSet.of(v);
        Navigation nav = new Navigation(c);
        RowIndex r = rows.get();
        long line;
        if (r instanceof FilteredRows f) {
            long from;
            if (selectedLine < 0) {
                from = forward ? -1 : f.view().size();
            } else {
                long at = f.view().indexOf(selectedLine);
                from = at >= 0 ? at : (forward ? -at - 2 : -at - 1);
            }
            long row =
                    forward
                            ? nav.nextRow(f.view(), from, wanted)
                            : nav.previousRow(f.view(), from, wanted);
            line = row < 0 ? -1 : f.view().lineAt(row);
        } else {
            long from = selectedLine < 0 ? (forward ? -1 : c.classifiedCount()) : selectedLine;
            line = forward ? nav.nextLine(from, wanted) : nav.previousLine(from, wanted);
        }
        String what = v == null ? "reported line" : VerdictStyle.label(v).toLowerCase() + " line";
        if (line < 0) {
            status.set("No " + (forward ? "further " : "earlier ") + what + ".");
        } else {
            status.set("");
            reveal(line);
        }
    }

    /** F3 / Shift+F3: the next or previous shown line containing the filter text. */
    public void nextMatch(boolean forward) {
        ClassifiedSource c = classified.get();
        QuickText q =
                new QuickText(
                        quickText.get() == null ? "" : quickText.get(),
                        regex.get(),
                        caseSensitive.get());
        if (c == null || q.isEmpty() || q.error().isPresent()) {
            status.set(q.error().orElse("Type a search text in the filter field first (Ctrl+F)."));
            return;
        }
        Rows shown = shownRows(c);
        long fromRow = -1;
        if (selectedLine >= 0) {
            RowIndex r = rows.get();
            if (r instanceof FilteredRows f) {
                long at = f.view().indexOf(selectedLine);
                fromRow = at >= 0 ? at : (forward ? -at - 2 : -at - 1);
            } else {
                fromRow = selectedLine;
            }
        }
        long start = forward ? fromRow : (fromRow < 0 ? shown.size() : fromRow);
        Navigation nav = new Navigation(c);
        Task<Long> find =
                new Task<>() {
                    @Override
                    protected Long call() throws Exception {
                        long row =
                                forward
                                        ? nav.nextMatch(shown, start, q, this::isCancelled)
                                        : nav.previousMatch(shown, start, q, this::isCancelled);
                        return row < 0 ? -1 : shown.lineAt(row);
                    }
                };
        find.setOnSucceeded(
                e -> {
                    if (find.getValue() < 0) {
                        status.set(
                                "\u201c"
                                        + q.text()
                                        + "\u201d not found "
                                        + (forward ? "below." : "above."));
                    } else {
                        status.set("");
                        reveal(find.getValue());
                    }
                });
        find.setOnFailed(
                e -> problems.accept("Search failed: " + find.getException().getMessage()));
        background.submit(find);
    }

    /** Exports the lines the table shows (after filters). */
    public void exportShown() {
        ClassifiedSource c = classified.get();
        if (c != null) {
            export(shownRows(c), "shown lines");
        }
    }

    /** Exports the given lines (a selection). */
    public void exportLines(List<Long> lines) {
        if (classified.get() == null || lines.isEmpty()) {
            status.set("Select lines to export first.");
            return;
        }
        export(
                Rows.of(lines.stream().mapToLong(Long::longValue).toArray()),
                lines.size() + " selected lines");
    }

    private void export(Rows what, String description) {
        ClassifiedSource c = classified.get();
        SourceItem item = current.get();
        Window owner =
                Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + description);
        for (Export.Format f : Export.Format.values()) {
            chooser.getExtensionFilters()
                    .add(
                            new FileChooser.ExtensionFilter(
                                    f.name().replace('_', ' ') + " (*." + f.extension() + ")",
                                    "*." + f.extension()));
        }
        chooser.setInitialFileName(item.nameProperty().get() + "-export.log");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        exportTo(
                c,
                what,
                formatOf(file.getName(), chooser.getSelectedExtensionFilter()),
                file.toPath());
    }

    /** Writes {@code what} to {@code target} in the background; the dialog and tests use it. */
    public Task<Export.Result> exportTo(
            ClassifiedSource c, Rows what, Export.Format format, Path target) {
        Task<Export.Result> task =
                new Task<>() {
                    @Override
                    protected Export.Result call() throws Exception {
                        Path tmp = target.resolveSibling(target.getFileName() + ".part");
                        Export.Result r;
                        try (var out = Files.newOutputStream(tmp)) {
                            r =
                                    new Export(c, SourceClock.of(c.source()))
                                            .write(
                                                    what,
                                                    format,
                                                    out,
                                                    this::updateProgress,
                                                    this::isCancelled);
                        }
                        if (r.cancelled()) {
                            Files.deleteIfExists(tmp);
                        } else {
                            Files.move(
                                    tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                        return r;
                    }
                };
        task.setOnSucceeded(
                e ->
                        status.set(
                                String.format(
                                        "Exported %,d lines to %s",
                                        task.getValue().lines(), target)));
        task.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot export to "
                                        + target
                                        + ": "
                                        + task.getException().getMessage()));
        status.set("Exporting to " + target + "\u2026");
        background.submit(task);
        return task;
    }

    private static Export.Format formatOf(String name, FileChooser.ExtensionFilter chosen) {
        for (Export.Format f : Export.Format.values()) {
            if (name.endsWith("." + f.extension())) {
                return f;
            }
        }
        if (chosen != null) {
            for (Export.Format f : Export.Format.values()) {
                if (chosen.getExtensions().contains("*." + f.extension())) {
                    return f;
                }
            }
        }
        return Export.Format.TEXT;
    }

    /** A message for the status bar (navigation results, export progress). */
    public StringProperty statusProperty() {
        return status;
    }

    /** Called periodically on the FX thread while sources grow. */
    public void refresh() {
        updateCounts();
        SourceItem item = current.get();
        long count =
                item == null || item.linesProperty().get() == null
                        ? -1
                        : item.linesProperty().get().lineCount();
        if (count != lastLineCount) {
            lastLineCount = count;
            rowsGrew.set(rowsGrew.get() + 1);
        }
    }

    /** The rules folder chosen by the user, or null for the default ({@link #effectiveRules}). */
    public StringProperty rulesDirectoryProperty() {
        return rulesDirectory;
    }

    public ObjectProperty<Level> levelProperty() {
        return level;
    }

    public BooleanProperty hideIgnoredProperty() {
        return hideIgnored;
    }

    public ObjectProperty<RuleTree> ruleTreeProperty() {
        return ruleTree;
    }

    /** The source the perspective shows. */
    public ObjectProperty<SourceItem> currentProperty() {
        return current;
    }

    /** The classification of the current source, or null while there is none. */
    public ObjectProperty<ClassifiedSource> classifiedProperty() {
        return classified;
    }

    /** For the table: the verdict of a line of the current source, null while not classified. */
    public ObjectProperty<LongFunction<Verdict>> verdictsProperty() {
        return verdicts;
    }

    /** "A 3 · V 6 · U 19 · I 120" for the status bar. */
    public StringProperty countsTextProperty() {
        return countsText;
    }

    /** Progress of classifying the current source, 0 to 1. */
    public DoubleProperty classifyProgressProperty() {
        return classifyProgress;
    }

    /**
     * The rules folder in use: the chosen one, else /etc/logcheck when present, else the bundled
     * rules.
     */
    public Path effectiveRules() {
        String chosen = rulesDirectory.get();
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        if (Files.isDirectory(SYSTEM_RULES.resolve("ignore.d.server"))) {
            return SYSTEM_RULES;
        }
        return bundledRules();
    }

    /** The starter rules bundled with LogSentry, copied once to a private temporary folder. */
    private synchronized Path bundledRules() {
        if (bundledRules == null) {
            try {
                Path dir = Files.createTempDirectory("logsentry-rules");
                bundledRules = BundledRules.logcheckTree(BundledRules.extractTo(dir));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot extract the bundled rules", e);
            }
        }
        return bundledRules;
    }

    /** Loads the rule tree in the background, then classifies every open source again. */
    public void reloadRules() {
        Path dir = effectiveRules();
        Level lvl = level.get();
        Task<RuleTree> load =
                new Task<>() {
                    @Override
                    protected RuleTree call() {
                        return RuleTreeLoader.load(dir, lvl);
                    }
                };
        load.setOnSucceeded(
                e -> {
                    RuleTree tree = load.getValue();
                    ruleTree.set(tree);
                    if (!tree.problems().isEmpty()) {
                        problems.accept(
                                String.format(
                                        "%d rule(s) in %s could not be used; see the Rules perspective. First: %s",
                                        tree.problems().size(), dir, tree.problems().get(0)));
                    }
                    sessions.values().forEach(Session::cancel);
                    sessions.clear();
                    sources.forEach(this::attach);
                    showSession();
                });
        load.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot read the rules in "
                                        + dir
                                        + ": "
                                        + load.getException().getMessage()));
        background.submit(load);
    }

    /** Starts classifying {@code item} once its lines are available. */
    public void attach(SourceItem item) {
        if (sessions.containsKey(item) || ruleTree.get() == null) {
            return;
        }
        LineSource lines = item.linesProperty().get();
        if (lines == null) {
            item.linesProperty()
                    .addListener(
                            (obs, old, now) -> {
                                if (now != null) {
                                    attach(item);
                                }
                            });
            return;
        }
        Classifier classifier =
                new Classifier(ruleTree.get(), CheckOptions.defaults(Profile.LOGCHECK_1_4));
        Session s = new Session(item, new ClassifiedSource(lines, classifier));
        sessions.put(item, s);
        s.start();
        if (item == current.get()) {
            showSession();
        }
    }

    /** Stops work on a closed source. */
    public void detach(SourceItem item) {
        Session s = sessions.remove(item);
        if (s != null) {
            s.cancel();
        }
    }

    private void showSummary(Session s) {
        histogram = s == null ? null : s.histogramOf;
        timeline.set(histogram == null ? null : new HistogramData(histogram));
        ruleCounts.set(s == null ? null : s.ruleCountsOf);
    }

    /** The core histogram as the timeline's data. */
    private record HistogramData(TimeHistogram h) implements TimelineView.TimelineData {
        @Override
        public int buckets() {
            return h.bucketCount();
        }

        @Override
        public java.time.Instant bucketStart(int b) {
            return b >= h.bucketCount() ? h.end() : h.bucketStart(b);
        }

        @Override
        public long count(int bucket, Verdict verdict) {
            return h.count(bucket, verdict);
        }
    }

    private void showSession() {
        Session s = sessions.get(current.get());
        showSummary(s);
        ClassifiedSource c = s == null ? null : s.classified;
        classified.set(c);
        verdicts.set(c == null ? line -> null : line -> verdictIfKnown(c, line));
        updateCounts();
        applyFilter();
        rowsGrew.set(rowsGrew.get() + 1);
    }

    private static Verdict verdictIfKnown(ClassifiedSource c, long line) {
        return line < c.classifiedCount() ? c.verdict(line) : null;
    }

    private void updateCounts() {
        ClassifiedSource c = classified.get();
        if (c == null) {
            countsText.set("");
            classifyProgress.set(0);
            return;
        }
        VerdictCounts n = c.counts();
        countsText.set(
                String.format(
                        "Attack %,d \u00b7 Violation %,d \u00b7 Unusual %,d \u00b7 Ignored %,d",
                        n.attack(), n.violation(), n.unusual(), n.ignored()));
    }

    /** One source's classification, rerun while its index grows. */
    private final class Session {
        private final SourceItem item;
        private final ClassifiedSource classified;
        private volatile boolean cancelled;
        private volatile double pendingFraction;
        private TimeHistogram histogramOf;
        private long[] ruleCountsOf;
        private final java.util.concurrent.atomic.AtomicBoolean pending =
                new java.util.concurrent.atomic.AtomicBoolean();

        Session(SourceItem item, ClassifiedSource classified) {
            this.item = item;
            this.classified = classified;
        }

        void start() {
            background.submit(this::run);
        }

        void cancel() {
            cancelled = true;
        }

        private void run() {
            try {
                while (!cancelled) {
                    boolean indexing = item.stateProperty().get() != SourceItem.State.READY;
                    classified.classify(
                            (done, total) -> publish(total == 0 ? 1 : (double) done / total),
                            () -> cancelled);
                    publish(1);
                    if (!indexing && classified.upToDate()) {
                        summarize();
                        return;
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Platform.runLater(
                        () -> problems.accept("Classifying " + item.path() + " failed: " + e));
            }
        }

        /** Timeline and per-rule counts, once the source is fully classified. */
        private void summarize() {
            long[] counts = new long[classified.rules().rules().size()];
            long n = classified.classifiedCount();
            for (long i = 0; i < n && !cancelled; i++) {
                int id = classified.ruleId(i);
                if (id >= 0 && id < counts.length) {
                    counts[id]++;
                }
            }
            TimeHistogram h;
            try {
                h =
                        TimeHistogram.compute(
                                classified,
                                SourceClock.of(classified.source()),
                                THREADS,
                                (done, total) -> {},
                                () -> cancelled);
            } catch (java.io.IOException e) {
                Platform.runLater(
                        () ->
                                problems.accept(
                                        "Timeline of " + item.path() + ": " + e.getMessage()));
                h = null;
            }
            TimeHistogram done = h;
            Platform.runLater(
                    () -> {
                        histogramOf = done;
                        ruleCountsOf = counts;
                        if (current.get() == item) {
                            showSummary(this);
                        }
                    });
        }

        private void publish(double fraction) {
            pendingFraction = fraction;
            if (!pending.compareAndSet(false, true)) {
                return; // an update is already queued: the FX thread reads the latest fraction
            }
            Platform.runLater(
                    () -> {
                        pending.set(false);
                        if (current.get() == item) {
                            classifyProgress.set(pendingFraction);
                            updateCounts();
                            verdicts.set(line -> verdictIfKnown(classified, line));
                        }
                    });
        }
    }
}
