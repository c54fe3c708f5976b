package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.report.JsonReport;
import dev.logsentry.core.report.LogcheckTextReport;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A streamed run that sets its report lines aside on disk gives the same report, byte for byte, as
 * one that keeps them in memory (which the differential tests compare with the real logcheck).
 */
class CheckRunTest {
    @TempDir Path work;
    @TempDir Path spill;

    private RuleTree tree() throws Exception {
        return RuleTreeLoader.load(
                LogcheckPassesDifferentialTest.ruleTree(work.resolve("rules")), Level.SERVER);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSpilledRunReportsExactlyWhatAnInMemoryRunReports(boolean sortUniq) throws Exception {
        RuleTree tree = tree();
        // more lines than one chunk several times over, with attacks (so violations depend on the
        // run-wide attack flag) and duplicates (for SORTUNIQ)
        List<InputLine> lines =
                LogcheckDifferentialTest.split(
                        LogcheckPassesDifferentialTest.log(new Random(21), 70_000));
        CheckOptions options =
                CheckOptions.defaults(Profile.LOGCHECK_1_4).withSortUniq(sortUniq).withThreads(2);
        CheckEngine engine = new CheckEngine(tree, options);
        CheckResult inMemory = engine.run(CheckInput.of(lines));

        try (CheckRun run = new CheckRun(() -> engine, spill, 1)) {
            for (InputLine l : lines) {
                run.add(l);
            }
            CheckResult spilled = run.finish(List.of("E: x"), List.of());
            try (Stream<Path> files = Files.list(spill)) {
                assertThat(files.toList()).as("a spill file is in use").hasSize(1);
            }
            assertThat(spilled.sections().get(0).lines().getClass().getSimpleName())
                    .isEqualTo("SpilledLines");
            assertThat(spilled.verdict()).isEqualTo(Verdict.ATTACK);
            CheckResult expected =
                    new CheckResult(
                            inMemory.profile(),
                            inMemory.verdict(),
                            inMemory.sections(),
                            List.of("E: x"),
                            inMemory.warnings(),
                            inMemory.linesChecked(),
                            inMemory.ruleProblems(),
                            inMemory.header(),
                            inMemory.footer());
            assertThat(new LogcheckTextReport().toBytes(spilled))
                    .isEqualTo(new LogcheckTextReport().toBytes(expected));
            assertThat(new JsonReport(null, null).toBytes(spilled))
                    .isEqualTo(new JsonReport(null, null).toBytes(expected));
        }
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files.toList()).as("the spill file is removed on close").isEmpty();
        }
    }

    @Test
    void binaryLinesAreEscapedInTheTextReportAndSaidSoTextLinesAreNot() throws Exception {
        CheckEngine engine =
                new CheckEngine(
                        tree(), CheckOptions.defaults(Profile.LOGCHECK_1_4).withIntro(false));
        byte[] binary = new byte[64];
        new Random(5).nextBytes(binary);
        binary[3] = 0;
        binary[10] = 0x1b;
        for (int i = 0; i < binary.length; i++) {
            binary[i] = binary[i] == '\n' ? (byte) 'n' : binary[i];
        }
        InputLine text =
                InputLine.ofText("l", 0, "Mar  5 04:05:06 web1 app: colour \u001b[0m caf\u00e9");
        InputLine bin = InputLine.ofBytes("l", 60, binary);
        CheckResult r = engine.run(CheckInput.of(List.of(text, bin)));
        String report =
                new String(
                        new LogcheckTextReport().toBytes(r),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(report).contains(text.latin1()); // text keeps logcheck's bytes
        assertThat(report).doesNotContain("\u0000").contains("\\x00").contains("\\x1b");
        assertThat(r.warnings()).singleElement().asString().contains("binary data");
        assertThat(text.looksBinary()).isFalse();
        assertThat(bin.looksBinary()).isTrue();
    }
}
