package dev.logsentry.testkit;

import dev.logsentry.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@link Dialogs} for tests: answers queued in advance, every question recorded, the clipboard a
 * field. No Stage, no real chooser.
 */
public final class FakeDialogs implements Dialogs {
    /** The titles of every dialog asked for, in order. */
    public final List<String> asked = new ArrayList<>();

    /** Answers for the next choosers and text questions (a Path, a List of Paths or a String). */
    public final Deque<Object> answers = new ArrayDeque<>();

    /** What was last put on the clipboard. */
    public volatile String clipboard;

    @Override
    @SuppressWarnings("unchecked")
    public List<Path> chooseFiles(String title, Path initialDir) {
        asked.add(title);
        startFolders.add(initialDir);
        Object a = answers.poll();
        return a instanceof List<?> l
                ? (List<Path>) l
                : a instanceof Path p ? List.of(p) : List.of();
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDir) {
        asked.add(title);
        startFolders.add(initialDir);
        return answers.poll() instanceof Path p ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Optional<Path> chooseSaveFile(
            String title, String initialName, List<String> extensions) {
        asked.add(title);
        return answers.poll() instanceof Path p ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Optional<String> askText(String title, String header) {
        asked.add(title);
        textHeaders.add(header);
        return answers.poll() instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Details of every confirm question, in order (a diff when saving). */
    public final List<String> confirmed = new ArrayList<>();

    @Override
    public boolean confirm(String title, String header, String details) {
        asked.add(title);
        confirmed.add(details);
        return answers.poll() instanceof Boolean b && b;
    }

    /** Header and details of every message shown with {@link #inform}, in order. */
    public final List<String> informed = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The start folder of every chooser asked for, in order (null when none was given). */
    public final List<Path> startFolders = new ArrayList<>();

    /** The header of every text question, in order (the Go to Line range, for instance). */
    public final List<String> textHeaders = new ArrayList<>();

    @Override
    public void inform(String title, String header, String details) {
        asked.add(title);
        informed.add(header + "\n" + (details == null ? "" : details));
    }

    /**
     * The next answer: a String names the chosen button (-1 when no such button), anything else
     * dismisses the dialog (-1).
     */
    @Override
    public int choose(String title, String header, String details, List<String> choices) {
        asked.add(title);
        confirmed.add(details);
        return answers.poll() instanceof String s ? choices.indexOf(s) : -1;
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard = text;
    }
}
