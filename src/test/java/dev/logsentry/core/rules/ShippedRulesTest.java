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
    void workstationLevelLoadsEveryShippedRuleFile() throws java.io.IOException {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(ETC, Level.WORKSTATION);
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String dir :
                new String[] {"ignore.d.paranoid", "ignore.d.server", "ignore.d.workstation"}) {
            try (var files = Files.list(ETC.resolve(dir))) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("[A-Za-z0-9_-]+"))
                        .forEach(names::add);
            }
        }
        assertThat(tree.files(Category.IGNORE))
                .extracting(RuleFile::name)
                .containsExactlyInAnyOrderElementsOf(names);
        // every shipped rule has a literal for the regex fallback of the automaton
        assertThat(tree.rules()).allMatch(r -> !r.ere().requiredLiterals().isEmpty());
    }
}
