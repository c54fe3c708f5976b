package dev.logsentry.ui.workbench;

import static dev.logsentry.ui.common.ContextMenus.item;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.ui.common.ContextMenus;
import dev.logsentry.ui.rules.RulesView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.MenuItem;

/**
 * The context menu of a rule in the Rules tree: Show Matches (the Events view filtered to the lines
 * that rule decided in the selected log, from the classification's deciding-rule data) and Open
 * Rule File (the pattern editor's editor of that file, at the rule's line).
 */
final class RuleMenu {
    private RuleMenu() {}

    static void install(
            WorkbenchViewModel model, RulesView view, RuleEditing editing, Runnable showEvents) {
        ContextMenus.attach(
                view.tree(),
                () -> view.tree().getSelectionModel().getSelectedItem(),
                selected -> {
                    List<MenuItem> items = new ArrayList<>();
                    if (editing != null && view.canOpen(selected)) {
                        items.add(item("ruleOpen", "Open", () -> view.open(selected)));
                    }
                    if (selected.getValue() instanceof Rule r) {
                        items.addAll(items(model, editing, showEvents, r));
                    }
                    return items;
                });
    }

    static List<MenuItem> items(
            WorkbenchViewModel model, RuleEditing editing, Runnable showEvents, Rule rule) {
        List<MenuItem> items = new ArrayList<>();
        long n = model.events().ruleMatchCounts().applyAsLong(rule);
        MenuItem matches =
                item(
                        "ruleShowMatches",
                        n >= 0 ? String.format("Show Matches (%,d)", n) : "Show Matches",
                        () -> {
                            model.events().lines().showMatches(rule);
                            showEvents.run();
                        });
        matches.setDisable(model.selectedProperty().get() == null);
        items.add(matches);
        if (editing != null && rule.file() != null) {
            items.add(
                    item(
                            "ruleOpenFile",
                            "Open Rule File",
                            () -> editing.parts().openRule(rule.file(), rule.line())));
        }
        return items;
    }
}
