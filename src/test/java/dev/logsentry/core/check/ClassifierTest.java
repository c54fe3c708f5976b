package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-line API the workbench uses: verdict, sections and the deciding rule ("why"). */
class ClassifierTest {

    @TempDir Path work;
    private Classifier classifier;

    @BeforeEach
    void setUp() throws Exception {
        RuleTree tree =
                RuleTreeLoader.load(
                        LogcheckPassesDifferentialTest.ruleTree(work.resolve("rules")),
                        Level.SERVER);
        classifier = new Classifier(tree, CheckOptions.defaults(Profile.LOGCHECK_1_4));
    }

    private Classification classify(String text) {
        return classifier.classify(InputLine.ofText("t", 0, text));
    }

    @Test
    void attackCarriesTheCrackingRuleThatMatched() {
        Classification c = classify("Nov 1 00:00:00 h p: ATTACK now");
        assertThat(c.verdict()).isEqualTo(Verdict.ATTACK);
        assertThat(c.decidingRule().fileName()).isEqualTo("attackd");
        assertThat(c.decidingRule().line()).isEqualTo(3);
        assertThat(c.placements())
                .extracting(Placement::heading)
                .contains("Security Alerts for attackd");
    }

    @Test
    void theLogcheckSectionLeavesOutLinesOtherSectionsReport() {
        assertThat(classify("Nov 1 00:00:00 h p: ATTACK x").placements())
                .extracting(Placement::heading)
                .containsExactly("Security Alerts for attackd");
        assertThat(classify("Nov 1 00:00:00 h p: kaboom").placements())
                .extracting(Placement::heading)
                .containsExactly("Security Alerts");
    }

    @Test
    void violationIgnoredByItsIgnoreFileNamesTheIgnoreRule() {
        Classification c = classify("Nov 1 00:00:00 h p: denied ok");
        assertThat(c.verdict()).isEqualTo(Verdict.IGNORED);
        assertThat(c.decidingRule().file().getFileName().toString()).isEqualTo("logcheck-kernel");
    }

    @Test
    void ignoredLineNamesTheIgnoreRule() {
        Classification c = classify("Nov 1 00:00:00 h p: all normal");
        assertThat(c.verdict()).isEqualTo(Verdict.IGNORED);
        assertThat(c.decidingRule().source()).isEqualTo("normal$");
    }

    @Test
    void unusualLineHasNoRule() {
        Classification c = classify("Nov 1 00:00:00 h p: something new");
        assertThat(c.verdict()).isEqualTo(Verdict.UNUSUAL);
        assertThat(c.decidingRule()).isNull();
        assertThat(c.placements()).extracting(Placement::heading).containsExactly("System Events");
    }

    @Test
    void trailingWhiteSpaceIsRemovedBeforeMatching() {
        assertThat(classify("Nov 1 00:00:00 h p: all normal  \t").verdict())
                .isEqualTo(Verdict.IGNORED);
    }

    @Test
    void allMatchesListsEveryRuleOfEveryCategory() {
        List<Rule> why = classifier.allMatches(InputLine.ofText("t", 0, "x: ATTACK x denied ok"));
        assertThat(why)
                .extracting(Rule::fileName)
                .contains("attackd", "logcheck", "kernel", "logcheck-kernel");
    }

    @Test
    void invalidUtf8IsMatchedAsBytes() {
        byte[] bytes = {
            'n', 'o', 'r', 'm', (byte) 0xff, 'a', 'l', ' ', 'n', 'o', 'r', 'm', 'a', 'l'
        };
        Classification c = classifier.classify(InputLine.ofBytes("t", 0, bytes));
        assertThat(c.verdict()).isEqualTo(Verdict.IGNORED);
        assertThat(c.line().displayText()).contains("\ufffd");
    }

    @Test
    void raisingOnlyGivesEveryAttackAndViolationAndCallsTheRestUnusual() {
        Classifier raising = classifier.raisingOnly();
        for (String text :
                List.of(
                        "Nov 1 00:00:00 h p: ATTACK now",
                        "Nov 1 00:00:00 h p: kaboom",
                        "Nov 1 00:00:00 h p: denied ok",
                        "Nov 1 00:00:00 h p: all normal",
                        "Nov 1 00:00:00 h p: something new")) {
            assertSameRaising(classify(text), raising.classify(InputLine.ofText("t", 0, text)));
        }
        assertThat(raising.rules().files(dev.logsentry.core.rules.Category.IGNORE)).isEmpty();
    }

    @Test
    void raisingOnlyAgreesWithTheWholeTreeOnDebiansRules() throws Exception {
        Path debian = Path.of("/etc/logcheck");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(debian.resolve("cracking.d")),
                "Debian's logcheck rules are not installed");
        RuleTree tree = RuleTreeLoader.load(debian, Level.SERVER);
        Classifier whole = new Classifier(tree, CheckOptions.defaults(Profile.LOGCHECK_1_4));
        Classifier raising = whole.raisingOnly();
        SyslogCorpus corpus = new SyslogCorpus(15, tree);
        List<InputLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add(InputLine.ofBytes("t", i, corpus.nextLine()));
        }
        Classification[] expected = new Classification[lines.size()];
        whole.classifyBatch(lines, false, (i, alone, ifAttack) -> expected[i] = alone);
        int[] raised = new int[1];
        raising.classifyBatch(
                lines,
                false,
                (i, alone, ifAttack) -> {
                    assertSameRaising(expected[i], alone);
                    if (alone.verdict() == Verdict.ATTACK || alone.verdict() == Verdict.VIOLATION) {
                        raised[0]++;
                    }
                });
        assertThat(raised[0]).as("attack and violation lines in the corpus").isPositive();
    }

    private static void assertSameRaising(Classification whole, Classification raising) {
        boolean raised = whole.verdict() == Verdict.ATTACK || whole.verdict() == Verdict.VIOLATION;
        if (!raised) {
            // a cracking or violations line dropped by its ignore files is ignored by both; any
            // other line is unusual to the classifier without the ignore.d rules
            assertThat(raising.verdict())
                    .as(whole.line().displayText())
                    .isIn(Verdict.UNUSUAL, whole.verdict());
            return;
        }
        assertThat(raising.verdict()).as(whole.line().displayText()).isEqualTo(whole.verdict());
        assertThat(raising.placements()).isEqualTo(whole.placements());
        assertThat(raising.decidingRule()).isEqualTo(whole.decidingRule());
    }

    @Test
    void hugeLinesDoNotOverflowTheStack() {
        String huge = "x: " + "ab".repeat(3_000_000) + " normal";
        assertThat(classify(huge).verdict()).isEqualTo(Verdict.IGNORED);
    }
}
