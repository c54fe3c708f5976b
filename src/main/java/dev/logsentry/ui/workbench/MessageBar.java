package dev.logsentry.ui.workbench;

import dev.logsentry.ui.common.Icons;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Messages for the user above the table, one bar each, newest last: the text names the file and the
 * problem; "Details" opens the technical details for a bug report; the cross dismisses it.
 */
public final class MessageBar extends VBox {
    private final Consumer<UserMessage> dismiss;

    public MessageBar(ObservableList<UserMessage> messages, Consumer<UserMessage> dismiss) {
        this.dismiss = dismiss;
        setId("messageBar");
        getStyleClass().add("message-bar");
        messages.addListener((ListChangeListener<UserMessage>) c -> rebuild(messages));
        rebuild(messages);
    }

    private void rebuild(ObservableList<UserMessage> messages) {
        getChildren().clear();
        for (UserMessage m : messages) {
            getChildren().add(row(m));
        }
        setVisible(!messages.isEmpty());
        setManaged(!messages.isEmpty());
    }

    private HBox row(UserMessage m) {
        Label text = new Label(m.text());
        text.getStyleClass().add("message-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setGraphic(
                Icons.icon(
                        switch (m.severity()) {
                            case ERROR -> "mdi2a-alert-circle-outline";
                            case WARNING -> "mdi2a-alert-outline";
                            case INFO -> "mdi2i-information-outline";
                        }));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text);
        row.getStyleClass().addAll("message", "message-" + m.severity().name().toLowerCase());
        if (m.action() != null && m.actionText() != null) {
            Button act = new Button(m.actionText());
            act.getStyleClass().add("message-action");
            act.setOnAction(
                    e -> {
                        dismiss.accept(m);
                        m.action().run();
                    });
            row.getChildren().add(act);
        }
        if (!m.details().isBlank()) {
            Hyperlink details = new Hyperlink("Details");
            details.setOnAction(e -> showDetails(m));
            row.getChildren().add(details);
        }
        Button close = new Button(null, Icons.icon("mdi2c-close"));
        close.getStyleClass().add("flat");
        close.setOnAction(e -> dismiss.accept(m));
        row.getChildren().add(close);
        return row;
    }

    private static void showDetails(UserMessage m) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Details");
        alert.setHeaderText(m.text());
        TextArea area = new TextArea(m.details());
        area.setEditable(false);
        area.setPrefRowCount(16);
        alert.getDialogPane().setContent(area);
        alert.show();
    }
}
