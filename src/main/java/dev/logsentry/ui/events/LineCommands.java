package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.Export;
import dev.logsentry.core.browse.Rows;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.ui.sources.SourceItem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * What menus and context menus do with lines of the Events view: copy them (as text, CSV or JSON),
 * export them, and show the lines one rule decided. Copy as CSV/JSON and the exports share one
 * implementation, core's {@link Export}, so a copied row reads exactly like an exported one.
 */
public final class LineCommands {
    private final ObjectProperty<SourceItem> current;
    private final ObjectProperty<ClassifiedSource> classified;
    private final FilterModel filter;
    private final LineActions actions;
    private final Function<ClassifiedSource, Rows> shownRows;
    private final StringProperty status;

    LineCommands(
            ObjectProperty<SourceItem> current,
            ObjectProperty<ClassifiedSource> classified,
            FilterModel filter,
            LineActions actions,
            Function<ClassifiedSource, Rows> shownRows,
            StringProperty status) {
        this.current = current;
        this.classified = classified;
        this.filter = filter;
        this.actions = actions;
        this.shownRows = shownRows;
        this.status = status;
    }

    /** Copies the given lines (0-based, of the current source) to the clipboard as text. */
    public void copy(List<Long> lines) {
        SourceItem item = current.get();
        if (item != null) {
            actions.copy(item.linesProperty().get(), item.path().toString(), lines);
        }
    }

    /**
     * Copies the given lines as {@code format}: TEXT as the lines are, CSV and JSON with the
     * columns of an export (time, host, program, pid, message, verdict, rule, source, line,
     * offset). Done in the background; the clipboard is set when it is ready.
     */
    public void copy(List<Long> lines, Export.Format format) {
        ClassifiedSource c = classified.get();
        if (format == Export.Format.TEXT || lines.isEmpty()) {
            copy(lines);
        } else if (c == null) {
            status.set("The lines are still being read; copy them again in a moment.");
        } else {
            actions.copyAs(c, rows(lines), format);
        }
    }

    /** Exports the lines the table shows (after filters). */
    public void exportShown() {
        ClassifiedSource c = classified.get();
        if (c != null) {
            actions.export(
                    c, shownRows.apply(c), "shown lines", current.get().nameProperty().get());
        }
    }

    /** Exports the given lines (a selection). */
    public void exportLines(List<Long> lines) {
        ClassifiedSource c = classified.get();
        if (c == null || lines.isEmpty()) {
            status.set("Select lines to export first.");
            return;
        }
        actions.export(
                c,
                rows(lines),
                lines.size() + " selected lines",
                current.get().nameProperty().get());
    }

    /**
     * Shows only the lines {@code rule} decided ("Show Matches" on a rule): the other filters are
     * cleared first, so every such line shows, ignored ones too; Clear Filters ends it.
     */
    public void showMatches(Rule rule) {
        filter.clear();
        filter.rule().set(rule);
    }

    /** The rule whose lines are shown ("Show Matches"), or null. */
    public ObjectProperty<Rule> ruleFilterProperty() {
        return filter.rule();
    }

    private static Rows rows(List<Long> lines) {
        return Rows.of(lines.stream().mapToLong(Long::longValue).sorted().toArray());
    }
}
