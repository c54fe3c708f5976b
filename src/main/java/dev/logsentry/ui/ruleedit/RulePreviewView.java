package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.Verdict;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The live preview view: the count and the lines the edited rule matches (matched parts
 * highlighted; double-click shows the line in the Events view), and the verdict changes the edit
 * would make, newly ignored alarms in red.
 */
public final class RulePreviewView extends BorderPane {
    private final RulePreviewViewModel model;

    public RulePreviewView(RulePreviewViewModel model) {
        this.model = model;
        getStylesheets().add(RuleFileEditorView.CSS);
        getStyleClass().add("rule-preview");
        Label count = new Label();
        count.setId("previewCount");
        count.getStyleClass().add("preview-count");
        count.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    int n = model.countProperty().get();
                                    return n < 0
                                            ? "No rule previewed yet"
                                            : n + (n == 1 ? " matching line" : " matching lines");
                                },
                                model.countProperty()));
        Label message = new Label();
        message.setId("previewMessage");
        message.getStyleClass().add("diag-error");
        message.textProperty().bind(model.messageProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.runningProperty());
        Button all = new Button("Show in Events");
        all.setOnAction(e -> model.showAll());
        all.disableProperty().bind(model.countProperty().lessThanOrEqualTo(0));
        HBox head = new HBox(10, count, busy, all, message);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(4, 8, 4, 8));
        setTop(head);

        ListView<RulePreviewViewModel.Match> matches = new ListView<>(model.matches());
        matches.setId("previewMatches");
        matches.setFixedCellSize(26);
        matches.setCellFactory(l -> new MatchCell());
        matches.setOnMouseClicked(
                e -> {
                    var m = matches.getSelectionModel().getSelectedItem();
                    if (e.getClickCount() == 2 && m != null) {
                        model.show(m.index());
                    }
                });
        Label summary = new Label();
        summary.setId("previewSummary");
        summary.getStyleClass().add("preview-summary");
        summary.textProperty().bind(model.summaryProperty());
        ListView<RulePreviewViewModel.Change> changes = new ListView<>(model.changes());
        changes.setId("previewChanges");
        changes.setFixedCellSize(26);
        changes.setCellFactory(l -> new ChangeCell());
        changes.setOnMouseClicked(
                e -> {
                    var c = changes.getSelectionModel().getSelectedItem();
                    if (e.getClickCount() == 2 && c != null) {
                        model.show(c.index());
                    }
                });
        VBox right = new VBox(4, summary, changes);
        right.setPadding(new Insets(0, 0, 0, 4));
        VBox.setVgrow(changes, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(matches, right);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    public RulePreviewViewModel model() {
        return model;
    }

    private static final class MatchCell extends ListCell<RulePreviewViewModel.Match> {
        @Override
        protected void updateItem(RulePreviewViewModel.Match m, boolean empty) {
            super.updateItem(m, empty);
            setText(null);
            setGraphic(
                    empty || m == null
                            ? null
                            : RegexText.oneLine(RegexText.highlighted(m.text(), m.spans())));
        }
    }

    private static final class ChangeCell extends ListCell<RulePreviewViewModel.Change> {
        @Override
        protected void updateItem(RulePreviewViewModel.Change c, boolean empty) {
            super.updateItem(c, empty);
            setText(null);
            getStyleClass().removeAll("change-alarm", "change-ignored", "change-raised");
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            Label verdict =
                    new Label(
                            VerdictWords.word(c.before())
                                    + " \u2192 "
                                    + VerdictWords.word(c.after()));
            verdict.setMinWidth(170);
            verdict.getStyleClass().add("change-verdict");
            Label text = new Label(c.text());
            text.getStyleClass().add("line-text");
            getStyleClass()
                    .add(
                            c.alarm()
                                    ? "change-alarm"
                                    : c.after() == Verdict.IGNORED
                                            ? "change-ignored"
                                            : "change-raised");
            setGraphic(new HBox(8, verdict, text));
            setAccessibleText(c.before().name().toLowerCase(Locale.ROOT) + " " + c.after());
        }
    }
}
