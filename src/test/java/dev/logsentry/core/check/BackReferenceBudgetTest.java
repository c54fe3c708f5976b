package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile back-reference rule cannot stop a check: it runs out of time and is named. */
class BackReferenceBudgetTest {

    @TempDir Path root;

    @Test
    void aBackReferenceThatExplodesIsStoppedTreatedAsNoMatchAndReported() throws Exception {
        Path ignore = root.resolve("ignore.d.server/bomb");
        Files.createDirectories(ignore.getParent());
        // the automaton's stand-in ((a|aa)+ in place of \\1) matches the first line, so the regex
        // must decide, and it tries every one of the ~10^10 ways to split the a's
        Files.writeString(ignore, "^((a|aa)+)x\\1y$\n^(ab)\\1$\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        CheckEngine engine =
                new CheckEngine(tree, CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(1));
        CheckResult result =
                engine.run(
                        CheckInput.of(
                                List.of(
                                        InputLine.ofText(
                                                "log",
                                                0,
                                                "a".repeat(50) + "x" + "a".repeat(49) + "y"),
                                        InputLine.ofText("log", 1, "abab"))));
        assertThat(result.ruleProblems())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        ignore
                                + ":1: back-reference needed more than 1000 ms on a line; treated"
                                + " as not matching there in: ^((a|aa)+)x\\1y$");
        // the hostile line stays reported; the harmless back-reference still ignores its line
        assertThat(result.sections()).hasSize(1);
        assertThat(result.sections().get(0).lines()).hasSize(1);
    }
}
