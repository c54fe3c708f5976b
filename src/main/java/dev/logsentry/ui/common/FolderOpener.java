package dev.logsentry.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Shows a folder in the desktop's file manager with {@code xdg-open} (the freedesktop way; the .deb
 * depends on xdg-utils), started off the FX thread. When no file manager can be started (no
 * xdg-open, no handler for folders, a headless session) the caller is told in a sentence, on the FX
 * thread, instead of an exception.
 */
public final class FolderOpener {
    /** How long xdg-open may take to hand the folder over before it counts as started. */
    private static final long WAIT_SECONDS = 15;

    private final List<String> command;

    /**
     * @param command the program and its leading arguments; the folder is appended
     */
    public FolderOpener(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** The desktop's file manager through {@code xdg-open}. */
    public static FolderOpener xdgOpen() {
        return new FolderOpener(List.of("xdg-open"));
    }

    /**
     * Opens {@code folder} on {@code background}; {@code problem} gets a sentence naming the folder
     * and the reason when it could not be shown.
     */
    public void open(Path folder, Executor background, Consumer<String> problem) {
        background.execute(
                () -> {
                    String why = run(folder);
                    if (why != null) {
                        Platform.runLater(() -> problem.accept(why));
                    }
                });
    }

    private String run(Path folder) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(folder.toString());
        try {
            Process p =
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return null; // still running: a file manager that stays in the foreground
            }
            return p.exitValue() == 0
                    ? null
                    : "No file manager could show "
                            + folder
                            + " ("
                            + command.get(0)
                            + " ended with status "
                            + p.exitValue()
                            + "). Open the folder yourself.";
        } catch (IOException e) {
            return "No file manager is available to show "
                    + folder
                    + " ("
                    + command.get(0)
                    + " could not be started: install xdg-utils). Open the folder yourself.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
