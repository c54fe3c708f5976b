package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.rules.edit.RuleDiagnostic;
import dev.logsentry.core.rules.edit.RuleDocument;
import dev.logsentry.core.rules.edit.RuleValidation;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The rule-file editor tab: a toolbar (save, save into overlay folder, undo, redo, add and remove
 * line), a read-only banner, the file's lines with line numbers and coloured regexes, and under
 * them the selected line's edit field with its colouring, error position and warnings. Ctrl+S,
 * Ctrl+Z, Ctrl+Y (and Ctrl+Shift+Z) work anywhere in the tab.
 */
public final class RuleFileEditorView extends BorderPane {
    static final String CSS = RuleFileEditorView.class.getResource("ruleedit.css").toExternalForm();

    private final RuleFileEditorViewModel model;
    private final ListView<RuleFileEditorViewModel.Row> list = new ListView<>();
    private final TextField field = new TextField();
    private final VBox colouring = new VBox();
    private final VBox findings = new VBox(2);
    private boolean syncing;

    public RuleFileEditorView(RuleFileEditorViewModel model) {
        this.model = model;
        getStylesheets().add(CSS);
        getStyleClass().add("rule-editor");
        setTop(new VBox(toolbar(), banners()));
        list.setId("ruleLines");
        list.setFixedCellSize(26);
        list.setItems(model.rows());
        list.setCellFactory(l -> new RowCell());
        list.getSelectionModel()
                .selectedIndexProperty()
                .addListener(
                        (o, a, b) -> {
                            if (!syncing
                                    && b.intValue() >= 0
                                    && b.intValue() != model.selectedProperty().get()) {
                                model.select(b.intValue());
                            }
                        });
        model.selectedProperty().addListener((o, a, b) -> syncSelection());
        model.rows()
                .addListener(
                        (javafx.collections.ListChangeListener<RuleFileEditorViewModel.Row>)
                                c -> syncSelection());
        list.setOnMouseClicked(
                e -> {
                    if (e.getClickCount() == 2) {
                        field.requestFocus();
                    }
                });
        setCenter(list);
        setBottom(editBox());
        syncSelection();
        addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> {
                    if (SAVE.match(e)) {
                        model.save();
                    } else if (UNDO.match(e)) {
                        model.undo();
                    } else if (REDO.match(e) || REDO2.match(e)) {
                        model.redo();
                    } else {
                        return;
                    }
                    e.consume();
                });
    }

    private static final KeyCombination SAVE =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO =
            new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO2 =
            new KeyCodeCombination(
                    KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    public RuleFileEditorViewModel model() {
        return model;
    }

    private ToolBar toolbar() {
        Button save = button("Save", "Save after showing the diff (Ctrl+S)", model::save);
        save.setId("ruleSave");
        save.disableProperty().bind(model.modifiedProperty().not());
        Button overlay =
                button(
                        "Save into overlay folder...",
                        "Save this file into a rule folder of your own that overlays this one",
                        model::saveIntoOverlay);
        overlay.setId("ruleSaveOverlay");
        Button undo = button("Undo", "Ctrl+Z", model::undo);
        undo.setId("ruleUndo");
        Button redo = button("Redo", "Ctrl+Y", model::redo);
        Button add = button("Add line", "Insert a line after the selected one", model::insertLine);
        Button remove = button("Remove line", "Remove the selected line", model::deleteLine);
        Label status = new Label();
        status.setId("ruleStatus");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("rule-status");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        if (model.readOnlyReason() != null) {
            save.disableProperty().unbind();
            save.setDisable(true);
        }
        return new ToolBar(save, overlay, undo, redo, add, remove, grow, status);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private VBox banners() {
        VBox box = new VBox();
        if (model.readOnlyReason() != null) {
            Label ro = new Label("Read-only: " + model.readOnlyReason());
            ro.setId("ruleReadOnly");
            ro.setWrapText(true);
            ro.getStyleClass().addAll("rule-banner", "rule-banner-warning");
            box.getChildren().add(ro);
        }
        Label budget = new Label();
        budget.setId("ruleBudget");
        budget.setWrapText(true);
        budget.getStyleClass().addAll("rule-banner", "rule-banner-danger");
        budget.textProperty().bind(model.budgetProperty());
        budget.visibleProperty().bind(model.budgetProperty().isNotNull());
        budget.managedProperty().bind(budget.visibleProperty());
        box.getChildren().add(budget);
        return box;
    }

    private VBox editBox() {
        field.setId("ruleField");
        field.getStyleClass().add("rule-field");
        field.setPromptText("Select a line to edit it; Enter applies the edit");
        field.textProperty().bindBidirectional(model.draftProperty());
        field.setOnAction(e -> model.commit());
        Label caption = new Label();
        caption.getStyleClass().add("rule-caption");
        caption.textProperty()
                .bind(
                        javafx.beans.binding.Bindings.createStringBinding(
                                () -> {
                                    int i = model.selectedProperty().get();
                                    return i < 0 ? "No line selected" : "Line " + (i + 1);
                                },
                                model.selectedProperty()));
        findings.setId("ruleFindings");
        model.validationProperty().addListener((o, a, b) -> showValidation(b));
        showValidation(model.validationProperty().get());
        VBox box = new VBox(4, caption, colouring, field, findings);
        box.setPadding(new Insets(6, 8, 8, 8));
        box.getStyleClass().add("rule-edit-box");
        return box;
    }

    private void showValidation(RuleValidation v) {
        colouring.getChildren().clear();
        findings.getChildren().clear();
        if (v == null) {
            return;
        }
        colouring.getChildren().add(RegexText.regex(v));
        for (RuleDiagnostic d : v.diagnostics()) {
            Label l = new Label(d.describe());
            l.setWrapText(true);
            l.getStyleClass().add("diag-" + d.severity().name().toLowerCase());
            findings.getChildren().add(l);
        }
        if (v.diagnostics().isEmpty()) {
            Label ok = new Label("grep -E accepts this rule");
            ok.getStyleClass().add("diag-ok");
            findings.getChildren().add(ok);
        }
    }

    private void syncSelection() {
        syncing = true;
        int i = model.selectedProperty().get();
        if (i >= 0 && i < list.getItems().size()) {
            list.getSelectionModel().select(i);
            list.scrollTo(Math.max(0, i - 3));
        } else {
            list.getSelectionModel().clearSelection();
        }
        syncing = false;
    }

    /** A row: the line number, then the line coloured as what it is to logcheck. */
    private final class RowCell extends ListCell<RuleFileEditorViewModel.Row> {
        @Override
        protected void updateItem(RuleFileEditorViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label number = new Label(row.number() == 0 ? "+" : Integer.toString(row.number()));
            number.getStyleClass().add("rule-number");
            number.setMinWidth(44);
            number.setAlignment(Pos.CENTER_RIGHT);
            javafx.scene.Node text =
                    switch (row.kind()) {
                        case RULE -> RegexText.oneLine(RegexText.regex(model.validate(row.text())));
                        case SAMPLE -> RegexText.oneLine(RegexText.plain(row.text(), "re-sample"));
                        case COMMENT ->
                                RegexText.oneLine(RegexText.plain(row.text(), "re-comment"));
                        case BLANK -> RegexText.oneLine(RegexText.plain(" ", "re-comment"));
                    };
            HBox box = new HBox(10, number, text);
            box.setAlignment(Pos.CENTER_LEFT);
            if (row.kind() == RuleDocument.LineKind.RULE
                    && !model.validate(row.text()).compiles()) {
                box.getStyleClass().add("rule-row-error");
            }
            setGraphic(box);
        }
    }
}
