package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.LineDetails;
import dev.logsentry.core.browse.QuickText;
import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.core.browse.VerdictCounts;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.workspace.Classification;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.ui.common.Dialogs;
import dev.logsentry.ui.sources.SourceItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The Events perspective's state for the selected source: its classification (verdicts, counts,
 * progress, timeline, rule counts, from the core {@link Classifications}), the filter ({@link
 * FilterModel}), the selected line's details, navigation ({@link EventsNavigator}), the rules
 * ({@link RuleChoice}) and what is done with lines ({@link LineActions}). Views bind to its
 * properties; classification reports arrive from worker threads and are moved to the FX thread,
 * coalesced.
 */
public final class EventsViewModel implements Classifications.Listener {
    private final Classifications classifications;
    private final ExecutorService background;
    private final Consumer<String> problems;
    private final FilterModel filter;
    private final LineActions lineActions;
    private final EventsNavigator navigator;
    private final RuleChoice rules;
    private final LineCommands commands;
    private final Dialogs dialogs;
    private final AutoCloseable subscription;
    private final AtomicBoolean progressPending = new AtomicBoolean();
    private final BooleanProperty hideIgnored = new SimpleBooleanProperty(false);
    private final ObjectProperty<SourceItem> current = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassifiedSource> classified = new SimpleObjectProperty<>();
    private final StringProperty countsText = new SimpleStringProperty("");
    private final DoubleProperty classifyProgress = new SimpleDoubleProperty(0);
    private final ObjectProperty<LongFunction<Verdict>> verdicts =
            new SimpleObjectProperty<>(line -> null);
    private final ObjectProperty<LineDetails> details = new SimpleObjectProperty<>();
    private final DetailsLoader detailsLoader;
    private final ObjectProperty<Rule> showRuleRequests = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> revealRequests = new SimpleObjectProperty<>();
    private final ObjectProperty<TimelineData> timeline = new SimpleObjectProperty<>();
    private final ObjectProperty<long[]> ruleCounts = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<java.util.function.Function<String, List<int[]>>> highlight =
            new SimpleObjectProperty<>(text -> List.of());
    private final LongProperty verdictsGrew = new javafx.beans.property.SimpleLongProperty();
    private final javafx.beans.InvalidationListener linesGrew = obs -> refresh();
    private TimeHistogram histogram;
    private final TimelineFeed timelineFeed;
    private long lastLineCount = -1;
    private long selectedLine = -1;

    /**
     * @param dialogs choosers and the clipboard (a fake in tests)
     * @param logcheckConf logcheck.conf whose options the viewer honours, or null
     */
    public EventsViewModel(
            Classifications classifications,
            ExecutorService background,
            Consumer<String> problems,
            Dialogs dialogs,
            Path logcheckConf) {
        this.classifications = classifications;
        this.background = background;
        this.problems = problems;
        this.dialogs = dialogs;
        this.detailsLoader = new DetailsLoader(details, background, problems);
        this.filter = new FilterModel(background, problems, classified::get);
        this.timelineFeed = new TimelineFeed(timeline, background, filter, problems);
        this.lineActions = new LineActions(dialogs, background, problems, status);
        this.rules = new RuleChoice(classifications, background, problems, dialogs, logcheckConf);
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
        this.commands =
                new LineCommands(
                        current, classified, filter, lineActions, navigator::shownRows, status);
        javafx.beans.InvalidationListener query =
                obs -> {
                    QuickText q = filter.query();
                    highlight.set(
                            q.isEmpty() || q.error().isPresent() ? text -> List.of() : q::spans);
                };
        filter.quickText().addListener(query);
        filter.regex().addListener(query);
        filter.caseSensitive().addListener(query);
        current.addListener(
                (obs, old, now) -> {
                    if (old != null) {
                        old.lineCountProperty().removeListener(linesGrew);
                    }
                    if (now != null) {
                        now.lineCountProperty().addListener(linesGrew);
                    }
                    showSession();
                });
        hideIgnored.addListener((obs, old, now) -> showVerdict(Verdict.IGNORED, !now));
        filter.shownVerdicts()
                .addListener(
                        (SetChangeListener<Verdict>)
                                c ->
                                        hideIgnored.set(
                                                !filter.shownVerdicts().contains(Verdict.IGNORED)));
        subscription = classifications.addListener(this);
    }

    /** Which rules judge the lines. */
    public RuleChoice rules() {
        return rules;
    }

    /** Loads the rules (again); every open source is then classified. */
    public void reloadRules() {
        rules.reload();
    }

    /** Stops listening to the classifications. */
    public void dispose() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener cannot fail
        }
        SourceItem item = current.get();
        if (item != null) {
            item.lineCountProperty().removeListener(linesGrew);
        }
    }

    // ---- properties --------------------------------------------------------------------------

    public BooleanProperty hideIgnoredProperty() {
        return hideIgnored;
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

    public ObjectProperty<TimelineData> timelineProperty() {
        return timeline;
    }

    /** The time range selected on the timeline, or null. */
    public ObjectProperty<TimeRange> timeRangeProperty() {
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

    // ---- classification ------------------------------------------------------------------------

    @Override
    public void progressed(Classification c) {
        if (progressPending.compareAndSet(false, true)) {
            Platform.runLater(
                    () -> {
                        progressPending.set(false);
                        Classification shown = shownClassification();
                        if (shown == null) {
                            return;
                        }
                        if (classified.get() != shown.classified()) {
                            showSession();
                        }
                        classifyProgress.set(shown.fraction());
                        updateCounts();
                        verdictsGrew.set(verdictsGrew.get() + 1);
                    });
        }
    }

    @Override
    public void summarized(Classification c) {
        Platform.runLater(
                () -> {
                    if (shownClassification() == c) {
                        showSummary(c);
                    }
                });
    }

    @Override
    public void failed(Classification c, String message) {
        Platform.runLater(() -> problems.accept(message));
    }

    private Classification shownClassification() {
        SourceItem item = current.get();
        return item == null ? null : classifications.of(item.handle());
    }

    private void showSession() {
        Classification s = shownClassification();
        ClassifiedSource c = s == null ? null : s.classified();
        classified.set(c);
        showSummary(s);
        verdicts.set(c == null ? line -> null : line -> verdictIfKnown(c, line));
        classifyProgress.set(s == null ? 0 : s.fraction());
        updateCounts();
        filter.apply();
        filter.rowsGrew().set(filter.rowsGrew().get() + 1);
    }

    private void showSummary(Classification s) {
        histogram = s == null ? null : s.histogram();
        timelineFeed.full(histogram);
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

    // ---- filter ------------------------------------------------------------------------------

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

    // ---- selection, details, navigation --------------------------------------------------------

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

    /** Asks for a line number (Ctrl+G) and goes there. */
    public void askGoToLine() {
        SourceItem item = current.get();
        long count = item == null ? 0 : item.lineCountProperty().get();
        dialogs.askText("Go to Line", String.format("Line number (1 to %,d)", count))
                .ifPresent(
                        text -> {
                            try {
                                goToLine(Long.parseLong(text.trim().replace(",", "")) - 1);
                            } catch (NumberFormatException e) {
                                problems.accept("\u201c" + text + "\u201d is not a line number.");
                            }
                        });
    }

    private void reveal(long line) {
        revealRequests.set(null);
        revealRequests.set(line);
    }

    /** The table selected {@code line} (or -1): compute its details in the background. */
    public void selectLine(long line) {
        selectedLine = line;
        SourceItem item = current.get();
        detailsLoader.load(classified.get(), line, item == null ? null : item.path());
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

    // ---- clipboard, export, rules folder ------------------------------------------------------

    /** Copy, copy as CSV/JSON, export, show a rule's matches. */
    public LineCommands lines() {
        return commands;
    }

    /** Copies the given lines (0-based, of the current source) to the clipboard as text. */
    public void copySelection(List<Long> lines) {
        commands.copy(lines);
    }

    /** Exports the lines the table shows (after filters). */
    public void exportShown() {
        commands.exportShown();
    }

    /** Exports the given lines (a selection). */
    public void exportLines(List<Long> lines) {
        commands.exportLines(lines);
    }

    /** Lets the user pick a rules folder (a logcheck tree). */
    public void chooseRules() {
        rules.choose();
    }
}
