package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.edit.RuleDocument;
import dev.logsentry.ui.common.Dialogs;
import dev.logsentry.ui.dock.EditorInput;
import dev.logsentry.ui.dock.StandardPerspectives;
import dev.logsentry.ui.dock.ViewDescriptor;
import dev.logsentry.ui.dock.ViewRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The pattern editor's parts, ready for the docking workbench: {@link #register} adds the views
 * (live preview, test pane, rule-set health, "ignore lines like this") to a {@link ViewRegistry}
 * and opens rule files as editors through the host. One instance per workbench.
 */
public final class RuleEditorParts {
    public static final String PREVIEW = "ruleedit.preview";
    public static final String TEST = "ruleedit.test";
    public static final String HEALTH = "ruleedit.health";
    public static final String IGNORE = "ruleedit.ignore";

    /**
     * The Rules perspective's stack beside the Preview (right of it, under the editors): "Ignore
     * lines like this" and the test pane, so a draft and the preview are seen together.
     */
    public static final String SIDE = StandardPerspectives.RULES_SIDE;

    /** Editor ids are this prefix plus the file's absolute path. */
    public static final String EDITOR_PREFIX = "rulefile:";

    /** Preview delay after the last keystroke. */
    public static final long DEBOUNCE_MS = 150;

    /**
     * What the workbench provides.
     *
     * @param openEditor {@code DockWorkbench::openEditor}
     * @param showView {@code id -> DockWorkbench.showView(id)}
     * @param showLines shows loaded-line indexes in the Events view
     * @param setTitle {@code DockWorkbench::setEditorTitle}: an editor's tab title changed (the
     *     {@code *} of unsaved changes)
     */
    public record Host(
            BiConsumer<EditorInput, Node> openEditor,
            Consumer<String> showView,
            Consumer<List<Integer>> showLines,
            BiConsumer<String, String> setTitle) {
        /** A host whose tab titles do not change. */
        public Host(
                BiConsumer<EditorInput, Node> openEditor,
                Consumer<String> showView,
                Consumer<List<Integer>> showLines) {
            this(openEditor, showView, showLines, (id, title) -> {});
        }
    }

    private final RuleWorkspace workspace;
    private final Dialogs dialogs;
    private final Host host;
    private final Map<String, RuleFileEditorView> editors = new LinkedHashMap<>();
    private final RulePreviewViewModel preview;
    private final LineTestViewModel test;
    private final RuleHealthViewModel health;
    private final IgnoreLineViewModel ignore;

    RuleEditorParts(
            RuleWorkspace workspace, Dialogs dialogs, Host host, Executor fx, long debounceMs) {
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.host = host;
        preview = new RulePreviewViewModel(workspace, fx, debounceMs);
        test = new LineTestViewModel(workspace, fx, debounceMs);
        health = new RuleHealthViewModel(workspace, fx);
        ignore = new IgnoreLineViewModel(workspace, fx, debounceMs);
        workspace.setOnOpenRule(this::openRule);
        workspace.setOnShowLines(host.showLines());
    }

    /**
     * Registers the pattern editor's views in the Rules perspective and returns the parts, whose
     * {@link #openFile}, {@link #ignoreLinesLike} and {@link #confirmClose} the workbench calls.
     */
    public static RuleEditorParts register(
            ViewRegistry views, RuleWorkspace workspace, Dialogs dialogs, Host host) {
        RuleEditorParts parts =
                new RuleEditorParts(workspace, dialogs, host, Platform::runLater, DEBOUNCE_MS);
        String rules = StandardPerspectives.RULES;
        views.register(
                ViewDescriptor.view(
                        PREVIEW,
                        "Preview",
                        "mdi2e-eye-outline",
                        "bottom",
                        parts::previewView,
                        rules));
        views.register(
                ViewDescriptor.view(
                        HEALTH,
                        "Rule health",
                        "mdi2h-heart-pulse",
                        "bottom",
                        parts::healthView,
                        rules));
        views.register(
                ViewDescriptor.view(
                        IGNORE,
                        "Ignore lines like this",
                        "mdi2e-eye-off-outline",
                        SIDE,
                        () -> scrolled(parts.ignoreView()),
                        rules));
        views.register(
                ViewDescriptor.view(
                        TEST, "Test line", "mdi2t-test-tube", SIDE, parts::testView, rules));
        return parts;
    }

    /** A tall view in a stack that may be short: scrolls instead of pushing the tabs away. */
    private static javafx.scene.control.ScrollPane scrolled(Node view) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setMinSize(0, 0);
        return scroll;
    }

    public RuleWorkspace workspace() {
        return workspace;
    }

    public RulePreviewView previewView() {
        return new RulePreviewView(preview);
    }

    public LineTestView testView() {
        return new LineTestView(test);
    }

    public RuleHealthView healthView() {
        return new RuleHealthView(health);
    }

    public IgnoreLineView ignoreView() {
        return new IgnoreLineView(ignore);
    }

    /**
     * Opens (or activates) the editor of {@code file}; a message names the file when unreadable.
     */
    public RuleFileEditorView openFile(Path file) {
        Path key = file.toAbsolutePath().normalize();
        String id = EDITOR_PREFIX + key;
        RuleFileEditorView view = editors.get(id);
        if (view == null) {
            RuleDocument doc;
            try {
                doc = workspace.document(key);
            } catch (IOException e) {
                dialogs.confirm("Cannot open rule file", e.getMessage(), null);
                return null;
            }
            view = new RuleFileEditorView(new RuleFileEditorViewModel(workspace, doc, dialogs));
            view.model()
                    .titleProperty()
                    .addListener((o, was, now) -> host.setTitle().accept(id, now));
            editors.put(id, view);
        }
        String title = view.model().titleProperty().get();
        host.openEditor()
                .accept(
                        new EditorInput(
                                id, title, key.toString(), "mdi2f-file-document-edit-outline", key),
                        view);
        host.showView().accept(PREVIEW);
        return view;
    }

    private static RuleDocument doc(RuleFileEditorView view) {
        return view.model().document();
    }

    /**
     * Opens the editor of {@code file} (or brings it to front) at its 1-based {@code line}, or at
     * its first rule when {@code line} is 0 or less; false (after a message naming the file) when
     * it cannot be read.
     */
    public boolean openRule(Path file, int line) {
        RuleFileEditorView view = openFile(file);
        if (view != null && line > 0) {
            view.model().selectLine(line);
        }
        return view != null;
    }

    /** Whether {@code editorId} is one of this editor's tabs (a rule file). */
    public static boolean isRuleEditor(String editorId) {
        return editorId.startsWith(EDITOR_PREFIX);
    }

    /** The open rule-file editors by editor id, in the order they were opened. */
    public Map<String, RuleFileEditorView> editors() {
        return java.util.Collections.unmodifiableMap(editors);
    }

    /** "Ignore lines like this" for a loaded line (Events context menu and shortcut). */
    public void ignoreLinesLike(String line, Verdict verdict) {
        ignore.open(line, verdict);
        // the draft's matches in front of its stack (not Progress), then the draft itself
        host.showView().accept(PREVIEW);
        host.showView().accept(IGNORE);
    }

    /** Puts {@code line} into the test pane. */
    public void testLine(String line) {
        test.lineProperty().set(line);
        host.showView().accept(TEST);
    }

    /**
     * Whether editor {@code editorId} may close (asks when it has unsaved changes); forgets it when
     * it may. Call before closing a tab; on quit, call for each editor.
     */
    public boolean confirmClose(String editorId) {
        RuleFileEditorView view = editors.get(editorId);
        if (view == null) {
            return true;
        }
        if (!view.model().confirmClose()) {
            return false;
        }
        editors.remove(editorId);
        workspace.close(doc(view).file());
        return true;
    }

    /**
     * Whether the window may close (quit): asks Save / Discard / Cancel for each editor with
     * unsaved changes, stopping at the first Cancel. The editors stay open (the window goes).
     */
    public boolean confirmCloseAll() {
        for (RuleFileEditorView view : List.copyOf(editors.values())) {
            if (!view.model().confirmClose()) {
                return false;
            }
        }
        return true;
    }

    /** The loaded lines changed: previews and health run again on the new lines. */
    public void linesChanged() {
        workspace.invalidate();
        preview.refresh();
    }

    RulePreviewViewModel preview() {
        return preview;
    }

    IgnoreLineViewModel ignore() {
        return ignore;
    }

    RuleHealthViewModel health() {
        return health;
    }

    LineTestViewModel test() {
        return test;
    }
}
