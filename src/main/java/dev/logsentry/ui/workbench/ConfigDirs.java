package dev.logsentry.ui.workbench;

import java.nio.file.Path;

/**
 * Where the workbench keeps its settings: {@code $XDG_CONFIG_HOME/logsentry}, else {@code
 * $HOME/.config/logsentry} (Java's user.home only when $HOME is unset); the system property {@code
 * logsentry.config.dir} overrides both (tests use it).
 */
public final class ConfigDirs {
    private ConfigDirs() {}

    public static Path configDir() {
        return configDir(
                System.getProperty("logsentry.config.dir"),
                System.getenv(),
                System.getProperty("user.home"));
    }

    /** The rule above on given inputs: $HOME wins over Java's user.home (sudo, containers). */
    static Path configDir(String override, java.util.Map<String, String> env, String userHome) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "logsentry");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".config", "logsentry");
    }
}
