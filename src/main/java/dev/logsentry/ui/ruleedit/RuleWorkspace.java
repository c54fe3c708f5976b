package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.preview.EditPreview;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.edit.RuleDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the pattern editor's parts share: the rule tree being edited (a root and an optional overlay
 * folder), the loaded lines, the open rule documents (one per file, so the editor and "ignore lines
 * like this" edit the same one), the rule being edited right now (which the preview follows), and
 * the way back to the workbench (open a rule, show lines in the Events view).
 *
 * <p>The baseline verdicts are computed once, off the FX thread, and again after a save or when the
 * loaded lines change ({@link #invalidate()}). Properties are touched on the FX thread only.
 */
public final class RuleWorkspace {

    /**
     * The rule being edited: its file, the file's lines as they would be with the edit (unsaved
     * content), the pattern and its 1-based line.
     */
    public record Target(
            Path file, List<String> fileLines, String pattern, int line, Category category) {
        public Target {
            fileLines = List.copyOf(fileLines);
        }
    }

    private volatile Path root;
    private volatile Level level;
    private final CheckOptions options;
    private final Supplier<CheckLines> lines;
    private final Map<Path, RuleDocument> documents = new LinkedHashMap<>();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty budgetHit = new SimpleStringProperty(this, "budgetHit");
    private final ObjectProperty<Path> overlay = new SimpleObjectProperty<>(this, "overlay");
    private volatile Path overlayRoot;
    private BiConsumer<Path, Integer> onOpenRule = (f, l) -> {};
    private Consumer<List<Integer>> onShowLines = l -> {};
    private Runnable onSaved = () -> {};
    private EditPreview preview;
    private Classifier classifier;

    /**
     * @param root the rule tree (bundled rules, /etc/logcheck, any folder)
     * @param overlay the user's own tree laid over it (ADR 0011), or null
     * @param level the report level whose ignore directories apply
     * @param lines the loaded lines, as the rules see them (read off the FX thread)
     */
    public RuleWorkspace(
            Path root,
            Path overlay,
            Level level,
            CheckOptions options,
            Supplier<CheckLines> lines) {
        this.root = Objects.requireNonNull(root, "root");
        this.level = level;
        this.options = options;
        this.lines = lines;
        this.overlayRoot = overlay;
        this.overlay.set(overlay);
        this.overlay.addListener((o, a, b) -> overlayRoot = b);
    }

    public Path root() {
        return root;
    }

    public Level level() {
        return level;
    }

    /**
     * Edits another rule tree from now on ({@code logsentry check}'s folder and level changed, for
     * example by Events > Choose Rules Folder): previews and health run on it. Open documents stay
     * open. FX thread.
     */
    public void setTree(Path newRoot, Level newLevel) {
        Path r = Objects.requireNonNull(newRoot, "root").toAbsolutePath().normalize();
        Level l = newLevel == null ? level : newLevel;
        if (r.equals(root) && l == level) {
            return;
        }
        root = r;
        level = l;
        invalidate();
    }

    /** The overlay folder edits of read-only files go to (null until one is chosen). */
    public ObjectProperty<Path> overlayProperty() {
        return overlay;
    }

    /** The rule being edited now; the preview follows it. */
    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** The last rule that ran out of its regex time budget, named; null when none did. */
    public StringProperty budgetHitProperty() {
        return budgetHit;
    }

    /** Called with a rule file and a 1-based line to show in its editor. */
    public void setOnOpenRule(BiConsumer<Path, Integer> listener) {
        onOpenRule = listener == null ? (f, l) -> {} : listener;
    }

    /** Called with loaded-line indexes to show in the Events view. */
    public void setOnShowLines(Consumer<List<Integer>> listener) {
        onShowLines = listener == null ? l -> {} : listener;
    }

    /** Called after a rule file was saved (the workbench classifies the open logs again). */
    public void setOnSaved(Runnable listener) {
        onSaved = listener == null ? () -> {} : listener;
    }

    /** A rule file was written: cached verdicts go, and the workbench hears of it. FX thread. */
    public void saved() {
        invalidate();
        onSaved.run();
    }

    public void openRule(Path file, int line) {
        onOpenRule.accept(file, line);
    }

    public void showLines(List<Integer> indexes) {
        onShowLines.accept(List.copyOf(indexes));
    }

    /**
     * The document of {@code file}, opened once and shared; an empty one when the file does not
     * exist yet (saving creates it). FX thread.
     *
     * @throws IOException when the file exists but cannot be read (the message names it)
     */
    public RuleDocument document(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        RuleDocument doc = documents.get(key);
        if (doc == null) {
            doc = Files.exists(key) ? RuleDocument.open(key) : RuleDocument.of(key, "");
            documents.put(key, doc);
        }
        return doc;
    }

    /** The open documents, in the order they were opened. */
    public List<RuleDocument> documents() {
        return List.copyOf(documents.values());
    }

    /** Forgets the document of {@code file} (its editor was closed). */
    public void close(Path file) {
        documents.remove(file.toAbsolutePath().normalize());
    }

    /** The tree as saved on disk now (overlay included). */
    public RuleTree loadTree() {
        return RuleTreeLoader.load(root, overlayRoot, level);
    }

    /**
     * The verdicts of the loaded lines under the saved rules, computed on first use; call off the
     * FX thread.
     */
    public EditPreview preview(BooleanSupplier cancelled) {
        EditPreview p;
        synchronized (this) {
            p = preview;
        }
        if (p == null) {
            p = EditPreview.baseline(loadTree(), options, lines.get(), cancelled);
            synchronized (this) {
                preview = p;
            }
        }
        return p;
    }

    /** The classifier of the saved rules (for the test pane); call off the FX thread. */
    public synchronized Classifier classifier() {
        if (classifier == null) {
            classifier = new Classifier(loadTree(), options);
        }
        return classifier;
    }

    public CheckOptions options() {
        return options;
    }

    /** Drops the cached verdicts: after a save, or when the loaded lines changed. */
    public synchronized void invalidate() {
        preview = null;
        classifier = null;
    }
}
