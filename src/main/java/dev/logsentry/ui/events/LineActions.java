package dev.logsentry.ui.events;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.Export;
import dev.logsentry.core.browse.Rows;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.ui.common.Dialogs;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * What the user does with lines: copy them to the clipboard, export them (the shown ones, or a
 * selection) as text, CSV, JSON or JSON Lines. The target is written in the background through
 * {@link SafeFiles#writeAtomically}, so a cancelled or failed export never leaves half a file.
 * Choosers and the clipboard come from {@link Dialogs}.
 */
final class LineActions {
    private final Dialogs dialogs;
    private final ExecutorService background;
    private final Consumer<String> problems;
    private final StringProperty status;

    LineActions(
            Dialogs dialogs,
            ExecutorService background,
            Consumer<String> problems,
            StringProperty status) {
        this.dialogs = dialogs;
        this.background = background;
        this.problems = problems;
        this.status = status;
    }

    /** Copies {@code lines} (0-based) of {@code source} to the clipboard as text. */
    void copy(LineSource source, String name, List<Long> lines) {
        if (source == null || lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        try {
            for (long l : lines) {
                text.append(source.line(l)).append('\n');
            }
        } catch (IOException e) {
            problems.accept("Cannot copy from " + name + ": " + e.getMessage());
            return;
        }
        dialogs.copyToClipboard(text.toString());
        status.set(String.format("Copied %,d lines", lines.size()));
    }

    /**
     * Copies {@code what} to the clipboard as CSV or JSON (or text): the same {@link Export} that
     * writes files, run in the background; the clipboard is set on the FX thread when done.
     */
    Task<String> copyAs(ClassifiedSource c, Rows what, Export.Format format) {
        Task<String> task =
                new Task<>() {
                    @Override
                    protected String call() throws Exception {
                        StringWriter out = new StringWriter();
                        new Export(c, SourceClock.of(c.source()))
                                .write(what, format, out, this::updateProgress, this::isCancelled);
                        return out.toString();
                    }
                };
        task.setOnSucceeded(
                e -> {
                    dialogs.copyToClipboard(task.getValue());
                    status.set(
                            String.format(
                                    "Copied %,d lines as %s", what.size(), format.extension()));
                });
        task.setOnFailed(
                e ->
                        problems.accept(
                                "Cannot copy lines of "
                                        + c.source().name()
                                        + ": "
                                        + task.getException().getMessage()));
        background.submit(task);
        return task;
    }

    /** Asks where to write {@code what} (described as {@code description}) and writes it. */
    void export(ClassifiedSource c, Rows what, String description, String sourceName) {
        List<String> extensions =
                Arrays.stream(Export.Format.values()).map(Export.Format::extension).toList();
        dialogs.chooseSaveFile("Export " + description, sourceName + "-export.log", extensions)
                .ifPresent(file -> write(c, what, formatOf(file.getFileName().toString()), file));
    }

    /** Writes {@code what} to {@code target} in the background. */
    Task<Export.Result> write(ClassifiedSource c, Rows what, Export.Format format, Path target) {
        Task<Export.Result> task =
                new Task<>() {
                    @Override
                    protected Export.Result call() throws Exception {
                        Export.Result[] r = new Export.Result[1];
                        SafeFiles.writeAtomically(
                                target,
                                out -> {
                                    r[0] =
                                            new Export(c, SourceClock.of(c.source()))
                                                    .write(
                                                            what,
                                                            format,
                                                            out,
                                                            this::updateProgress,
                                                            this::isCancelled);
                                    if (r[0].cancelled()) {
                                        throw new CancellationException("export cancelled");
                                    }
                                });
                        return r[0];
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

    /** The format named by the file's extension, else text. */
    static Export.Format formatOf(String name) {
        for (Export.Format f : Export.Format.values()) {
            if (name.endsWith("." + f.extension())) {
                return f;
            }
        }
        return Export.Format.TEXT;
    }
}
