package dev.logsentry.ui.workbench;

import static dev.logsentry.ui.common.ContextMenus.item;

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
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The workbench's context-menu providers: on an Events row (copy, filter by host or program, show
 * the deciding rule) and on a source (follow, close). Each item calls the same view-model action as
 * the menu bar, so a context menu never does anything the menus cannot.
 */
final class WorkbenchMenus {
    private WorkbenchMenus() {}

    static void install(
            WorkbenchViewModel model,
            EventsView events,
            SourcesView sources,
            RulesView rulesView,
            RuleEditing rules) {
        ContextMenus.attach(
                events.table(),
                () -> events.table().getSelectionModel().getSelectedItem(),
                row -> {
                    List<MenuItem> items = rowItems(model, events, row);
                    if (rules != null) {
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
        if (rules != null) {
            rulesView.setOnOpenRule(rules::openRuleFile);
            ContextMenus.attach(
                    rulesView.tree(),
                    () -> rulesView.tree().getSelectionModel().getSelectedItem(),
                    item ->
                            rulesView.canOpen(item)
                                    ? List.of(item("ruleOpen", "Open", () -> rulesView.open(item)))
                                    : List.of());
        }
        ContextMenus.attach(
                sources.list(),
                () -> sources.list().getSelectionModel().getSelectedItem(),
                item -> sourceItems(model, item));
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

    static List<MenuItem> rowItems(WorkbenchViewModel model, EventsView events, LogRow row) {
        List<MenuItem> items = new ArrayList<>();
        items.add(
                item(
                        "rowCopy",
                        "Copy",
                        () ->
                                model.events()
                                        .copySelection(
                                                events
                                                        .table()
                                                        .getSelectionModel()
                                                        .getSelectedItems()
                                                        .stream()
                                                        .map(LogRow::line)
                                                        .toList())));
        SyslogLine f = row.fields();
        if (f != null && f.host() != null && !f.host().isEmpty()) {
            items.add(
                    item(
                            "rowFilterHost",
                            "Filter by Host \u201c" + f.host() + "\u201d",
                            () -> model.events().quickTextProperty().set(f.host())));
        }
        if (f != null && f.program() != null && !f.program().isEmpty()) {
            items.add(
                    item(
                            "rowFilterProgram",
                            "Filter by Program \u201c" + f.program() + "\u201d",
                            () -> model.events().quickTextProperty().set(f.program())));
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

    static List<MenuItem> sourceItems(WorkbenchViewModel model, SourceItem source) {
        return List.of(
                item(
                        "sourceFollow",
                        source.followingProperty().get() ? "Stop Following" : "Follow New Lines",
                        () -> {
                            model.selectedProperty().set(source);
                            model.toggleFollow();
                        }),
                item("sourceClose", "Close", () -> model.close(source)));
    }
}
