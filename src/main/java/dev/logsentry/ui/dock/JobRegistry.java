package dev.logsentry.ui.dock;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Every background job the workbench runs, for the Progress view and the status bar. Feed it {@link
 * Task}s ({@link #track}) or, for core work that reports through callbacks, a handle from {@link
 * #start} that the callback updates from any thread.
 */
public final class JobRegistry {
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    // one view for every caller: a listener on a throwaway unmodifiable wrapper is dropped when
    // the wrapper is collected (it listens to the list weakly)
    private final ObservableList<Job> readOnly = FXCollections.unmodifiableObservableList(jobs);
    private final Executor fx;

    public JobRegistry() {
        this(JobRegistry::onFx);
    }

    /** {@code fx} runs updates on the FX thread ({@code Platform::runLater} in the workbench). */
    JobRegistry(Executor fx) {
        this.fx = fx;
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** The running jobs, oldest first (FX thread only). */
    public ObservableList<Job> jobs() {
        return readOnly;
    }

    /**
     * A job for core work: {@code cancel} (may be null if it cannot be cancelled) is called once
     * when the user cancels; call {@link Job#done()} when the work ends.
     */
    public Job start(String name, Runnable cancel) {
        Job[] job = new Job[1];
        job[0] = new Job(name, cancel, fx, () -> jobs.remove(job[0]));
        fx.execute(() -> jobs.add(job[0]));
        return job[0];
    }

    /**
     * Lists a task until it succeeds, fails or is cancelled; its title (or {@code name} when the
     * title is empty), progress and message show as they change. Call on the FX thread.
     */
    public Job track(String name, Task<?> task) {
        Job job = start(name, () -> task.cancel(true));
        job.bindProgress(task.progressProperty());
        job.bindMessage(task.messageProperty());
        job.bindName(
                Bindings.createStringBinding(
                        () ->
                                task.getTitle() == null || task.getTitle().isBlank()
                                        ? name
                                        : task.getTitle(),
                        task.titleProperty()));
        Runnable finishWhenDone =
                () -> {
                    Worker.State s = task.getState();
                    if (s == Worker.State.SUCCEEDED
                            || s == Worker.State.FAILED
                            || s == Worker.State.CANCELLED) {
                        job.done();
                    }
                };
        task.stateProperty().addListener((o, was, now) -> finishWhenDone.run());
        finishWhenDone.run();
        return job;
    }
}
