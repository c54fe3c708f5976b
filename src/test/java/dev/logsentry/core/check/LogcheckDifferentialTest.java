package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.report.LogcheckTextReport;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The most important test: our logcheck 1.4 profile against the real Debian logcheck, with the
 * installed rules, on several thousand generated lines that exercise every rule directory, at every
 * level. The text reports must be byte-identical.
 */
class LogcheckDifferentialTest {

    private static final Path ETC = Path.of("/etc/logcheck");

    @TempDir Path work;

    @ParameterizedTest
    @EnumSource(Level.class)
    void reportIsIdenticalToRealLogcheckWithDebianRules(Level level) throws Exception {
        assumeTrue(Files.isExecutable(RealLogcheck.LOGCHECK), "logcheck is not installed");
        assumeTrue(RealLogcheck.available(), "must run as root with a logcheck user");
        RuleTree tree = RuleTreeLoader.load(ETC, level);
        byte[] log =
                new SyslogCorpus(
                                20260 + level.ordinal(),
                                RuleTreeLoader.load(ETC, Level.WORKSTATION))
                        .lines(6000);

        byte[] expected = RealLogcheck.run(work, log, ETC, level, "C", List.of());
        byte[] actual = ours(tree, log);

        assertThat(new String(actual, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }

    static byte[] ours(RuleTree tree, byte[] log) {
        return ours(tree, log, CheckOptions.defaults(Profile.LOGCHECK_1_4));
    }

    static byte[] ours(RuleTree tree, byte[] log, CheckOptions options) {
        CheckResult result = new CheckEngine(tree, options).run(CheckInput.of(split(log)));
        return result.reportable() ? new LogcheckTextReport().toBytes(result) : new byte[0];
    }

    /** Lines as logtail prints them (a last line without newline is still a line). */
    static List<InputLine> split(byte[] log) {
        List<InputLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                lines.add(InputLine.ofBytes("syslog", start, log, start, i));
                start = i + 1;
            }
        }
        if (start < log.length) {
            lines.add(InputLine.ofBytes("syslog", start, log, start, log.length));
        }
        return lines;
    }
}
