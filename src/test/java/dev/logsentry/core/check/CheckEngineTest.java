package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch engine: parallel classification agrees with one thread and with per-line verdicts. */
class CheckEngineTest {

    @TempDir Path work;

    private RuleTree tree() throws Exception {
        return RuleTreeLoader.load(
                LogcheckPassesDifferentialTest.ruleTree(work.resolve("rules")), Level.SERVER);
    }

    @Test
    void parallelRunEqualsSingleThreadedRun() throws Exception {
        RuleTree tree = tree();
        byte[] log = LogcheckPassesDifferentialTest.log(new Random(11), 20_000);
        CheckInput input = CheckInput.of(LogcheckDifferentialTest.split(log));
        CheckOptions options = CheckOptions.defaults(Profile.LOGCHECK_1_4);
        CheckResult one = new CheckEngine(tree, options.withThreads(1)).run(input);
        CheckResult four = new CheckEngine(tree, options.withThreads(4)).run(input);
        assertThat(four.sections()).isEqualTo(one.sections());
        assertThat(four.verdict()).isEqualTo(Verdict.ATTACK);
    }

    @Test
    void perLineClassificationsAgreeWithTheReportSections() throws Exception {
        RuleTree tree = tree();
        byte[] log = LogcheckPassesDifferentialTest.log(new Random(12), 3_000);
        CheckInput input = CheckInput.of(LogcheckDifferentialTest.split(log));
        CheckEngine engine = new CheckEngine(tree, CheckOptions.defaults(Profile.LOGCHECK_1_4));
        CheckResult result = engine.run(input);
        List<Classification> lines = engine.classifyRun(input);

        Map<String, Integer> fromSections = new HashMap<>();
        for (Section s : result.sections()) {
            fromSections.merge(s.heading(), s.lines().size(), Integer::sum);
        }
        Map<String, Integer> fromLines = new HashMap<>();
        for (Classification c : lines) {
            for (Placement p : c.placements()) {
                fromLines.merge(p.heading(), 1, Integer::sum);
            }
            assertThat(c.verdict() == Verdict.IGNORED).isEqualTo(c.placements().isEmpty());
            if (c.verdict() == Verdict.IGNORED) {
                assertThat(c.decidingRule()).as("why %s is ignored", c.line()).isNotNull();
            }
        }
        assertThat(fromLines).isEqualTo(fromSections);
    }

    @Test
    void noLinesMeansNothingToReport() throws Exception {
        CheckResult result =
                new CheckEngine(tree(), CheckOptions.defaults(Profile.LOGCHECK_1_4))
                        .run(
                                new CheckInput(
                                        List.of(),
                                        List.of("E: File could not be read: x"),
                                        List.of()));
        assertThat(result.reportable()).isFalse();
        assertThat(result.verdict()).isEqualTo(Verdict.IGNORED);
    }
}
