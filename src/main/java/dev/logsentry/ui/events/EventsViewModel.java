package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.LineDetails;
import dev.logsentry.core.browse.QuickText;
import dev.logsentry.core.browse.Rows;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.core.browse.VerdictCounts;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.ui.sources.SourceItem;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.concurrent.Task;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The Events perspective's state: which rule tree and level judge the lines, the classification of
 * each open source ({@link ClassificationSession}), the filter ({@link FilterModel}), the selected
 * line's details, navigation and export. Views bind to its properties; it calls core services and
 * runs their long work on the workbench's background executor.
 */
public final class EventsViewModel implements ClassificationSession.Listener {
    /** Where logcheck keeps its rules; used when present and no other folder is chosen. */
    public static final Path SYSTEM_RULES = Path.of("/etc/logcheck");

    private final ObservableList<SourceItem> sources;
    private final ExecutorService background;
    private final Consumer<String> problems;
    private final FilterModel filter;
    private final ExportAction export;
    private final EventsNavigator navigator;
    private final Map<SourceItem, ClassificationSession> sessions = new IdentityHashMap<>();
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
    private final ObjectProperty<LineDetails> details = new SimpleObjectProperty<>();
    private final ObjectProperty<Rule> showRuleRequests = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> revealRequests = new SimpleObjectProperty<>();
    private final ObjectProperty<TimelineView.TimelineData> timeline = new SimpleObjectProperty<>();
    private final ObjectProperty<long[]> ruleCounts = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<java.util.function.Function<String, List<int[]>>> highlight =
            new SimpleObjectProperty<>(text -> List.of());
    private final LongProperty verdictsGrew = new javafx.beans.property.SimpleLongProperty();
    private TimeHistogram histogram;
    private long lastLineCount = -1;
    private long selectedLine = -1;
    private long detailsGeneration;
    private Path bundledRules;
    private Classifier classifier;

    public EventsViewModel(
            ObservableList<SourceItem> sources,
            ExecutorService background,
            Consumer<String> problems) {
        this.sources = sources;
        this.background = background;
        this.problems = problems;
        this.filter = new FilterModel(background, problems, classified::get);
        this.export = new ExportAction(background, problems, status);
        this.navigator =
                new EventsNavigator(
                        classified::get,
                        filter.rows(),
                        filter::query,
                        () -> histogram,
                        () -> selectedLine,
                        this::reveal,
                        status,
                        background,
                        problems);
        javafx.beans.InvalidationListener query =
                obs -> {
                    QuickText q = filter.query();
                    highlight.set(
                            q.isEmpty() || q.error().isPresent() ? text -> List.of() : q::spans);
                };
        filter.quickText().addListener(query);
        filter.regex().addListener(query);
        filter.caseSensitive().addListener(query);
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
        filter.shownVerdicts()
                .addListener(
                        (SetChangeListener<Verdict>)
                                c ->
                                        hideIgnored.set(
                                                !filter.shownVerdicts().contains(Verdict.IGNORED)));
    }

    // ---- properties --------------------------------------------------------------------------

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

    /** Bumped when more lines got their verdict, so the table can repaint the visible rows. */
    public LongProperty verdictsGrewProperty() {
        return verdictsGrew;
    }

    /** "Attack 3 · Violation 6 · Unusual 19 · Ignored 120" for the status bar. */
    public StringProperty countsTextProperty() {
        return countsText;
    }

    /** Progress of classifying the current source, 0 to 1. */
    public DoubleProperty classifyProgressProperty() {
        return classifyProgress;
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
        return filter.rows();
    }

    /** Changes each time the shown rows grew, so the table can publish them. */
    public LongProperty rowsGrewProperty() {
        return filter.rowsGrew();
    }

    /** Set to a line the table should select and scroll to. */
    public ObjectProperty<Long> revealRequests() {
        return revealRequests;
    }

    public StringProperty quickTextProperty() {
        return filter.quickText();
    }

    public BooleanProperty caseSensitiveProperty() {
        return filter.caseSensitive();
    }

    public BooleanProperty regexProperty() {
        return filter.regex();
    }

    /** The verdicts whose lines are shown; all by default. */
    public ObservableSet<Verdict> shownVerdicts() {
        return filter.shownVerdicts();
    }

    /** "12 of 148 lines", or an error in the filter, for the filter bar. */
    public StringProperty filterStatusProperty() {
        return filter.status();
    }

    public ObjectProperty<TimelineView.TimelineData> timelineProperty() {
        return timeline;
    }

    /** The time range selected on the timeline, or null. */
    public ObjectProperty<TimelineView.TimeRange> timeRangeProperty() {
        return filter.timeRange();
    }

    /** Lines decided by each rule (by rule id) in the current source, or null while unknown. */
    public ObjectProperty<long[]> ruleCountsProperty() {
        return ruleCounts;
    }

    /** Where the quick filter matches a text, for highlighting; no spans without a filter. */
    public ObjectProperty<java.util.function.Function<String, List<int[]>>> highlightProperty() {
        return highlight;
    }

    /** A message for the status bar (navigation results, export progress). */
    public StringProperty statusProperty() {
        return status;
    }

    // ---- rules and classification --------------------------------------------------------------

    /** The rules folder in use: the chosen one, else /etc/logcheck when present, else bundled. */
    public Path effectiveRules() {
        return effectiveRules(rulesDirectory.get());
    }

    /** Resolves the rules folder; may extract the bundled rules, so it touches the disk. */
    private Path effectiveRules(String chosen) {
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
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract the bundled rules", e);
            }
        }
        return bundledRules;
    }

    /** Loads the rule tree in the background, then classifies every open source again. */
    public void reloadRules() {
        String chosen = rulesDirectory.get();
        Level lvl = level.get();
        Path[] dirs = new Path[1];
        Task<Classifier> load =
                new Task<>() {
                    @Override
                    protected Classifier call() {
                        // finding (or extracting) the rules and compiling ~2,000 of them with
                        // their literal index: never on the FX thread
                        dirs[0] = effectiveRules(chosen);
                        return new Classifier(
                                RuleTreeLoader.load(dirs[0], lvl),
                                CheckOptions.defaults(Profile.LOGCHECK_1_4));
                    }
                };
        load.setOnSucceeded(
                e -> {
                    classifier = load.getValue();
                    RuleTree tree = classifier.rules();
                    ruleTree.set(tree);
                    if (!tree.problems().isEmpty()) {
                        problems.accept(
                                String.format(
                                        "%d rule(s) in %s could not be used; see the Rules"
                                                + " perspective. First: %s",
                                        tree.problems().size(), dirs[0], tree.problems().get(0)));
                    }
                    sessions.values().forEach(ClassificationSession::cancel);
                    sessions.clear();
                    sources.forEach(this::attach);
                    showSession();
                });
        load.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot read the rules in "
                                        + (dirs[0] == null ? chosen : dirs[0])
                                        + ": "
                                        + load.getException().getMessage()));
        background.submit(load);
    }

    /** Starts classifying {@code item} once its lines and the rules are available. */
    public void attach(SourceItem item) {
        if (sessions.containsKey(item) || classifier == null) {
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
        ClassificationSession s =
                new ClassificationSession(
                        item,
                        new ClassifiedSource(lines, classifier, ClassificationSession.THREADS),
                        this);
        sessions.put(item, s);
        s.start(background);
        if (item == current.get()) {
            showSession();
        }
    }

    /** Stops work on a closed source. */
    public void detach(SourceItem item) {
        ClassificationSession s = sessions.remove(item);
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void progressed(ClassificationSession s, double fraction) {
        if (current.get() == s.item()) {
            classifyProgress.set(fraction);
            updateCounts();
            verdictsGrew.set(verdictsGrew.get() + 1);
        }
    }

    @Override
    public void summarized(ClassificationSession s) {
        if (current.get() == s.item()) {
            showSummary(s);
        }
    }

    @Override
    public void failed(String message) {
        problems.accept(message);
    }

    private void showSession() {
        ClassificationSession s = sessions.get(current.get());
        ClassifiedSource c = s == null ? null : s.classified();
        classified.set(c);
        showSummary(s);
        verdicts.set(c == null ? line -> null : line -> verdictIfKnown(c, line));
        classifyProgress.set(s == null ? 0 : s.fraction());
        updateCounts();
        filter.apply();
        filter.rowsGrew().set(filter.rowsGrew().get() + 1);
    }

    private void showSummary(ClassificationSession s) {
        histogram = s == null ? null : s.histogram();
        timeline.set(histogram == null ? null : new HistogramData(histogram));
        ruleCounts.set(s == null ? null : s.ruleCounts());
    }

    private static Verdict verdictIfKnown(ClassifiedSource c, long line) {
        return line < c.classifiedCount() ? c.verdict(line) : null;
    }

    private void updateCounts() {
        ClassifiedSource c = classified.get();
        if (c == null) {
            countsText.set("");
            return;
        }
        VerdictCounts n = c.counts();
        countsText.set(
                String.format(
                        "Attack %,d \u00b7 Violation %,d \u00b7 Unusual %,d \u00b7 Ignored %,d",
                        n.attack(), n.violation(), n.unusual(), n.ignored()));
    }

    /** Matches per rule on the current source (deciding rule only), for the Rules perspective. */
    public ToLongFunction<Rule> ruleMatchCounts() {
        long[] counts = ruleCounts.get();
        if (counts == null) {
            return r -> -1;
        }
        return r -> r.id() < counts.length ? counts[r.id()] : -1;
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
            filter.rowsGrew().set(filter.rowsGrew().get() + 1);
        }
    }

    // ---- filter
    // ----------------------------------------------------------------------------------

    public void showVerdict(Verdict v, boolean show) {
        if (show) {
            filter.shownVerdicts().add(v);
        } else {
            filter.shownVerdicts().remove(v);
        }
    }

    public void clearFilters() {
        filter.clear();
    }

    // ---- selection, details, navigation
    // ------------------------------------------------------------

    /** Reports a problem to the user. */
    public void problem(String text) {
        problems.accept(text);
    }

    /** Asks the workbench to show {@code rule} in the Rules perspective. */
    public void showRule(Rule rule) {
        showRuleRequests.set(null);
        showRuleRequests.set(rule);
    }

    /** Shows the rule that decided the selected line in the Rules perspective (F4). */
    public void showDecidingRule() {
        LineDetails d = details.get();
        if (d == null || d.decidingRule() == null) {
            status.set("The selected line was decided by no rule (or no line is selected).");
            return;
        }
        showRule(d.decidingRule().rule());
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

    /** Selects the first shown line at or after {@code t} (a click on the timeline). */
    public void jumpToTime(Instant t) {
        navigator.jumpToTime(t);
    }

    /**
     * Selects the next (or previous) shown line with verdict {@code v}, or any reported verdict
     * (attack, violation, unusual) when {@code v} is null.
     */
    public void jump(Verdict v, boolean forward) {
        navigator.jump(v, forward);
    }

    /** F3 / Shift+F3: the next or previous shown line containing the filter text. */
    public void nextMatch(boolean forward) {
        navigator.nextMatch(forward);
    }

    // ---- clipboard, export, rules folder
    // -------------------------------------------------------------

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
        } catch (IOException e) {
            problems.accept("Cannot copy from " + item.path() + ": " + e.getMessage());
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text.toString());
        Clipboard.getSystemClipboard().setContent(content);
        status.set(String.format("Copied %,d lines", lines.size()));
    }

    /** Exports the lines the table shows (after filters). */
    public void exportShown() {
        ClassifiedSource c = classified.get();
        if (c != null) {
            export.choose(
                    c, navigator.shownRows(c), "shown lines", current.get().nameProperty().get());
        }
    }

    /** Exports the given lines (a selection). */
    public void exportLines(List<Long> lines) {
        ClassifiedSource c = classified.get();
        if (c == null || lines.isEmpty()) {
            status.set("Select lines to export first.");
            return;
        }
        Rows selection = Rows.of(lines.stream().mapToLong(Long::longValue).toArray());
        export.choose(
                c, selection, lines.size() + " selected lines", current.get().nameProperty().get());
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

    /** The core histogram as the timeline's data. */
    private record HistogramData(TimeHistogram h) implements TimelineView.TimelineData {
        @Override
        public int buckets() {
            return h.bucketCount();
        }

        @Override
        public Instant bucketStart(int b) {
            return b >= h.bucketCount() ? h.end() : h.bucketStart(b);
        }

        @Override
        public long count(int bucket, Verdict verdict) {
            return h.count(bucket, verdict);
        }
    }
}
