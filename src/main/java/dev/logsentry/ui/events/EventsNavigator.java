package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.Navigation;
import dev.logsentry.core.browse.QuickText;
import dev.logsentry.core.browse.Rows;
import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.core.check.Verdict;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * Moving around the Events table: jumps to the next or previous line of a verdict, F3 search, and
 * the timeline's click-to-jump, always within the rows the table shows (after filters). Results are
 * lines to reveal; messages go to the status bar.
 */
final class EventsNavigator {
    private final Supplier<ClassifiedSource> classified;
    private final ObjectProperty<RowIndex> rows;
    private final Supplier<QuickText> query;
    private final Supplier<TimeHistogram> histogram;
    private final LongSupplier selectedLine;
    private final LongConsumer reveal;
    private final StringProperty status;
    private final ExecutorService background;
    private final Consumer<String> problems;

    EventsNavigator(
            Supplier<ClassifiedSource> classified,
            ObjectProperty<RowIndex> rows,
            Supplier<QuickText> query,
            Supplier<TimeHistogram> histogram,
            LongSupplier selectedLine,
            LongConsumer reveal,
            StringProperty status,
            ExecutorService background,
            Consumer<String> problems) {
        this.classified = classified;
        this.rows = rows;
        this.query = query;
        this.histogram = histogram;
        this.selectedLine = selectedLine;
        this.reveal = reveal;
        this.status = status;
        this.background = background;
        this.problems = problems;
    }

    /** Selects the first shown line at or after {@code t} (a click on the timeline). */
    void jumpToTime(Instant t) {
        TimeHistogram h = histogram.get();
        long line = h == null ? -1 : h.lineAtOrAfter(t);
        if (line < 0) {
            return;
        }
        RowIndex r = rows.get();
        if (r instanceof FilterModel.FilteredRows f) {
            long row = rowAtOrAfter(f, line);
            if (row < f.view().size()) {
                reveal.accept(f.view().lineAt(row));
            }
        } else {
            reveal.accept(line);
        }
    }

    private static long rowAtOrAfter(FilterModel.FilteredRows f, long line) {
        long at = f.view().indexOf(line);
        return at >= 0 ? at : -at - 1;
    }

    /** The rows the table shows now, as core {@link Rows}. */
    Rows shownRows(ClassifiedSource c) {
        if (rows.get() instanceof FilterModel.FilteredRows f) {
            return f.view();
        }
        return Rows.range(0, c.source().lineCount());
    }

    /** The shown row to search from: the selected line's row, or where it would be. */
    private long fromRow(boolean forward) {
        if (selectedLine.getAsLong() < 0) {
            return -1;
        }
        if (rows.get() instanceof FilterModel.FilteredRows f) {
            long at = f.view().indexOf(selectedLine.getAsLong());
            return at >= 0 ? at : (forward ? -at - 2 : -at - 1);
        }
        return selectedLine.getAsLong();
    }

    /**
     * Selects the next (or previous) shown line with verdict {@code v}, or any reported verdict
     * (attack, violation, unusual) when {@code v} is null.
     */
    void jump(Verdict v, boolean forward) {
        ClassifiedSource c = classified.get();
        if (c == null) {
            return;
        }
        Set<Verdict> wanted = v == null ? Navigation.REPORTABLE : EnumSet.of(v);
        Navigation nav = new Navigation(c);
        Rows shown = shownRows(c);
        long from = fromRow(forward);
        if (from < 0 && !forward) {
            from = shown.size();
        }
        long row =
                forward ? nav.nextRow(shown, from, wanted) : nav.previousRow(shown, from, wanted);
        String what = v == null ? "reported line" : VerdictStyle.label(v).toLowerCase() + " line";
        if (row < 0) {
            status.set("No " + (forward ? "further " : "earlier ") + what + ".");
        } else {
            long line = shown.lineAt(row);
            // a message of its own, so an earlier "No further ..." does not stay in the status bar
            status.set(
                    String.format(
                            "%s %s: line %,d", forward ? "Next" : "Previous", what, line + 1));
            reveal.accept(line);
        }
    }

    /** F3 / Shift+F3: the next or previous shown line containing the filter text. */
    void nextMatch(boolean forward) {
        ClassifiedSource c = classified.get();
        QuickText q = query.get();
        if (c == null || q.isEmpty() || q.error().isPresent()) {
            status.set(q.error().orElse("Type a search text in the filter field first (Ctrl+F)."));
            return;
        }
        Rows shown = shownRows(c);
        long from = fromRow(forward);
        long start = forward ? from : (from < 0 ? shown.size() : from);
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
                        reveal.accept(find.getValue());
                    }
                });
        find.setOnFailed(
                e -> problems.accept("Search failed: " + find.getException().getMessage()));
        background.submit(find);
    }
}
