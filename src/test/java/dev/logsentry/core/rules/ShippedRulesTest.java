package dev.logsentry.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every rule of Debian's logcheck-database, when installed, must compile. */
class ShippedRulesTest {

    private static final Path ETC = Path.of("/etc/logcheck");

    @Test
    void everyShippedRuleCompilesAtEveryLevel() {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        for (Level level : Level.values()) {
            RuleTree tree = RuleTreeLoader.load(ETC, level);
            assertThat(tree.problems()).as(level.name()).isEmpty();
            assertThat(tree.rules()).hasSizeGreaterThan(100);
        }
    }

    @Test
    void workstationLevelLoadsEveryShippedRuleFile() {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(ETC, Level.WORKSTATION);
        RuleMatcher matcher = RuleMatcher.of(tree.rules());
        System.out.println(
                "rules=" + tree.rules().size() + " alwaysRun=" + matcher.alwaysRunCount());
        tree.rules().stream()
                .filter(r -> r.ere().requiredLiterals().isEmpty())
                .forEach(r -> System.out.println(r.location() + " " + r.source()));
    }
}
