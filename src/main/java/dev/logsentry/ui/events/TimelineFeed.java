package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.FilteredView;
import dev.logsentry.core.browse.LineFilter;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.TimeHistogram;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;

/**
 * What the timeline shows: the whole log's histogram, or, while a text or verdict filter is set,
 * the lines that filter leaves, counted on the same bars (so the axis does not jump). A time range
 * does not narrow the timeline: it is drawn over it, and the bars outside it stay to pick another.
 * The filtered counts are a background job, redone when the filter settles on other rows.
 */
final class TimelineFeed {
    private final ObjectProperty<TimelineData> out;
    private final ExecutorService background;
    private final FilterModel filter;
    private final Consumer<String> problems;
    private TimeHistogram full;
    private TimeHistogram filtered;
    private FilteredView countedView;
    private long countedSize = -1;
    private volatile int generation;

    TimelineFeed(
            ObjectProperty<TimelineData> out,
            ExecutorService background,
            FilterModel filter,
            Consumer<String> problems) {
        this.out = out;
        this.background = background;
        this.filter = filter;
        this.problems = problems;
        filter.rows().addListener((obs, old, now) -> recount());
        filter.status().addListener((obs, old, now) -> recount());
    }

    /** The whole log's histogram (null while unknown); the filtered one is counted again. */
    void full(TimeHistogram histogram) {
        full = histogram;
        filtered = null;
        countedView = null;
        publish();
        recount();
    }

    private void recount() {
        TimeHistogram axis = full;
        if (axis == null
                || !(filter.rows().get() instanceof FilterModel.FilteredRows rows)
                || rows.view().filter().withTimeRange(null, null).isAll()) {
            generation++;
            countedView = null;
            if (filtered != null) {
                filtered = null;
                publish();
            }
            return;
        }
        FilteredView view = rows.view();
        if (!view.upToDate() || (view == countedView && view.size() == countedSize)) {
            return;
        }
        countedView = view;
        countedSize = view.size();
        int job = ++generation;
        try {
            background.submit(() -> count(view, axis, job));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            generation++; // the workbench is closing
        }
    }

    private void count(FilteredView view, TimeHistogram axis, int job) {
        ClassifiedSource c = view.classified();
        SourceClock clock = SourceClock.of(c.source());
        try {
            LongPredicate include = line -> view.indexOf(line) >= 0;
            LineFilter noRange = view.filter().withTimeRange(null, null);
            if (view.filter().hasTimeRange()) {
                FilteredView all = new FilteredView(c, noRange, clock, FilterModel.THREADS);
                all.extend((done, total) -> {}, () -> generation != job);
                include = line -> all.indexOf(line) >= 0;
            }
            TimeHistogram h =
                    TimeHistogram.compute(
                            c, clock, FilterModel.THREADS, () -> generation != job, include, axis);
            Platform.runLater(
                    () -> {
                        if (h != null && generation == job) {
                            filtered = h;
                            publish();
                        }
                    });
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> problems.accept("No filtered timeline: " + e.getMessage()));
        }
    }

    private void publish() {
        TimeHistogram shown = filtered != null ? filtered : full;
        out.set(shown == null ? null : new HistogramData(shown));
    }
}
