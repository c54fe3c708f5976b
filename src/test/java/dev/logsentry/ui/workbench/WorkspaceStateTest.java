package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceStateTest {
    @Test
    void withoutDropsTheTemporarySamplesAndKeepsTheRest() {
        WorkspaceState s =
                new WorkspaceState(
                        null,
                        Theme.DARK,
                        Perspective.DNS,
                        List.of("/tmp/s/syslog", "/var/log/auth.log"),
                        "/tmp/s/syslog",
                        0.3,
                        0.6,
                        null,
                        null,
                        "paranoid",
                        true,
                        null,
                        true);

        WorkspaceState saved = s.without(List.of("/tmp/s/syslog"));

        assertThat(saved.openSources()).containsExactly("/var/log/auth.log");
        assertThat(saved.selectedSource()).isNull();
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.level()).isEqualTo("paranoid");
        assertThat(saved.notifyViolations()).isTrue();
        assertThat(saved.without(List.of()).openSources()).containsExactly("/var/log/auth.log");
    }
}
