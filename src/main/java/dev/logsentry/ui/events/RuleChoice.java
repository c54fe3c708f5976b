package dev.logsentry.ui.events;

import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * Which rules judge the lines: the folder the user chose (else what {@code logsentry check} uses,
 * found by the core {@link RuleSetup}, with logcheck.conf's options) and the level. Loading
 * compiles the rules in the background, then hands the classifier to the core {@link
 * Classifications}, which classifies every open source again.
 */
public final class RuleChoice {
    private final Classifications classifications;
    private final ExecutorService background;
    private final Consumer<String> problems;
    private final Dialogs dialogs;
    private final Path logcheckConf;
    private final StringProperty rulesDirectory = new SimpleStringProperty();
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.SERVER);
    private final ObjectProperty<RuleTree> ruleTree = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> effective = new SimpleObjectProperty<>();

    RuleChoice(
            Classifications classifications,
            ExecutorService background,
            Consumer<String> problems,
            Dialogs dialogs,
            Path logcheckConf) {
        this.classifications = classifications;
        this.background = background;
        this.problems = problems;
        this.dialogs = dialogs;
        this.logcheckConf = logcheckConf;
        rulesDirectory.addListener((obs, old, now) -> reload());
        level.addListener((obs, old, now) -> reload());
    }

    /** The rules folder chosen by the user, or null for the default. */
    public StringProperty rulesDirectoryProperty() {
        return rulesDirectory;
    }

    public ObjectProperty<Level> levelProperty() {
        return level;
    }

    /** The loaded rules, or null before the first load. */
    public ObjectProperty<RuleTree> ruleTreeProperty() {
        return ruleTree;
    }

    /** The folder the rules were loaded from, or null for the bundled starter rules. */
    public ObjectProperty<Path> effectiveProperty() {
        return effective;
    }

    /** Loads the rules in the background, then classifies every open source again. */
    public void reload() {
        String chosen = rulesDirectory.get();
        Level lvl = level.get();
        String[] where = {chosen == null ? "the default rules" : chosen};
        Task<Classifier> load =
                new Task<>() {
                    @Override
                    protected Classifier call() throws Exception {
                        // finding (or unpacking) and compiling ~2,000 rules: never on the FX
                        // thread
                        RuleSetup setup = RuleSetup.forWorkbench(chosen, lvl, logcheckConf);
                        where[0] = setup.describe();
                        Classifier c = setup.classifier();
                        classifications.setClassifier(c);
                        return c;
                    }
                };
        load.setOnSucceeded(
                e -> {
                    RuleTree tree = load.getValue().rules();
                    ruleTree.set(tree);
                    effective.set(where[0].startsWith("the bundled") ? null : Path.of(where[0]));
                    if (!tree.problems().isEmpty()) {
                        problems.accept(
                                String.format(
                                        "%d rule(s) in %s could not be used; see the Rules"
                                                + " perspective. First: %s",
                                        tree.problems().size(), where[0], tree.problems().get(0)));
                    }
                });
        load.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot read the rules in "
                                        + where[0]
                                        + ": "
                                        + load.getException().getMessage()));
        background.submit(load);
    }

    /** Lets the user pick a rules folder (a logcheck tree). */
    public void choose() {
        dialogs.chooseFolder(
                        "Choose a logcheck rules folder (with cracking.d, violations.d,"
                                + " ignore.d.*)",
                        effective.get())
                .ifPresent(dir -> rulesDirectory.set(dir.toString()));
    }
}
