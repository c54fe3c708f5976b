package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirsTest {
    @Test
    void homeFromTheEnvironmentWinsOverJavasUserHome() {
        assertThat(ConfigDirs.configDir(null, Map.of("HOME", "/home/alice"), "/root"))
                .isEqualTo(Path.of("/home/alice/.config/logsentry"));
    }

    @Test
    void xdgConfigHomeWinsOverHomeAndThePropertyOverBoth() {
        Map<String, String> env = Map.of("HOME", "/home/alice", "XDG_CONFIG_HOME", "/cfg");
        assertThat(ConfigDirs.configDir(null, env, "/root")).isEqualTo(Path.of("/cfg/logsentry"));
        assertThat(ConfigDirs.configDir("/tmp/x", env, "/root")).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void userHomeOnlyWhenHomeIsUnset() {
        assertThat(ConfigDirs.configDir(null, Map.of(), "/root"))
                .isEqualTo(Path.of("/root/.config/logsentry"));
    }
}
