package dev.logsentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void noArgumentsOpensTheWorkbench() {
        assertThat(Main.isCommandLine(new String[0])).isFalse();
    }

    @Test
    void samplesAndPathsOpenTheWorkbench() {
        assertThat(Main.isCommandLine(new String[] {"--samples"})).isFalse();
        assertThat(Main.isCommandLine(new String[] {"/var/log/syslog"})).isFalse();
    }

    @Test
    void versionHelpAndSubcommandsRunTheCommandLine() {
        assertThat(Main.isCommandLine(new String[] {"--version"})).isTrue();
        assertThat(Main.isCommandLine(new String[] {"-h"})).isTrue();
        assertThat(Main.isCommandLine(new String[] {"help"})).isTrue();
    }
}
