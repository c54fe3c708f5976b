package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.check.preview.EditPreview;
import dev.logsentry.core.check.preview.RuleMatches;
import dev.logsentry.core.check.preview.RulePreview;
import dev.logsentry.core.check.preview.VerdictChanges;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.edit.IgnoreRuleBuilder;
import dev.logsentry.core.rules.edit.IgnoreRuleDraft;
import dev.logsentry.core.rules.edit.RuleDocument;
import dev.logsentry.core.rules.edit.RulePart;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Ignore lines like this": from one log line, the anchored rule with logcheck's two-format prefix,
 * one toggle per variable part (PID, numbers, addresses, ports, ids, hosts, users, paths), what
 * else the rule would catch among the loaded lines, the verdict change, and the proposed file
 * ({@code ignore.d.<level>/local-<program>}, or the ignore directory of the category that raised
 * the line). "Add rule" appends it, with the line as a {@code # sample:} comment, to that file's
 * document (created when it does not exist yet) and opens it in its editor.
 */
public final class IgnoreLineViewModel {

    /** One part of the line; {@code variable} parts can be generalised. */
    public record Part(
            int index, RulePart.Kind kind, String text, boolean generalised, boolean variable) {}

    record Result(int count, List<String> sample, String summary, String thisLine) {}

    /** Lines of "what else it catches" shown at most. */
    public static final int SHOWN = 50;

    private final RuleWorkspace workspace;
    private final Debouncer debouncer;
    private final ObjectProperty<IgnoreRuleDraft> draft = new SimpleObjectProperty<>(this, "draft");
    private final ObservableList<Part> parts = FXCollections.observableArrayList();
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty why = new SimpleStringProperty(this, "why", "");
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", -1);
    private final ObservableList<String> sample = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty thisLine = new SimpleStringProperty(this, "thisLine", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    public IgnoreLineViewModel(RuleWorkspace workspace, Executor fx, long debounceMs) {
        this.workspace = workspace;
        this.debouncer = new Debouncer(fx, debounceMs);
        draft.addListener((o, a, b) -> draftChanged(b));
    }

    /**
     * Starts from {@code line} (a loaded line as the rules see it).
     *
     * @param verdict its verdict now (decides the proposed directory), or null when unknown
     */
    public void open(String line, Verdict verdict) {
        IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(line);
        Category raisedBy =
                verdict == Verdict.ATTACK
                        ? Category.CRACKING
                        : verdict == Verdict.VIOLATION ? Category.VIOLATIONS : Category.IGNORE;
        IgnoreRuleDraft.Proposal p = d.proposePlace(raisedBy, workspace.level());
        Path root =
                workspace.overlayProperty().get() != null && !Files.isWritable(workspace.root())
                        ? workspace.overlayProperty().get()
                        : workspace.root();
        file.set(p.path().under(root));
        why.set(p.why());
        status.set("");
        draft.set(d);
    }

    public ObjectProperty<IgnoreRuleDraft> draftProperty() {
        return draft;
    }

    public ObservableList<Part> parts() {
        return parts;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    /** The proposed rule file (editable: any other file of the tree will do). */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Why that directory. */
    public StringProperty whyProperty() {
        return why;
    }

    /** How many loaded lines the rule matches (-1 while computing). */
    public IntegerProperty countProperty() {
        return count;
    }

    /** Some of the loaded lines the rule matches. */
    public ObservableList<String> sample() {
        return sample;
    }

    /** The verdict change if the rule were added. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** What adding the rule does to the line itself ("reported -> ignored"). */
    public StringProperty thisLineProperty() {
        return thisLine;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Generalises part {@code index} (or makes it literal again). */
    public void toggle(int index, boolean generalised) {
        IgnoreRuleDraft d = draft.get();
        if (d != null && d.variableParts().contains(index)) {
            draft.set(d.generalise(index, generalised));
        }
    }

    private void draftChanged(IgnoreRuleDraft d) {
        if (d == null) {
            return;
        }
        List<Part> list = new ArrayList<>();
        for (int i = 0; i < d.parts().size(); i++) {
            RulePart p = d.parts().get(i);
            list.add(new Part(i, p.kind(), p.text(), p.generalised(), p.kind().variable()));
        }
        parts.setAll(list);
        pattern.set(d.pattern());
        count.set(-1);
        Path target = file.get();
        List<String> lines = currentLines(target);
        List<String> with = new ArrayList<>(lines);
        with.add(d.pattern());
        String line = d.line();
        String rulePattern = d.pattern();
        debouncer.submit(
                token -> compute(target, rulePattern, with, line, token),
                this::show,
                why -> summary.set("Preview failed: " + why));
    }

    private List<String> currentLines(Path target) {
        for (RuleDocument doc : workspace.documents()) {
            if (doc.file().equals(target.toAbsolutePath().normalize())) {
                return doc.texts();
            }
        }
        try {
            return Files.exists(target)
                    ? Files.readAllLines(target, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Result compute(
            Path target, String rulePattern, List<String> with, String line, CancelToken token) {
        EditPreview preview = workspace.preview(token);
        int n = 0;
        List<String> some = new ArrayList<>();
        try {
            Rule rule = RulePreview.rule(rulePattern, Category.IGNORE, target, with.size());
            RuleMatches m = preview.matches(rule, token);
            n = m.count();
            for (int i : m.matching()) {
                if (some.size() >= SHOWN) {
                    break;
                }
                some.add(preview.lines().latin1(i));
            }
        } catch (EreSyntaxException e) {
            return new Result(0, List.of(), "The rule does not compile: " + e.getMessage(), "");
        }
        VerdictChanges c = preview.ifFileWere(target, with, token);
        String self = "";
        for (int k = 0; k < c.size(); k++) {
            if (preview.lines().latin1(c.lines()[k]).equals(line)) {
                self =
                        "This line: "
                                + VerdictWords.word(c.before()[k])
                                + " \u2192 "
                                + VerdictWords.word(c.after()[k]);
            }
        }
        return new Result(n, some, c.size() == 0 ? "No verdict changes" : c.summary(), self);
    }

    private void show(Result r) {
        count.set(r.count());
        sample.setAll(r.sample());
        summary.set(r.summary());
        thisLine.set(r.thisLine());
    }

    /**
     * Appends the rule (after a {@code # sample:} line with the original line) to the proposed
     * file's document, as one undo step, and opens it in its editor.
     *
     * @return whether the rule was added
     */
    public boolean addRule() {
        IgnoreRuleDraft d = draft.get();
        if (d == null || file.get() == null) {
            return false;
        }
        try {
            RuleDocument doc = workspace.document(file.get());
            int at = doc.size();
            doc.apply(
                    List.of(
                            new RuleDocument.Change(
                                    at, null, RuleDocument.SAMPLE_PREFIX + d.line()),
                            new RuleDocument.Change(at + 1, null, d.pattern())));
            status.set("Added to " + doc.file() + " (unsaved): line " + (at + 2));
            workspace.openRule(doc.file(), at + 2);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            status.set("Not added: " + e.getMessage());
            return false;
        }
    }
}
