package dev.logsentry.ui.workbench;

import javafx.application.Application;

/** Starts the JavaFX workbench; kept apart from {@link WorkbenchApp} so that Main stays plain. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {}

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
