package dev.logsentry.ui.rules;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Rules perspective's state: the rule tree in use, how often each rule matched the loaded logs,
 * and the rule to show. Read-only for now; the pattern editor builds on it.
 */
public final class RulesViewModel {
    private final ObjectProperty<RuleTree> tree = new SimpleObjectProperty<>();
    private final ObjectProperty<ToLongFunction<Rule>> matchCounts =
            new SimpleObjectProperty<>(r -> -1);
    private final ObjectProperty<Rule> selectedRule = new SimpleObjectProperty<>();

    public ObjectProperty<RuleTree> treeProperty() {
        return tree;
    }

    /** Matches per rule on the loaded logs; -1 while unknown. */
    public ObjectProperty<ToLongFunction<Rule>> matchCountsProperty() {
        return matchCounts;
    }

    public ObjectProperty<Rule> selectedRuleProperty() {
        return selectedRule;
    }

    /** The lines of a rule file for display, or a one-line explanation when it cannot be read. */
    public static List<String> fileLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
