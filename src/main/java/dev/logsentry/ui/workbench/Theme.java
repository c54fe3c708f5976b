package dev.logsentry.ui.workbench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The light and dark themes (AtlantaFX Primer) plus LogSentry's own stylesheet on top. */
public enum Theme {
    LIGHT,
    DARK;

    static final String APP_CSS = "/dev/logsentry/ui/workbench/workbench.css";

    /** Installs this theme for every window of the application. */
    public void apply() {
        Application.setUserAgentStylesheet(
                this == DARK
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
