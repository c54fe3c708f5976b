package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.rules.edit.RuleDocument;
import dev.logsentry.core.rules.edit.RuleValidation;
import dev.logsentry.core.rules.edit.RuleValidator;
import dev.logsentry.ui.common.Dialogs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One rule file in an editor tab: its lines (rules, comments, samples) with their line numbers, the
 * line being edited (a draft, validated as you type and published to the preview), undo and redo,
 * save after the user saw the diff, save into an overlay folder for a read-only file, and the
 * unsaved-changes guard on close. A draft becomes one undo step when it is committed (Enter,
 * another line, undo, save).
 */
public final class RuleFileEditorViewModel {

    /**
     * One row of the list.
     *
     * @param number its line number in the saved file (0 for a line added since)
     */
    public record Row(int index, int number, String text, RuleDocument.LineKind kind) {}

    private final RuleWorkspace workspace;
    private final RuleDocument doc;
    private final Dialogs dialogs;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ObjectProperty<RuleValidation> validation =
            new SimpleObjectProperty<>(this, "validation");
    private final BooleanProperty modified = new SimpleBooleanProperty(this, "modified");
    private final StringProperty title = new SimpleStringProperty(this, "title");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty budget = new SimpleStringProperty(this, "budget");
    private boolean loading;

    public RuleFileEditorViewModel(RuleWorkspace workspace, RuleDocument doc, Dialogs dialogs) {
        this.workspace = workspace;
        this.doc = doc;
        this.dialogs = dialogs;
        doc.addListener(this::refresh);
        draft.addListener((o, a, b) -> draftChanged());
        workspace
                .budgetHitProperty()
                .addListener(
                        (o, a, b) ->
                                budget.set(
                                        b != null && b.contains(fileName())
                                                ? "Time budget hit: " + b
                                                : null));
        refresh();
        select(firstRule());
    }

    private String fileName() {
        return doc.place().map(Object::toString).orElse(doc.file().getFileName().toString());
    }

    private int firstRule() {
        for (int i = 0; i < doc.size(); i++) {
            if (doc.line(i).kind() == RuleDocument.LineKind.RULE) {
                return i;
            }
        }
        return doc.size() > 0 ? 0 : -1;
    }

    private void refresh() {
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < doc.size(); i++) {
            RuleDocument.Line l = doc.line(i);
            list.add(new Row(i, l.savedLine(), l.text(), l.kind()));
        }
        rows.setAll(list);
        updateDirty();
    }

    /** Modified: the document changed, or the draft being typed differs from its line. */
    private void updateDirty() {
        int i = selected.get();
        String text = draft.get() == null ? "" : draft.get();
        boolean typing = i >= 0 && i < doc.size() && !text.equals(doc.line(i).text());
        boolean dirty = doc.modified() || typing;
        modified.set(dirty);
        title.set((dirty ? "*" : "") + fileName());
    }

    public RuleDocument document() {
        return doc;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The text of the selected line as being typed. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** The draft's validation (null when the selected line is not a rule). */
    public ObjectProperty<RuleValidation> validationProperty() {
        return validation;
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified;
    }

    /**
     * The tab title: the file's place ({@code ignore.d.server/ssh}), {@code *} first when modified.
     */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** What the last action did, or why it failed. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The rule of this file that ran out of its regex time budget, named; null when none. */
    public ReadOnlyStringProperty budgetProperty() {
        return budget;
    }

    /** Why the file is read-only, with what to do; null when it is writable. */
    public String readOnlyReason() {
        return doc.readOnlyReason();
    }

    /** Validation of {@code text} as a rule of this file (for colouring rows). */
    public RuleValidation validate(String text) {
        return RuleValidator.validate(text, doc.category());
    }

    /** Commits the draft, then selects line {@code index} and starts a draft of it. */
    public void select(int index) {
        commit();
        int i = doc.size() == 0 ? -1 : Math.max(0, Math.min(index, doc.size() - 1));
        loading = true;
        selected.set(i);
        draft.set(i < 0 ? "" : doc.line(i).text());
        loading = false;
        draftChanged();
    }

    /** Selects the line numbered {@code line} in the saved file (1-based). */
    public void selectLine(int line) {
        for (Row r : rows) {
            if (r.number() == line) {
                select(r.index());
                return;
            }
        }
        select(line - 1);
    }

    private void draftChanged() {
        if (loading) {
            return;
        }
        updateDirty();
        int i = selected.get();
        String text = draft.get() == null ? "" : draft.get();
        boolean rule = i >= 0 && RuleDocument.LineKind.RULE == kindOf(text);
        validation.set(rule ? validate(text) : null);
        if (i < 0) {
            return;
        }
        List<String> lines = new ArrayList<>(doc.texts());
        lines.set(i, text);
        workspace
                .targetProperty()
                .set(
                        new RuleWorkspace.Target(
                                doc.file(), lines, rule ? text : null, i + 1, doc.category()));
    }

    private static RuleDocument.LineKind kindOf(String text) {
        if (text.startsWith("#")) {
            return RuleDocument.LineKind.COMMENT;
        }
        return text.isBlank() ? RuleDocument.LineKind.BLANK : RuleDocument.LineKind.RULE;
    }

    /** Makes the draft a change of the document (one undo step); nothing when it is unchanged. */
    public void commit() {
        int i = selected.get();
        if (i >= 0 && i < doc.size() && draft.get() != null) {
            String text = draft.get().replace("\n", "").replace("\r", "");
            if (!text.equals(doc.line(i).text())) {
                doc.replace(i, text);
            }
        }
    }

    public void undo() {
        commit();
        if (!doc.undo()) {
            status.set("Nothing to undo");
        }
        reselect();
    }

    public void redo() {
        commit();
        if (!doc.redo()) {
            status.set("Nothing to redo");
        }
        reselect();
    }

    private void reselect() {
        int i = selected.get();
        selected.set(-1); // so select() does not commit the stale draft
        select(i);
    }

    /** Inserts an empty line after the selected one and selects it. */
    public void insertLine() {
        commit();
        int at = selected.get() + 1;
        doc.insert(at, "");
        selected.set(-1);
        select(at);
    }

    /** Removes the selected line. */
    public void deleteLine() {
        commit();
        int i = selected.get();
        if (i >= 0 && i < doc.size()) {
            doc.remove(i);
            selected.set(-1);
            select(i);
        }
    }

    /**
     * Saves after showing the unified diff; a read-only file goes to the overlay folder instead.
     *
     * @return whether the file was written
     */
    public boolean save() {
        commit();
        if (doc.readOnly()) {
            return saveIntoOverlay();
        }
        if (!doc.modified()) {
            status.set("No changes to save");
            return false;
        }
        if (!dialogs.confirm(
                "Save " + doc.file().getFileName(),
                "Save these changes to " + doc.file() + "?",
                doc.diff())) {
            status.set("Not saved");
            return false;
        }
        try {
            doc.save();
        } catch (IOException e) {
            status.set("Not saved: " + e.getMessage());
            return false;
        }
        saved("Saved " + doc.file());
        return true;
    }

    /** Saves into an overlay rule folder (asked for when none is set), after showing the diff. */
    public boolean saveIntoOverlay() {
        commit();
        Optional<Path> folder =
                dialogs.chooseFolder("Save into overlay folder", workspace.overlayProperty().get());
        if (folder.isEmpty()) {
            return false;
        }
        try {
            String diff = doc.diffInto(folder.get());
            if (!dialogs.confirm(
                    "Save into overlay folder",
                    "Save this file into the overlay folder " + folder.get() + "?",
                    diff)) {
                status.set("Not saved");
                return false;
            }
            Path written = doc.saveInto(folder.get());
            workspace.overlayProperty().set(folder.get());
            saved("Saved " + written + " (overlay)");
            return true;
        } catch (IOException e) {
            status.set("Not saved: " + e.getMessage());
            return false;
        }
    }

    private void saved(String message) {
        workspace.saved();
        status.set(message);
        refresh();
        reselect();
    }

    /** The answers to unsaved changes, in button order. */
    static final List<String> UNSAVED_CHOICES = List.of("Save", "Discard", "Cancel");

    /**
     * Whether the editor may close: true when unmodified; otherwise the user chooses Save (written
     * now, the diff was shown in the question; a read-only file goes to the overlay folder),
     * Discard (the edits are dropped) or Cancel (the editor stays open).
     */
    public boolean confirmClose() {
        commit();
        if (!doc.modified()) {
            return true;
        }
        int choice =
                dialogs.choose(
                        "Unsaved changes",
                        fileName() + " has unsaved changes. Save them before closing?",
                        doc.diff(),
                        UNSAVED_CHOICES);
        return switch (choice) {
            case 0 -> doc.readOnly() ? saveIntoOverlay() : saveNow();
            case 1 -> true;
            default -> false;
        };
    }

    private boolean saveNow() {
        try {
            doc.save();
        } catch (IOException e) {
            status.set("Not saved: " + e.getMessage());
            dialogs.confirm("Not saved", "Could not save " + doc.file(), e.getMessage());
            return false;
        }
        saved("Saved " + doc.file());
        return true;
    }
}
