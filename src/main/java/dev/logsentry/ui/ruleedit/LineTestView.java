package dev.logsentry.ui.ruleedit;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The test pane: a line field and, per timestamp format, the verdict and every matching rule. */
public final class LineTestView extends VBox {
    private final LineTestViewModel model;
    private final VBox results = new VBox(8);

    public LineTestView(LineTestViewModel model) {
        super(6);
        this.model = model;
        getStylesheets().add(RuleFileEditorView.CSS);
        setPadding(new Insets(8));
        TextField field = new TextField();
        field.setId("testLine");
        field.getStyleClass().add("rule-field");
        field.setPromptText("Paste a log line to see its verdict and every rule that matches it");
        field.textProperty().bindBidirectional(model.lineProperty());
        Label message = new Label();
        message.getStyleClass().add("diag-error");
        message.textProperty().bind(model.messageProperty());
        results.setId("testResults");
        model.forms()
                .addListener(
                        (javafx.collections.ListChangeListener<LineTestViewModel.Form>)
                                c -> show());
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(results);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(field, message, scroll);
    }

    public LineTestViewModel model() {
        return model;
    }

    private void show() {
        results.getChildren().clear();
        for (LineTestViewModel.Form f : model.forms()) {
            Label head =
                    new Label(
                            f.format()
                                    + ": "
                                    + f.verdict()
                                    + " (decided by "
                                    + f.decidedBy()
                                    + ")");
            head.getStyleClass()
                    .addAll("ignore-heading", "verdict-" + f.verdict().replace(' ', '-'));
            Label line = new Label(f.line());
            line.getStyleClass().add("line-text");
            VBox box = new VBox(2, head, line);
            if (f.matching().isEmpty()) {
                box.getChildren().add(new Label("No rule matches this line"));
            }
            for (String m : f.matching()) {
                Label l = new Label(m);
                l.getStyleClass().add("line-text");
                box.getChildren().add(l);
            }
            results.getChildren().add(box);
        }
    }
}
