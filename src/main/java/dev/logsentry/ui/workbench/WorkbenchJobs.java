package dev.logsentry.ui.workbench;

import dev.logsentry.ui.dock.Job;
import dev.logsentry.ui.dock.JobRegistry;
import dev.logsentry.ui.sources.SourceItem;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;

/**
 * Reports the workbench's background work to the Progress view: indexing of each opening source
 * (cancel closes it), classification of the shown source, and the dnscache analysis (cancel stops
 * the task). The work itself runs in core; this only mirrors its progress into {@link Job}s.
 */
final class WorkbenchJobs {
    private final JobRegistry jobs;
    private final WorkbenchViewModel model;
    private final Map<SourceItem, Job> indexing = new HashMap<>();
    private Job classifying;

    WorkbenchJobs(JobRegistry jobs, WorkbenchViewModel model) {
        this.jobs = jobs;
        this.model = model;
        model.sources()
                .addListener(
                        (ListChangeListener<SourceItem>)
                                c -> {
                                    while (c.next()) {
                                        c.getAddedSubList().forEach(this::watch);
                                        c.getRemoved().forEach(this::finishIndexing);
                                    }
                                });
        model.sources().forEach(this::watch);
        model.events()
                .classifyProgressProperty()
                .addListener((o, was, now) -> classifying(now.doubleValue()));
        model.dns()
                .loadingProperty()
                .addListener(
                        (o, was, task) -> {
                            if (task != null) {
                                jobs.track("Analysing dnscache log", task);
                            }
                        });
    }

    private void watch(SourceItem item) {
        indexing(item);
        item.stateProperty().addListener((o, was, now) -> indexing(item));
        item.progressProperty().addListener((o, was, now) -> indexing(item));
    }

    private void indexing(SourceItem item) {
        SourceItem.State s = item.stateProperty().get();
        boolean busy = s == SourceItem.State.OPENING || s == SourceItem.State.INDEXING;
        if (!busy || !model.sources().contains(item)) {
            finishIndexing(item);
            return;
        }
        Job job =
                indexing.computeIfAbsent(
                        item,
                        i ->
                                jobs.start(
                                        "Indexing " + i.nameProperty().get(),
                                        () -> model.close(i)));
        job.progress(Math.round(item.progressProperty().get() * 1000), 1000);
    }

    private void finishIndexing(SourceItem item) {
        Job job = indexing.remove(item);
        if (job != null) {
            job.done();
        }
    }

    private void classifying(double progress) {
        SourceItem shown = model.selectedProperty().get();
        if (progress > 0 && progress < 1 && shown != null) {
            if (classifying == null) {
                classifying = jobs.start("Classifying " + shown.nameProperty().get(), null);
            }
            classifying.progress(Math.round(progress * 1000), 1000);
        } else if (classifying != null) {
            classifying.done();
            classifying = null;
        }
    }
}
