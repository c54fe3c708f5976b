package dev.logsentry.ui.workbench;

import static dev.logsentry.ui.common.ContextMenus.item;

import dev.logsentry.core.browse.Export;
import dev.logsentry.core.source.MergedSource;
import dev.logsentry.core.source.SyslogLine;
import dev.logsentry.ui.common.ContextMenus;
import dev.logsentry.ui.common.Controls;
import dev.logsentry.ui.events.EventsView;
import dev.logsentry.ui.events.LogRow;
import dev.logsentry.ui.rules.RulesView;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourcesView;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The workbench's context-menu providers: on an Events row (copy as text, CSV or JSON; filter by
 * host, program or the text under the pointer; show the deciding rule; jump to the source; ignore
 * lines like this), on a source ({@link SourceMenu}) and on a rule ({@link RuleMenu}). Each item
 * calls the same view-model action as the menu bar, so a context menu never does anything the menus
 * cannot.
 */
final class WorkbenchMenus {
    private WorkbenchMenus() {}

    static void install(
            WorkbenchViewModel model,
            EventsView events,
            SourcesView sources,
            RulesView rulesView,
            RuleEditing rules,
            Runnable showSources,
            Runnable showEvents) {
        if (rules != null) {
            rulesView.setOnOpenRule(rules::openRuleFile);
        }
        ContextMenus.attachAt(
                events.table(),
                e -> RowTarget.at(events.table(), e),
                target -> {
                    List<MenuItem> items = rowItems(model, events, target);
                    items.add(
                            item(
                                    "rowJumpToSource",
                                    "Jump to Source",
                                    () -> {
                                        showSources.run();
                                        jumpToSource(model, events, sources, target.row());
                                    }));
                    if (rules != null) {
                        LogRow row = target.row();
                        items.add(
                                item(
                                        "rowIgnoreLike",
                                        "Ignore Lines Like This…",
                                        () ->
                                                rules.ignoreLinesLike(
                                                        row,
                                                        model.events()
                                                                .verdictsProperty()
                                                                .get()
                                                                .apply(row.line()))));
                    }
                    return items;
                });
        RuleMenu.install(model, rulesView, rules, showEvents);
        ContextMenus.attach(
                sources.list(),
                () -> sources.list().getSelectionModel().getSelectedItem(),
                item -> SourceMenu.items(model, item));
    }

    /**
     * The pattern editor's menu-bar items: File > Open Rule File... (Ctrl+E) and Events > Ignore
     * Lines Like This... (Ctrl+I, for the selected row); none when the editor found no rules.
     */
    static void addRuleEditorItems(
            Menu file,
            Menu eventsMenu,
            WorkbenchViewModel model,
            EventsView events,
            RuleEditing rules) {
        if (rules == null) {
            return;
        }
        MenuItem open =
                Controls.menuItem(
                        "Open R_ule File\u2026",
                        "Shortcut+E",
                        "mdi2f-file-document-edit-outline",
                        e -> rules.chooseRuleFiles());
        open.setId("menuOpenRuleFile");
        int at = file.getItems().stream().map(MenuItem::getId).toList().indexOf("menuJournal");
        file.getItems().add(at + 1, open);
        MenuItem ignore =
                Controls.menuItem(
                        "_Ignore Lines Like This\u2026",
                        "Shortcut+I",
                        "mdi2e-eye-off-outline",
                        e -> rules.ignoreSelected(model, events));
        ignore.setId("menuIgnoreLike");
        ignore.disableProperty().bind(model.selectedProperty().isNull());
        eventsMenu.getItems().addAll(new SeparatorMenuItem(), ignore);
    }

    static List<MenuItem> rowItems(WorkbenchViewModel model, EventsView events, RowTarget target) {
        LogRow row = target.row();
        List<MenuItem> items = new ArrayList<>();
        items.add(item("rowCopy", "Copy", () -> copy(model, events, Export.Format.TEXT)));
        items.add(item("rowCopyCsv", "Copy as CSV", () -> copy(model, events, Export.Format.CSV)));
        items.add(
                item("rowCopyJson", "Copy as JSON", () -> copy(model, events, Export.Format.JSON)));
        items.add(new SeparatorMenuItem());
        SyslogLine f = row.fields();
        if (f != null && f.host() != null && !f.host().isEmpty()) {
            items.add(filter(model, "rowFilterHost", "Filter by Host", f.host()));
        }
        if (f != null && f.program() != null && !f.program().isEmpty()) {
            items.add(filter(model, "rowFilterProgram", "Filter by Program", f.program()));
        }
        if (target.text() != null) {
            items.add(filter(model, "rowFilterText", "Filter by", target.text()));
        } else {
            MenuItem none = item("rowFilterText", "Filter by Word (point at a word)", () -> {});
            none.setDisable(true);
            items.add(none);
        }
        items.add(new SeparatorMenuItem());
        items.add(
                item(
                        "rowShowRule",
                        "Show Deciding Rule",
                        () -> {
                            model.events().selectLine(row.line());
                            model.events().showDecidingRule();
                        }));
        return items;
    }

    private static MenuItem filter(WorkbenchViewModel model, String id, String title, String text) {
        return item(
                id,
                title + " \u201c" + text + "\u201d",
                () -> model.events().quickTextProperty().set(text));
    }

    private static void copy(WorkbenchViewModel model, EventsView events, Export.Format format) {
        List<Long> lines =
                events.table().getSelectionModel().getSelectedItems().stream()
                        .map(LogRow::line)
                        .toList();
        model.events().lines().copy(lines, format);
    }

    /**
     * Selects the row's source in Sources; for a row of a merged view that is the log it came from,
     * whose editor then shows the same line. The original log is found among the open ones by its
     * file name (a merge reads the logs that were open when it was made).
     */
    static void jumpToSource(
            WorkbenchViewModel model, EventsView events, SourcesView sources, LogRow row) {
        SourceItem shown = model.selectedProperty().get();
        if (shown == null) {
            return;
        }
        if (!(shown.linesProperty().get() instanceof MergedSource merged)) {
            sources.list().getSelectionModel().select(shown);
            sources.list().scrollTo(shown);
            model.events().goToLine(row.line());
            return;
        }
        String name = merged.sources().get(merged.sourceOf(row.line())).name();
        long line = merged.lineInSource(row.line());
        SourceItem original =
                model.sources().stream()
                        .filter(s -> s != shown && s.linesProperty().get() != merged)
                        .filter(s -> !(s.linesProperty().get() instanceof MergedSource))
                        .filter(s -> s.path().getFileName() != null)
                        .filter(s -> s.path().getFileName().toString().equals(name))
                        .findFirst()
                        .orElse(null);
        if (original == null) {
            model.statusProperty()
                    .set(name + " is no longer open: open it again to see line " + (line + 1));
            return;
        }
        model.selectedProperty().set(original);
        sources.list().scrollTo(original);
        revealLine(model, events, line);
    }

    /** Goes to {@code line}; when a filter hides it, clears the filters and goes there after. */
    private static void revealLine(WorkbenchViewModel model, EventsView events, long line) {
        model.events().goToLine(line);
        LogRow now = events.table().getSelectionModel().getSelectedItem();
        if (now != null && now.line() == line || model.events().rowsProperty().get() == null) {
            return;
        }
        var rows = model.events().rowsProperty();
        ChangeListener<Object> once =
                new ChangeListener<>() {
                    @Override
                    public void changed(
                            javafx.beans.value.ObservableValue<?> o, Object was, Object is) {
                        rows.removeListener(this);
                        model.events().goToLine(line);
                    }
                };
        rows.addListener(once);
        model.events().clearFilters();
    }
}
