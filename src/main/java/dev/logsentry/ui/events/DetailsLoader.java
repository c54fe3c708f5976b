package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.LineDetails;
import dev.logsentry.core.browse.SourceClock;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.concurrent.Task;

/**
 * Computes the details of the selected line (parsed fields, verdict, deciding and matching rules)
 * in the background; only the latest request is shown, so fast scrolling never shows a stale line.
 */
final class DetailsLoader {
    private final ObjectProperty<LineDetails> details;
    private final ExecutorService background;
    private final Consumer<String> problems;
    private long generation;

    DetailsLoader(
            ObjectProperty<LineDetails> details,
            ExecutorService background,
            Consumer<String> problems) {
        this.details = details;
        this.background = background;
        this.problems = problems;
    }

    /** Loads line {@code line} (0-based) of {@code c}; -1 or no source clears the details. */
    void load(ClassifiedSource c, long line, Path path) {
        long mine = ++generation;
        if (line < 0 || c == null) {
            details.set(null);
            return;
        }
        var parser = SourceClock.of(c.source()).parser();
        Task<LineDetails> task =
                new Task<>() {
                    @Override
                    protected LineDetails call() throws Exception {
                        return LineDetails.of(c, line, parser);
                    }
                };
        task.setOnSucceeded(
                e -> {
                    if (mine == generation) {
                        details.set(task.getValue());
                    }
                });
        task.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot read line "
                                        + (line + 1)
                                        + " of "
                                        + path
                                        + ": "
                                        + task.getException().getMessage()));
        background.submit(task);
    }
}
