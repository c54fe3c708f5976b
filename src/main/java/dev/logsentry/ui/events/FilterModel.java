package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.FilteredView;
import dev.logsentry.core.browse.LineFilter;
import dev.logsentry.core.browse.QuickText;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Rule;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.util.Duration;

/**
 * The filter of the Events perspective (quick text, verdicts, time range) and the rows it leaves: a
 * core {@link FilteredView} built in the background, debounced while the user types, extended while
 * the source grows. Properties change on the FX thread only.
 */
final class FilterModel {
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ExecutorService background;
    private final Consumer<String> problems;
    private final Supplier<ClassifiedSource> classified;
    private final StringProperty quickText = new SimpleStringProperty("");
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty(false);
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final ObservableSet<Verdict> shownVerdicts =
            FXCollections.observableSet(EnumSet.allOf(Verdict.class));
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>();
    private final ObjectProperty<Rule> rule = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<RowIndex> rows = new SimpleObjectProperty<>();
    private final LongProperty rowsGrew = new SimpleLongProperty();
    private final PauseTransition delay = new PauseTransition(Duration.millis(200));
    private Run run;

    FilterModel(
            ExecutorService background,
            Consumer<String> problems,
            Supplier<ClassifiedSource> classified) {
        this.background = background;
        this.problems = problems;
        this.classified = classified;
        shownVerdicts.addListener((SetChangeListener<Verdict>) c -> refilter());
        quickText.addListener((obs, old, now) -> refilter());
        caseSensitive.addListener((obs, old, now) -> refilter());
        regex.addListener((obs, old, now) -> refilter());
        timeRange.addListener((obs, old, now) -> refilter());
        rule.addListener((obs, old, now) -> refilter());
        delay.setOnFinished(e -> apply());
    }

    StringProperty quickText() {
        return quickText;
    }

    BooleanProperty caseSensitive() {
        return caseSensitive;
    }

    BooleanProperty regex() {
        return regex;
    }

    ObservableSet<Verdict> shownVerdicts() {
        return shownVerdicts;
    }

    ObjectProperty<TimeRange> timeRange() {
        return timeRange;
    }

    /** Only the lines this rule decided ("Show Matches" on a rule), or null. */
    ObjectProperty<Rule> rule() {
        return rule;
    }

    /** "12 of 148 lines", or why the filter cannot be applied. */
    StringProperty status() {
        return status;
    }

    /** The rows to show: null for all lines. */
    ObjectProperty<RowIndex> rows() {
        return rows;
    }

    /** Bumped whenever the rows grew. */
    LongProperty rowsGrew() {
        return rowsGrew;
    }

    /** The quick text as the core reads it. */
    QuickText query() {
        return new QuickText(
                quickText.get() == null ? "" : quickText.get(), regex.get(), caseSensitive.get());
    }

    void clear() {
        quickText.set("");
        timeRange.set(null);
        rule.set(null);
        shownVerdicts.addAll(EnumSet.allOf(Verdict.class));
    }

    /** Rebuilds the rows after a short pause (typing). */
    void refilter() {
        delay.playFromStart();
    }

    /** Rebuilds the rows now, for the current source and filter. */
    void apply() {
        if (run != null) {
            run.cancel();
            run = null;
        }
        ClassifiedSource c = classified.get();
        TimeRange range = timeRange.get();
        LineFilter filter =
                new LineFilter(
                        query(),
                        shownVerdicts.isEmpty()
                                ? EnumSet.noneOf(Verdict.class)
                                : EnumSet.copyOf(shownVerdicts),
                        range == null ? null : range.from(),
                        range == null ? null : range.to(),
                        ruleId(c));
        if (filter.error().isPresent()) {
            status.set(filter.error().get());
            return;
        }
        if (c == null || filter.isAll()) {
            rows.set(null);
            status.set("");
            return;
        }
        FilteredView view = new FilteredView(c, filter, SourceClock.of(c.source()), THREADS);
        run = new Run(view);
        rows.set(new FilteredRows(view));
        run.start();
    }

    /** The id of the rule filtered by in {@code c}'s rule tree; -1 for none. */
    private int ruleId(ClassifiedSource c) {
        Rule r = rule.get();
        if (r == null || c == null) {
            return -1;
        }
        List<Rule> rules = c.rules().rules();
        // the same rule object when the tree is the one classifying; else its file and line
        return r.id() < rules.size() && rules.get(r.id()).location().equals(r.location())
                ? r.id()
                : rules.stream()
                        .filter(x -> x.location().equals(r.location()))
                        .mapToInt(Rule::id)
                        .findFirst()
                        .orElse(Integer.MAX_VALUE);
    }

    /** The filtered view as the table's {@link RowIndex}. */
    record FilteredRows(FilteredView view) implements RowIndex {
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
    private final class Run {
        private final FilteredView view;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile boolean cancelled;

        Run(FilteredView view) {
            this.view = view;
        }

        void start() {
            status.set("Filtering\u2026");
            try {
                background.submit(this::loop);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                cancelled = true; // the workbench is closing: a debounced refilter came late
            }
        }

        void cancel() {
            cancelled = true;
        }

        private void loop() {
            try {
                while (!cancelled) {
                    var result = view.extend((done, total) -> publish(), () -> cancelled);
                    if (result.error().isPresent()) {
                        String message = result.error().get();
                        Platform.runLater(() -> problems.accept("Filtering stopped: " + message));
                        return; // the rows found so far stay shown
                    }
                    publish();
                    if (view.stale()) {
                        Platform.runLater(FilterModel.this::apply);
                        return;
                    }
                    ClassifiedSource c = view.classified();
                    boolean settled =
                            c.upToDate()
                                    && view.upToDate()
                                    && c.source().lineCount() == c.classifiedCount();
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
                return; // an update is queued already; it reads the latest size
            }
            Platform.runLater(
                    () -> {
                        pending.set(false);
                        if (run != this) {
                            return;
                        }
                        long total = view.classified().source().lineCount();
                        Rule r = rule.get();
                        status.set(
                                String.format(
                                        "%,d of %,d lines%s%s",
                                        view.size(),
                                        total,
                                        r == null ? "" : " decided by " + r.location(),
                                        view.upToDate() ? "" : " \u2026"));
                        rowsGrew.set(rowsGrew.get() + 1);
                    });
        }
    }
}
