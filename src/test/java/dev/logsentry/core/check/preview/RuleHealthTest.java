package dev.logsentry.core.check.preview;

import static dev.logsentry.core.check.preview.PreviewFixture.H;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.health.HealthFinding;
import dev.logsentry.core.check.health.HealthFinding.Kind;
import dev.logsentry.core.check.health.RuleHealth;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleHealthTest {

    @TempDir Path root;

    private List<String> describe(List<HealthFinding> findings, Kind kind) {
        return findings.stream()
                .filter(f -> f.kind() == kind)
                .map(f -> root.relativize(f.file()) + ":" + f.line())
                .toList();
    }

    @Test
    void findsEveryKindOfProblemWithFileAndLine() throws Exception {
        PreviewFixture.tree(root);
        PreviewFixture.write(root, "violations.ignore.d/local-sudo", H + "sudo: .*$\n");
        PreviewFixture.write(
                root,
                "ignore.d.server/local-mine",
                "^broken (\n"
                        + H
                        + "CRON\\[[0-9]+\\]: \\(root\\) CMD \\(run-parts /etc/cron\\.hourly\\)$\n"
                        + H
                        + "CRON\\[[0-9]+\\]: .*$\n"
                        + "^\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        List<String> log = new ArrayList<>(PreviewFixture.LOG);
        for (int i = 0; i < 20; i++) {
            log.add("");
        }
        CheckLines lines = PreviewFixture.lines(log);
        List<HealthFinding> f =
                RuleHealth.check(tree, PreviewFixture.options(), lines, CancelToken.NEVER);

        assertThat(describe(f, Kind.DOES_NOT_COMPILE))
                .containsExactly("ignore.d.server/local-mine:1");
        assertThat(describe(f, Kind.HIDES_SECURITY_EVENT))
                .containsExactly("violations.ignore.d/local-sudo:1");
        assertThat(
                        f.stream()
                                .filter(x -> x.kind() == Kind.HIDES_SECURITY_EVENT)
                                .findFirst()
                                .orElseThrow()
                                .examples())
                .containsExactly(3);
        assertThat(describe(f, Kind.DUPLICATE)).containsExactly("ignore.d.server/local-mine:2");
        // cron comes before local-mine in byte order: its rule decides the cron lines; the
        // catch-all "^" of local-mine decides the other lines before sshd's rule
        assertThat(describe(f, Kind.SHADOWED))
                .containsExactly(
                        "ignore.d.server/local-mine:2",
                        "ignore.d.server/local-mine:3",
                        "ignore.d.server/sshd:2");
        assertThat(describe(f, Kind.MATCHES_NOTHING)).containsExactly("ignore.d.paranoid/never:1");
        assertThat(describe(f, Kind.MATCHES_ALMOST_EVERYTHING))
                .containsExactly("ignore.d.server/local-mine:4");
        assertThat(describe(f, Kind.EXPENSIVE)).hasSize(RuleHealth.EXPENSIVE);
        assertThat(f.get(0).describe())
                .startsWith(
                        root.resolve("ignore.d.server/local-mine")
                                + ":1: does not compile: Unmatched ( or \\(");
    }

    @Test
    void aRuleThatExhaustsItsTimeBudgetIsNamed() throws Exception {
        PreviewFixture.write(root, "cracking.d/bomb", "^(a|aa)+\\1b$\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        CheckLines lines = PreviewFixture.lines(List.of("a".repeat(60) + "c", "ok"));
        List<HealthFinding> f =
                RuleHealth.check(tree, PreviewFixture.options(), lines, CancelToken.NEVER);
        assertThat(describe(f, Kind.TIME_BUDGET)).containsExactly("cracking.d/bomb:1");
    }
}
