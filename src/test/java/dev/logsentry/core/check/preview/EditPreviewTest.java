package dev.logsentry.core.check.preview;

import static dev.logsentry.core.check.preview.PreviewFixture.H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.LineVerdicts;
import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.edit.TreeEdit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditPreviewTest {

    @TempDir Path root;

    private EditPreview baseline() throws Exception {
        RuleTree tree = RuleTreeLoader.load(PreviewFixture.tree(root), Level.SERVER);
        return EditPreview.baseline(
                tree,
                PreviewFixture.options(),
                PreviewFixture.lines(PreviewFixture.LOG),
                CancelToken.NEVER);
    }

    @Test
    void theBaselineIsTheCheckersVerdict() throws Exception {
        EditPreview p = baseline();
        List<Verdict> v = new ArrayList<>();
        for (int i = 0; i < p.lines().size(); i++) {
            v.add(p.verdicts().verdict(i));
        }
        assertThat(v)
                .containsExactly(
                        Verdict.IGNORED,
                        Verdict.UNUSUAL,
                        Verdict.VIOLATION, // attack in the run, but no cracking rule matches it
                        Verdict.VIOLATION,
                        Verdict.IGNORED,
                        Verdict.IGNORED,
                        Verdict.ATTACK,
                        Verdict.UNUSUAL);
    }

    @Test
    void generalisingAnIgnoreRuleIgnoresTheOtherUsersLine() throws Exception {
        EditPreview p = baseline();
        Path file = root.resolve("ignore.d.server/sshd");
        VerdictChanges c =
                p.ifFileWere(
                        file,
                        List.of(
                                "# accepted keys",
                                H
                                        + "sshd\\[[0-9]+\\]: Accepted publickey for [a-z]+ from"
                                        + " [0-9.]+ port [0-9]+ ssh2$"),
                        CancelToken.NEVER);
        assertThat(c.lines()).containsExactly(1);
        assertThat(c.newlyIgnoredCount()).isEqualTo(1);
        assertThat(c.hiddenAlarmCount()).isZero();
        assertThat(c.reevaluated()).isEqualTo(1);
        assertThat(c.summary()).startsWith("1 newly ignored (0 attack");
    }

    @Test
    void anIgnoreRuleForAViolationIsFlaggedAndRemovingARuleRaisesLines() throws Exception {
        EditPreview p = baseline();
        VerdictChanges hide =
                p.ifFileWere(
                        root.resolve("violations.ignore.d/local-sudo"),
                        List.of(H + "sudo: .*$"),
                        CancelToken.NEVER);
        assertThat(hide.lines()).containsExactly(3);
        assertThat(hide.hidesAlarm(0)).isTrue();
        VerdictChanges raise =
                p.ifFileWere(root.resolve("ignore.d.server/cron"), List.of(), CancelToken.NEVER);
        assertThat(raise.lines()).containsExactly(4, 5);
        assertThat(raise.newlyRaisedCount()).isEqualTo(2);
        VerdictChanges none =
                p.ifFileWere(
                        root.resolve("ignore.d.workstation/x"), List.of("^.*$"), CancelToken.NEVER);
        assertThat(none.size()).isZero();
    }

    @Test
    void removingTheOnlyAttackChangesLinesTheEditDoesNotTouch() throws Exception {
        EditPreview p = baseline();
        // with an attack in the run, the sshd violation is dropped only if a cracking rule matches:
        // add one that matches the sudo line, then remove the attack
        RuleTree t =
                TreeEdit.replaceSource(
                        p.tree(),
                        root.resolve("cracking.d/sudo"),
                        List.of(H + "sudo: .*incorrect password attempts"));
        EditPreview withCracking =
                EditPreview.baseline(t, PreviewFixture.options(), p.lines(), CancelToken.NEVER);
        assertThat(withCracking.verdicts().verdict(3)).isEqualTo(Verdict.ATTACK);
        RuleTree noKernel = TreeEdit.replaceSource(t, root.resolve("cracking.d/kernel"), List.of());
        assertSameAsFullRun(withCracking, noKernel);
    }

    @Test
    void cancellingStopsThePreview() throws Exception {
        EditPreview p = baseline();
        CancelToken token = new CancelToken();
        token.cancel();
        assertThatThrownBy(
                        () -> p.ifFileWere(root.resolve("ignore.d.server/cron"), List.of(), token))
                .isInstanceOf(CancellationException.class);
    }

    /**
     * Exactness: on a corpus from Debian's rules, random edits of random files give the same
     * verdicts as classifying every line again with the edited tree.
     */
    @Test
    void incrementalVerdictsEqualAFullRunOnShippedRules() throws Exception {
        Path etc = Path.of("/etc/logcheck");
        assumeTrue(Files.isDirectory(etc.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(etc, Level.SERVER);
        SyslogCorpus corpus = new SyslogCorpus(7, tree);
        String text = new String(corpus.lines(6000), StandardCharsets.ISO_8859_1);
        CheckLines lines = PreviewFixture.lines(Arrays.asList(text.split("\n")));
        EditPreview p =
                EditPreview.baseline(tree, PreviewFixture.options(), lines, CancelToken.NEVER);
        Random random = new Random(3);
        List<RuleFile> files = new ArrayList<>();
        for (Category c : Category.values()) {
            files.addAll(tree.files(c));
        }
        for (int round = 0; round < 6; round++) {
            RuleFile f = files.get(random.nextInt(files.size()));
            Path source = f.sources().get(0);
            List<String> edited = new ArrayList<>();
            for (Rule r : f.rules()) {
                if (!r.file().equals(source)) {
                    continue;
                }
                int what = random.nextInt(4);
                if (what == 0) {
                    continue; // rule removed
                }
                edited.add(what == 1 ? r.source().replace("[0-9]+", "[0-9a-z]+") : r.source());
            }
            if (round % 2 == 0) {
                edited.add(H + "sshd\\[[0-9]+\\]: .*$");
            }
            assertSameAsFullRun(p, TreeEdit.replaceSource(tree, source, edited));
        }
    }

    private static void assertSameAsFullRun(EditPreview p, RuleTree edited) {
        VerdictChanges c = p.ifTreeWere(edited, CancelToken.NEVER);
        LineVerdicts full =
                LineVerdicts.compute(
                        new Classifier(edited, PreviewFixture.options()),
                        p.lines(),
                        CancelToken.NEVER);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < p.lines().size(); i++) {
            if (full.verdict(i) != p.verdicts().verdict(i)) {
                expected.add(i + ":" + p.verdicts().verdict(i) + "->" + full.verdict(i));
            }
        }
        List<String> got = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            got.add(c.lines()[k] + ":" + c.before()[k] + "->" + c.after()[k]);
        }
        assertThat(got).isEqualTo(expected);
    }
}
