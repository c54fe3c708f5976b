package dev.logsentry.ui.workbench;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the JavaFX workbench; kept apart from {@link WorkbenchApp} so that Main stays plain.
 *
 * <p>JavaFX logs "WARNING: Unsupported JavaFX configuration: classes were loaded from 'unnamed
 * module'" whenever it runs from the class path, as the single executable jar does (JavaFX's own
 * jars are on it; running them as modules would need a module path next to the jar). The jar is
 * tested this way, so the warning tells a user nothing: that one logger is set to SEVERE before the
 * launch. Other JavaFX warnings come from other loggers and still show.
 */
public final class WorkbenchLauncher {
    /** Held so that the filter set below is not lost when the logger is collected. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private WorkbenchLauncher() {}

    public static void launch(String[] args) {
        JAVAFX.setFilter(
                r ->
                        r.getLevel().intValue() > Level.WARNING.intValue()
                                || r.getMessage() == null
                                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(WorkbenchApp.class, args);
    }
}
