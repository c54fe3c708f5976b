package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.health.HealthFinding;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The rule-set health view: a Check button and the findings; double-click or Enter opens one. */
public final class RuleHealthView extends BorderPane {
    private final RuleHealthViewModel model;

    public RuleHealthView(RuleHealthViewModel model) {
        this.model = model;
        getStylesheets().add(RuleFileEditorView.CSS);
        Button check = new Button("Check rule set");
        check.setId("healthCheck");
        check.disableProperty().bind(model.runningProperty());
        check.setOnAction(e -> model.check());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        HBox head = new HBox(10, check, message);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(4, 8, 4, 8));
        setTop(head);
        ListView<HealthFinding> list = new ListView<>(model.findings());
        list.setId("healthFindings");
        list.setCellFactory(l -> new FindingCell());
        list.setOnMouseClicked(
                e -> {
                    if (e.getClickCount() == 2) {
                        model.open(list.getSelectionModel().getSelectedItem());
                    }
                });
        list.setOnKeyPressed(
                e -> {
                    if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                        model.open(list.getSelectionModel().getSelectedItem());
                    }
                });
        setCenter(list);
    }

    public RuleHealthViewModel model() {
        return model;
    }

    private static final class FindingCell extends ListCell<HealthFinding> {
        @Override
        protected void updateItem(HealthFinding f, boolean empty) {
            super.updateItem(f, empty);
            setText(null);
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            Label kind = new Label(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            kind.getStyleClass().add(f.kind().serious() ? "diag-error" : "diag-warning");
            Label where = new Label(f.file() + ":" + f.line());
            where.getStyleClass().add("rule-number");
            Label msg = new Label(f.message());
            msg.setWrapText(true);
            Label pattern = new Label(f.pattern() == null ? "" : f.pattern());
            pattern.getStyleClass().add("line-text");
            setGraphic(new VBox(1, new HBox(8, kind, where), msg, pattern));
        }
    }
}
