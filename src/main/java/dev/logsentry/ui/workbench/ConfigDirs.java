package dev.logsentry.ui.workbench;

import java.nio.file.Path;

/**
 * Where the workbench keeps its settings: {@code $XDG_CONFIG_HOME/logsentry}, else {@code
 * ~/.config/logsentry}; the system property {@code logsentry.config.dir} overrides both (tests use
 * it).
 */
public final class ConfigDirs {
    private ConfigDirs() {}

    public static Path configDir() {
        String override = System.getProperty("logsentry.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "logsentry");
        }
        return Path.of(System.getProperty("user.home"), ".config", "logsentry");
    }
}
