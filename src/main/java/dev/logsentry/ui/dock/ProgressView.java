package dev.logsentry.ui.dock;

import dev.logsentry.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Progress view: every background job with its name, a progress bar, its message and a cancel
 * button, as Eclipse's Progress view lists them.
 */
public final class ProgressView extends BorderPane {
    private final ListView<Job> list = new ListView<>();

    public ProgressView(JobRegistry registry) {
        getStyleClass().add("ls-progress-view");
        list.setItems(registry.jobs());
        list.setPlaceholder(new Label("No background work is running."));
        list.setCellFactory(v -> new JobCell());
        list.setFocusTraversable(true);
        setCenter(list);
    }

    /** One job: name and message above a bar, the cancel button on the right. */
    private static final class JobCell extends ListCell<Job> {
        private final Label name = new Label();
        private final Label message = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel = new Button(null, Icons.icon("mdi2c-close-circle-outline"));
        private final HBox row;

        JobCell() {
            name.getStyleClass().add("ls-job-name");
            message.getStyleClass().add("ls-job-message");
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefWidth(160);
            bar.setMinHeight(8);
            bar.setPrefHeight(8);
            cancel.getStyleClass().addAll("flat", "ls-job-cancel");
            cancel.setTooltip(new Tooltip("Cancel"));
            cancel.setAccessibleText("Cancel");
            VBox text = new VBox(2, name, bar, message);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(8, text, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            // The row (and so the bar) spans the list, less room for the cell's padding.
            row.prefWidthProperty().bind(widthProperty().subtract(24));
            row.setMinWidth(0);
        }

        @Override
        protected void updateItem(Job job, boolean empty) {
            super.updateItem(job, empty);
            name.textProperty().unbind();
            message.textProperty().unbind();
            bar.progressProperty().unbind();
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
            name.textProperty().bind(job.nameProperty());
            message.textProperty().bind(job.messageProperty());
            bar.progressProperty().bind(job.progressProperty());
            cancel.setDisable(!job.isCancellable() || job.isCancelled());
            cancel.setOnAction(
                    e -> {
                        job.cancel();
                        cancel.setDisable(true);
                    });
            setGraphic(row);
        }
    }
}
