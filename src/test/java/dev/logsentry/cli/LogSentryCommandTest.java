package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.AppInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LogSentryCommandTest {
    @Test
    void versionPrintsTheBuildVersion() {
        StringWriter out = new StringWriter();
        CommandLine cl = LogSentryCommand.commandLine();
        cl.setOut(new PrintWriter(out));

        int exit = cl.execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString().trim()).isEqualTo("LogSentry " + AppInfo.version());
        assertThat(AppInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpListsUsage() {
        StringWriter out = new StringWriter();
        CommandLine cl = LogSentryCommand.commandLine();
        cl.setOut(new PrintWriter(out));

        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: logsentry").contains("--version");
    }
}
