package dev.logsentry.ui.workbench;

import dev.logsentry.ui.dock.JobRegistry;
import dev.logsentry.ui.sources.SourceItem;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar: the last status message on the left, then the progress bar with its
 * label (the newest background job's name and percent, {@link JobLabel}), the verdict counts, the
 * selected source's path and its line count.
 */
final class WorkbenchStatusBar {
    private WorkbenchStatusBar() {}

    static StatusBar create(WorkbenchViewModel model, JobRegistry jobs) {
        StatusBar statusBar = new StatusBar();
        statusBar.setId("statusBar");
        statusBar.textProperty().bind(model.statusProperty());
        JobLabel job = new JobLabel(jobs);
        statusBar.progressProperty().bind(job.progressProperty());
        Label counts = new Label();
        counts.setId("verdictCounts");
        counts.getStyleClass().add("status-verdict-counts");
        counts.textProperty().bind(model.events().countsTextProperty());
        Label lineCount = new Label();
        lineCount.setId("lineCount");
        lineCount.getStyleClass().add("status-line-count");
        lineCount.textProperty().bind(model.lineCountTextProperty());
        Label source = new Label();
        source.setId("statusSource");
        source.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    SourceItem s = model.selectedProperty().get();
                                    return s == null ? "No source" : s.path().toString();
                                },
                                model.selectedProperty()));
        statusBar
                .getRightItems()
                .addAll(job, counts, new Separator(Orientation.VERTICAL), source, lineCount);
        return statusBar;
    }
}
