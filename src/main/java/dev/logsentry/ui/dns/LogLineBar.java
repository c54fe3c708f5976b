package dev.logsentry.ui.dns;

import dev.logsentry.ui.common.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bar under the resolution tree that shows the log line asked for with "Show Log Line": where
 * it is (file and line number) and its raw text, selectable, with Copy and Close; or why it could
 * not be read.
 */
final class LogLineBar extends HBox {
    LogLineBar(DnsViewModel model) {
        super(6);
        setId("dnsLogLine");
        getStyleClass().add("dns-log-line");
        Label where = new Label();
        where.setId("dnsLogLineWhere");
        where.setMinWidth(USE_PREF_SIZE);
        TextField text = new TextField();
        text.setId("dnsLogLineText");
        text.setEditable(false);
        text.getStyleClass().add("dns-log-line-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> model.copy(text.getText() + "\n"));
        Button close = new Button(null, Icons.icon("mdi2c-close"));
        close.setTooltip(new Tooltip("Close"));
        close.getStyleClass().add("flat");
        close.setOnAction(
                e -> {
                    model.logLineProperty().set(null);
                    model.logLineErrorProperty().set(null);
                });
        getChildren().setAll(where, text, copy, close);
        Runnable update =
                () -> {
                    LogLine l = model.logLineProperty().get();
                    String error = model.logLineErrorProperty().get();
                    setVisible(l != null || error != null);
                    setManaged(isVisible());
                    where.setText(
                            l != null
                                    ? "Line " + l.line() + " of " + l.file().getFileName() + ":"
                                    : "");
                    where.setTooltip(l != null ? new Tooltip(l.where()) : null);
                    text.setText(l != null ? l.text() : error);
                    copy.setDisable(l == null);
                    pseudoClassStateChanged(ERROR, l == null && error != null);
                };
        model.logLineProperty().addListener(o -> update.run());
        model.logLineErrorProperty().addListener(o -> update.run());
        update.run();
    }

    private static final javafx.css.PseudoClass ERROR =
            javafx.css.PseudoClass.getPseudoClass("error");
}
