package dev.logsentry.ui.dock;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One background job as the Progress view shows it: name, progress (0 to 1, or -1 while unknown), a
 * message, and a cancel action. The update methods may be called from any thread; the properties
 * change on the FX thread.
 */
public final class Job {
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Runnable cancel;
    private final Executor fx;
    private final Runnable finished;

    Job(String name, Runnable cancel, Executor fx, Runnable finished) {
        this.name.set(name);
        this.cancel = cancel;
        this.fx = fx;
        this.finished = finished;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isCancellable() {
        return cancel != null;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Asks the job to stop (once); it leaves the list when it reports {@link #done()}. */
    public void cancel() {
        if (cancel != null && cancelled.compareAndSet(false, true)) {
            cancel.run();
        }
    }

    /** Work done so far out of {@code total} ({@code total <= 0}: unknown). */
    public void progress(long done, long total) {
        double value = total <= 0 ? -1 : Math.min(1, Math.max(0, done / (double) total));
        fx.execute(() -> progress.set(value));
    }

    public void message(String text) {
        fx.execute(() -> message.set(text == null ? "" : text));
    }

    /** The job ended (completed, failed or cancelled): it leaves the registry. */
    public void done() {
        fx.execute(finished);
    }

    void bindProgress(javafx.beans.value.ObservableNumberValue value) {
        progress.bind(value);
    }

    void bindMessage(javafx.beans.value.ObservableStringValue value) {
        message.bind(value);
    }

    void bindName(javafx.beans.value.ObservableStringValue value) {
        name.bind(value);
    }
}
