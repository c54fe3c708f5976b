package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {

    private static final String H = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = LogSentryCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Path cleanTree() throws Exception {
        write(
                "rules/ignore.d.server/local-cron",
                "# cron runs\n"
                        + "# sample: Dec  4 10:00:05 gw CRON[13]: (root) CMD (true)\n"
                        + "# sample: 2026-12-04T10:00:05.000000+00:00 gw CRON[13]: (root) CMD (true)\n"
                        + H
                        + "CRON\\[[0-9]+\\]: \\(root\\) CMD \\(true\\)$\n");
        write("rules/violations.d/sudo", H + "sudo: .*incorrect password attempts\n");
        return dir.resolve("rules");
    }

    @Test
    void rulesIsRegistered() {
        assertThat(LogSentryCommand.subcommandNames()).contains("rules");
    }

    @Test
    void lintPassesACleanTreeAndFailsOnABrokenRuleWithItsColumn() throws Exception {
        Path rules = cleanTree();
        assertThat(run("rules", "lint", rules.toString())).isZero();
        assertThat(out.toString()).contains("0 error(s), 0 warning(s)");
        Path bad = write("rules/ignore.d.server/local-bad", "^ok$\n^port \\d+ (x$\n");
        write("rules/ignore.d.server/backup.dpkg-old", "^x$\n");
        out.getBuffer().setLength(0);
        assertThat(run("rules", "lint", rules.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains(bad + ":2:11: error: grep -E rejects this rule: Unmatched ( or \\(")
                .contains(bad + ":2:7: warning: \\d is just the letter 'd'")
                .contains("backup.dpkg-old:0: warning: logcheck skips this file")
                .contains("1 error(s), 2 warning(s)");
    }

    @Test
    void strictLintFailsOnWarnings() throws Exception {
        Path rules = cleanTree();
        write("rules/ignore.d.server/local-loose", "sshd: Accepted\n");
        assertThat(run("rules", "lint", rules.toString())).isZero();
        assertThat(out.toString()).contains("[UNANCHORED_START]");
        assertThat(run("rules", "lint", "--strict", rules.toString())).isEqualTo(1);
    }

    @Test
    void lintWithALogReportsHealth() throws Exception {
        Path rules = cleanTree();
        write("rules/violations.ignore.d/local-sudo", H + "sudo: .*$\n");
        Path log =
                write(
                        "syslog",
                        "Dec  4 10:00:04 gw sudo:    bob : 3 incorrect password attempts\n"
                                + "Dec  4 10:00:05 gw CRON[13]: (root) CMD (false)\n");
        assertThat(run("rules", "lint", rules.toString(), "--log", log.toString())).isZero();
        assertThat(out.toString())
                .contains("violations.ignore.d/local-sudo:1: hides security event: drops 1 line(s)")
                .contains("e.g. Dec  4 10:00:04 gw sudo:")
                .contains("local-cron:4: matches nothing")
                .contains("against 2 lines");
        write("rules/cracking.d/sudo", H + "sudo: .*incorrect password attempts\n");
        write("rules/cracking.ignore.d/local-sudo", H + "sudo: .*$\n");
        out.getBuffer().setLength(0);
        assertThat(run("rules", "lint", rules.toString(), "--log", log.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("cracking.ignore.d/local-sudo:1: hides attack");
    }

    @Test
    void testShowsWhatEachRuleMatchesAndVerifiesSamples() throws Exception {
        Path rules = cleanTree();
        Path log =
                write(
                        "syslog",
                        "Dec  4 10:00:05 gw CRON[13]: (root) CMD (true)\n"
                                + "Dec  4 10:00:06 gw CRON[14]: (root) CMD (true)   \n"
                                + "Dec  4 10:00:07 gw CRON[15]: (root) CMD (false)\n");
        assertThat(run("rules", "test", rules.toString(), "--log", log.toString())).isZero();
        assertThat(out.toString())
                .contains("local-cron:4: 2 line(s), first: Dec  4 10:00:05 gw CRON[13]")
                .contains("1 of 2 rules match some of the 3 lines")
                .contains("samples: 2 passed, 0 failed");
    }

    @Test
    void aFailingSampleFailsTheTestAndNamesItsLine() throws Exception {
        Path rules = cleanTree();
        Path file =
                write(
                        "rules/ignore.d.server/local-ntp",
                        "# sample: Dec  4 10:00:08 gw ntpd[15]: time reset +0.1 s\n"
                                + "# sample: Dec  4 10:00:08 gw ntpd[15]: time reset -0.1 s\n"
                                + "^\\w{3} [ :0-9]{11} [._[:alnum:]-]+ ntpd\\[[0-9]+\\]: time reset \\+[0-9.]+ s$\n");
        assertThat(run("rules", "test", rules.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains(
                        file
                                + ":2: FAIL: the rule on line 3 does not match: Dec  4 10:00:08 gw"
                                + " ntpd[15]: time reset -0.1 s")
                .contains(file + ":1: warning: matches, but not in the other timestamp format")
                .contains("samples: 3 passed, 1 failed");
    }

    @Test
    void unreadableInputIsAUsageErrorWithoutAStackTrace() throws Exception {
        Path rules = cleanTree();
        assertThat(run("rules", "test", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("missing is not a directory")
                .doesNotContain("Exception");
        assertThat(run("rules", "lint", rules.toString(), "--log", dir.resolve("nolog").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("nolog: not a readable file");
        assertThat(run("rules", "lint", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("holds no logcheck rule directory");
    }
}
