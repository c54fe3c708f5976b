package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.Export;
import dev.logsentry.core.browse.Rows;
import dev.logsentry.core.browse.SourceClock;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Exports lines (the shown ones, or a selection) as text, CSV, JSON or JSON Lines: asks for the
 * file, then writes it in the background to a temporary file that replaces the target only when
 * complete, so a cancelled or failed export never leaves half a file behind.
 */
final class ExportAction {
    private final ExecutorService background;
    private final Consumer<String> problems;
    private final StringProperty status;

    ExportAction(ExecutorService background, Consumer<String> problems, StringProperty status) {
        this.background = background;
        this.problems = problems;
        this.status = status;
    }

    /** Asks where to write {@code what} (described as {@code description}) and writes it. */
    void choose(ClassifiedSource c, Rows what, String description, String sourceName) {
        Window owner =
                Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + description);
        for (Export.Format f : Export.Format.values()) {
            chooser.getExtensionFilters()
                    .add(
                            new FileChooser.ExtensionFilter(
                                    f.name().replace('_', ' ') + " (*." + f.extension() + ")",
                                    "*." + f.extension()));
        }
        chooser.setInitialFileName(sourceName + "-export.log");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            write(
                    c,
                    what,
                    formatOf(file.getName(), chooser.getSelectedExtensionFilter()),
                    file.toPath());
        }
    }

    /** Writes {@code what} to {@code target} in the background. */
    Task<Export.Result> write(ClassifiedSource c, Rows what, Export.Format format, Path target) {
        Task<Export.Result> task =
                new Task<>() {
                    @Override
                    protected Export.Result call() throws Exception {
                        Path tmp = target.resolveSibling(target.getFileName() + ".part");
                        Export.Result r;
                        try (var out = Files.newOutputStream(tmp)) {
                            r =
                                    new Export(c, SourceClock.of(c.source()))
                                            .write(
                                                    what,
                                                    format,
                                                    out,
                                                    this::updateProgress,
                                                    this::isCancelled);
                        }
                        if (r.cancelled()) {
                            Files.deleteIfExists(tmp);
                        } else {
                            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        return r;
                    }
                };
        task.setOnSucceeded(
                e ->
                        status.set(
                                String.format(
                                        "Exported %,d lines to %s",
                                        task.getValue().lines(), target)));
        task.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot export to "
                                        + target
                                        + ": "
                                        + task.getException().getMessage()));
        status.set("Exporting to " + target + "\u2026");
        background.submit(task);
        return task;
    }

    /** The format named by the file's extension, else by the chosen filter, else text. */
    static Export.Format formatOf(String name, FileChooser.ExtensionFilter chosen) {
        for (Export.Format f : Export.Format.values()) {
            if (name.endsWith("." + f.extension())) {
                return f;
            }
        }
        if (chosen != null) {
            for (Export.Format f : Export.Format.values()) {
                if (chosen.getExtensions().contains("*." + f.extension())) {
                    return f;
                }
            }
        }
        return Export.Format.TEXT;
    }
}
