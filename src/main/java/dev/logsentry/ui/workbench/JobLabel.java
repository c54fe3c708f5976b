package dev.logsentry.ui.workbench;

import dev.logsentry.ui.dock.Job;
import dev.logsentry.ui.dock.JobRegistry;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;

/**
 * The label beside the status bar's progress bar: the newest running job's name and percent
 * ("Indexing syslog 42%", "+2 more" when others run too; no percent while unknown), empty when
 * nothing runs. {@link #progressProperty()} is that job's progress, for the bar beside it, so the
 * bar and its label always speak of the same job. The Progress view lists every job.
 */
final class JobLabel extends Label {
    // one view of the registry's list, kept: each jobs() call makes a new, weakly held view
    private final ObservableList<Job> jobs;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final InvalidationListener update = obs -> update();
    private Job shown;

    JobLabel(JobRegistry registry) {
        this.jobs = registry.jobs();
        setId("progressLabel");
        getStyleClass().add("status-progress-label");
        jobs.addListener((ListChangeListener<Job>) c -> update());
        update();
    }

    /** The shown job's progress, 0 to 1, -1 while unknown, 0 when nothing runs. */
    DoubleProperty progressProperty() {
        return progress;
    }

    private void update() {
        Job newest = jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
        if (newest != shown) {
            if (shown != null) {
                shown.nameProperty().removeListener(update);
                shown.progressProperty().removeListener(update);
            }
            shown = newest;
            if (shown != null) {
                shown.nameProperty().addListener(update);
                shown.progressProperty().addListener(update);
            }
        }
        if (shown == null) {
            setText("");
            progress.set(0);
            return;
        }
        double p = shown.progressProperty().get();
        int others = jobs.size() - 1;
        setText(
                shown.nameProperty().get()
                        + (p >= 0 ? String.format(" %d%%", Math.round(p * 100)) : "")
                        + (others > 0 ? "  (+" + others + " more)" : ""));
        progress.set(p);
    }
}
