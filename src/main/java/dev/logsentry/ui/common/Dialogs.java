package dev.logsentry.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What view-models ask of the user and the desktop: file and folder choosers, a line of text, the
 * clipboard. Passed in through constructors, so a view-model is tested with a fake and no Stage;
 * {@link FxDialogs} is the real one.
 */
public interface Dialogs {
    /** Files to open, or none when cancelled. */
    List<Path> chooseFiles(String title, Path initialDir);

    /** A folder, or empty when cancelled. */
    Optional<Path> chooseFolder(String title, Path initialDir);

    /**
     * Where to save; the name gets the chosen filter's extension when it has none.
     *
     * @param extensions offered file types, e.g. "csv", "json"
     */
    Optional<Path> chooseSaveFile(String title, String initialName, List<String> extensions);

    /** A line of text (e.g. a line number), or empty when cancelled. */
    Optional<String> askText(String title, String header);

    /** Puts {@code text} on the system clipboard. */
    void copyToClipboard(String text);

    /**
     * Asks a yes/no question, with {@code details} (a diff, a list) shown in a scrollable monospace
     * area when not null; true when the user accepted. Implementations that cannot ask answer
     * false, so nothing is saved or discarded without consent.
     */
    default boolean confirm(String title, String header, String details) {
        return false;
    }

    /**
     * Tells the user something that needs no answer (a message dialog with OK), with {@code
     * details} (a list of facts) in a scrollable monospace area when not null.
     */
    default void inform(String title, String header, String details) {}

    /**
     * Asks the user to pick one of {@code choices} (button texts, the first the default), with
     * {@code details} shown as in {@link #confirm}; the index of the chosen one, or -1 when the
     * dialog was dismissed. Implementations that cannot ask answer -1 (nothing happens).
     */
    default int choose(String title, String header, String details, List<String> choices) {
        return -1;
    }
}
