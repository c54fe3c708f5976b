package dev.logsentry.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled starter rules test themselves against sample lines (as lnav's formats do): every rule
 * compiles and matches at least one sample, so a rule that matches nothing cannot ship.
 */
class BundledRulesTest {

    @TempDir Path dir;

    private static List<String> samples() throws IOException {
        try (InputStream in =
                BundledRulesTest.class.getResourceAsStream(
                        "/dev/logsentry/rules/bundled-samples.log")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n"));
        }
    }

    @Test
    void extractsALogcheckTreeAndTheClassicFiles() throws IOException {
        Path root = BundledRules.extractTo(dir);
        assertThat(BundledRules.logcheckTree(root).resolve("cracking.d")).isDirectory();
        assertThat(BundledRules.logcheckTree(root).resolve("cracking.ignore.d")).isDirectory();
        assertThat(BundledRules.logcheckTree(root).resolve("header.txt")).isRegularFile();
        assertThat(BundledRules.classicDir(root).resolve("logcheck.hacking")).isRegularFile();
        assertThat(BundledRules.files())
                .allSatisfy(f -> assertThat(Files.exists(root.resolve(f))).as(f).isTrue());
    }

    @Test
    void everyBundledLogcheckRuleCompilesAndMatchesASample() throws IOException {
        RuleTree tree =
                RuleTreeLoader.load(
                        BundledRules.logcheckTree(BundledRules.extractTo(dir)), Level.WORKSTATION);
        List<String> samples = samples();
        assertThat(tree.problems()).isEmpty();
        assertThat(tree.rules()).hasSizeGreaterThan(30);
        for (Rule rule : tree.rules()) {
            assertThat(samples.stream().anyMatch(rule::matches))
                    .as("%s matches a sample: %s", rule.location(), rule.source())
                    .isTrue();
        }
    }

    @Test
    void everyClassicRuleCompilesAndMatchesASample() throws IOException {
        RuleTree tree =
                RuleTreeLoader.loadClassic(BundledRules.classicDir(BundledRules.extractTo(dir)));
        List<String> samples = samples();
        assertThat(tree.problems()).isEmpty();
        assertThat(tree.files(Category.CRACKING)).hasSize(1);
        for (Rule rule : tree.rules()) {
            assertThat(samples.stream().anyMatch(rule::matches))
                    .as("%s matches a sample: %s", rule.location(), rule.source())
                    .isTrue();
        }
    }
}
