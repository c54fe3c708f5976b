package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir Path config;

    @Test
    void newestFirstWithoutDuplicatesAndKeptAcrossRestarts() {
        RecentFiles recent = new RecentFiles(config);
        recent.add(Path.of("/var/log/syslog"));
        recent.add(Path.of("/var/log/auth.log"));
        recent.add(Path.of("/var/log/syslog"));

        assertThat(new RecentFiles(config).paths())
                .containsExactly(Path.of("/var/log/syslog"), Path.of("/var/log/auth.log"));
    }

    @Test
    void aDamagedFileIsTreatedAsEmpty() throws Exception {
        Files.writeString(config.resolve("recent.json"), "{not json");

        assertThat(new RecentFiles(config).paths()).isEmpty();
    }
}
