package dev.logsentry.ui.workbench;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.checkrun.ConfigException;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.edit.RulePath;
import dev.logsentry.ui.common.Dialogs;
import dev.logsentry.ui.dock.DockWorkbench;
import dev.logsentry.ui.dock.StandardPerspectives;
import dev.logsentry.ui.dock.ViewRegistry;
import dev.logsentry.ui.events.EventsView;
import dev.logsentry.ui.events.LogRow;
import dev.logsentry.ui.ruleedit.RuleEditorParts;
import dev.logsentry.ui.ruleedit.RuleWorkspace;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The pattern editor hosted in the workbench: its views registered in the Rules perspective, its
 * preview fed with the selected log's lines, and "Ignore Lines Like This" for an Events row. The
 * rules are the ones the viewer and {@code logsentry check} use ({@link RuleSetup}); the bundled
 * starter rules are edited in a private copy (saving them means saving into an overlay folder).
 */
final class RuleEditing {
    /** Lines handed to the previews at most (the benchmark is one million). */
    static final int MAX_LINES = 2_000_000;

    private final AtomicReference<LineSource> shown = new AtomicReference<>();
    private final RuleEditorParts parts;
    private final Supplier<DockWorkbench> dock;
    private final Dialogs dialogs;

    private RuleEditing(RuleEditorParts parts, Supplier<DockWorkbench> dock, Dialogs dialogs) {
        this.parts = parts;
        this.dock = dock;
        this.dialogs = dialogs;
    }

    /**
     * Registers the editor's views in {@code views}; null (with the reason given to {@code
     * problem}) when no rule tree can be found or unpacked.
     */
    static RuleEditing register(
            WorkbenchViewModel model,
            ViewRegistry views,
            Dialogs dialogs,
            Supplier<DockWorkbench> dock,
            java.util.function.Consumer<String> problem) {
        RuleSetup setup;
        Path root;
        try {
            setup = RuleSetup.forWorkbench(null, null, RuleSetup.LOGCHECK_CONF);
            root = setup.rulesDir();
            if (root == null) {
                Path copy = Files.createTempDirectory("logsentry-rules-edit");
                BundledRules.extractTo(copy);
                root = BundledRules.logcheckTree(copy);
            }
        } catch (ConfigException | IOException | RuntimeException e) {
            problem.accept("The pattern editor has no rules to edit: " + e.getMessage());
            return null;
        }
        AtomicReference<RuleEditing> self = new AtomicReference<>();
        RuleWorkspace workspace =
                new RuleWorkspace(
                        root,
                        null,
                        setup.level(),
                        setup.options(),
                        () -> self.get().lines(setup.options().profile()));
        RuleEditorParts parts =
                RuleEditorParts.register(
                        views,
                        workspace,
                        dialogs,
                        new RuleEditorParts.Host(
                                (input, node) -> dock.get().openEditor(input, node),
                                id -> dock.get().showView(id),
                                indexes -> showLines(model, dock, indexes),
                                (id, title) -> dock.get().setEditorTitle(id, title)));
        RuleEditing editing = new RuleEditing(parts, dock, dialogs);
        self.set(editing);
        model.selectedProperty().addListener((obs, old, now) -> editing.select(now));
        // the tree the viewer and logsentry check use (Events > Choose Rules Folder, the level)
        var choice = model.events().rules();
        // a saved rule file changes the verdicts of the open logs: classify them again
        workspace.setOnSaved(choice::reload);
        choice.ruleTreeProperty()
                .addListener(
                        (obs, old, now) ->
                                javafx.application.Platform.runLater(
                                        () -> {
                                            Path dir = choice.effectiveProperty().get();
                                            if (dir != null && now != null) {
                                                workspace.setTree(dir, now.level());
                                                parts.linesChanged();
                                            }
                                        }));
        editing.select(model.selectedProperty().get());
        return editing;
    }

    /** Called on the FX thread: the previews run over the selected log from now on. */
    private void select(SourceItem item) {
        LineSource lines = item == null || item.isDnscache() ? null : item.handle().lines();
        if (shown.getAndSet(lines) != lines) {
            parts.linesChanged();
        }
    }

    /** The selected log's lines as the rules see them; read off the FX thread. */
    private CheckLines lines(dev.logsentry.core.check.Profile profile) {
        LineSource src = shown.get();
        if (src == null) {
            return CheckLines.of(new String[0]);
        }
        int n = (int) Math.min(src.lineCount(), MAX_LINES);
        String[] prepared = new String[n];
        try {
            for (int i = 0; i < n; i++) {
                String latin1 =
                        src instanceof RawLineSource raw
                                ? new String(raw.rawLine(i), StandardCharsets.ISO_8859_1)
                                : src.line(i);
                prepared[i] = CheckLines.prepare(latin1, profile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(src.name() + ": " + e.getMessage(), e);
        }
        return CheckLines.of(prepared);
    }

    /** "Ignore Lines Like This" for the row selected in the Events view, if there is one. */
    void ignoreSelected(WorkbenchViewModel model, EventsView events) {
        LogRow row = events.table().getSelectionModel().getSelectedItem();
        if (row != null) {
            ignoreLinesLike(row, model.events().verdictsProperty().get().apply(row.line()));
        }
    }

    /** "Ignore Lines Like This": drafts the rule in the Rules perspective's editor views. */
    void ignoreLinesLike(LogRow row, Verdict verdict) {
        dock.get().showPerspective(StandardPerspectives.RULES);
        parts.ignoreLinesLike(row.text(), verdict);
    }

    /**
     * Once the docking layer exists: closing a rule file's tab with unsaved edits asks Save /
     * Discard / Cancel first.
     */
    void install(DockWorkbench workbench) {
        workbench.setEditorCloseGuard(
                input ->
                        !RuleEditorParts.isRuleEditor(input.id())
                                || parts.confirmClose(input.id()));
    }

    /**
     * Opens {@code file} as an editor tab of the Rules perspective at its 1-based {@code line} (0:
     * at its first rule); false, after a message naming the file, when it cannot be read.
     */
    boolean openRuleFile(Path file, int line) {
        dock.get().showPerspective(StandardPerspectives.RULES);
        return parts.openRule(file, line);
    }

    /** File > Open Rule File...: asks for rule files (in the edited tree) and opens each. */
    void chooseRuleFiles() {
        for (Path file : dialogs.chooseFiles("Open Rule File", parts.workspace().root())) {
            openRuleFile(file, 0);
        }
    }

    /**
     * Whether {@code path} is a rule file: a regular file in a directory of a logcheck rule tree
     * ({@code cracking.d}, {@code ignore.d.server}, ...), as dropped on the window.
     */
    static boolean isRuleFile(Path path) {
        return Files.isRegularFile(path) && RulePath.of(path).isPresent();
    }

    /** Opens the rule files among {@code dropped} as editors; returns the others (logs). */
    List<Path> openRuleFiles(List<Path> dropped) {
        List<Path> others = new java.util.ArrayList<>();
        for (Path p : dropped) {
            if (isRuleFile(p)) {
                openRuleFile(p, 0);
            } else {
                others.add(p);
            }
        }
        return others;
    }

    /** The hosted parts (for tests and the Rules tree's links). */
    RuleEditorParts parts() {
        return parts;
    }

    /** Whether the user lets the edited rule files go (asked on quit). */
    boolean confirmCloseAll() {
        return parts.confirmCloseAll();
    }

    private static void showLines(
            WorkbenchViewModel model, Supplier<DockWorkbench> dock, List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        dock.get().showPerspective(StandardPerspectives.EVENTS);
        model.events().goToLine(indexes.get(0));
    }
}
