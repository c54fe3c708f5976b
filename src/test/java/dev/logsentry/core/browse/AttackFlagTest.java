package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckInput;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.source.follow.FollowEvent;
import dev.logsentry.core.source.follow.FollowedSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * logcheck's one dependency between lines: once any line of a run is an attack, lines matching a
 * cracking rule leave the violations sections. With SUPPORT_CRACKING_IGNORE a line can match a
 * cracking rule (ignored there) and a violations rule: a violation in a quiet run, ignored in a run
 * with an attack, even one that comes later in the log.
 */
class AttackFlagTest {

    @TempDir Path dir;

    private RuleTree tree;
    private CheckOptions options;
    private Classifier classifier;

    private static final String BOTH = "Nov 25 07:00:01 h evil but fine";
    private static final String ATTACK = "Nov 25 07:00:02 h evil deed";
    private static final String BORING = "Nov 25 07:00:03 h boring stuff";
    private static final String ODD = "Nov 25 07:00:04 h something odd";

    @BeforeEach
    void rules() throws Exception {
        Path root = dir.resolve("rules");
        write(root.resolve("cracking.d/evil"), "evil");
        write(root.resolve("cracking.ignore.d/evil"), "evil but fine");
        write(root.resolve("violations.d/sec"), "fine");
        Files.createDirectories(root.resolve("violations.ignore.d"));
        write(root.resolve("ignore.d.server/local"), "^\\w{3} [ :0-9]{11} h boring");
        tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.problems()).isEmpty();
        options = CheckOptions.defaults(Profile.LOGCHECK_1_4).withSupportCrackingIgnore(true);
        classifier = new Classifier(tree, options);
    }

    private static void write(Path file, String line) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n");
    }

    private CheckResult check(String... lines) {
        byte[] log = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return new CheckEngine(tree, options).run(CheckInput.of(ClassifiedSourceTest.split(log)));
    }

    @Test
    void aLaterAttackTurnsAnEarlierViolationIgnored() throws Exception {
        Path path = dir.resolve("syslog");
        Files.writeString(path, BOTH + "\n" + BORING + "\n" + ODD + "\n");
        try (IndexedFile file = IndexedFile.open(path)) {
            ClassifiedSource c = new ClassifiedSource(file, classifier, 1);
            c.classify(Progress.NONE, () -> false);

            assertThat(check(BOTH, BORING, ODD).sections())
                    .extracting(s -> s.kind())
                    .containsExactly(Verdict.VIOLATION, Verdict.UNUSUAL);
            assertThat(c.verdict(0)).isEqualTo(Verdict.VIOLATION);
            assertThat(c.rule(0).category()).isEqualTo(Category.VIOLATIONS);
            assertThat(c.counts()).isEqualTo(new VerdictCounts(0, 1, 1, 1));
            FilteredView violations =
                    new FilteredView(
                            c,
                            LineFilter.ALL.withVerdicts(EnumSet.of(Verdict.VIOLATION)),
                            SourceClock.of(file),
                            1);
            violations.extend(Progress.NONE, () -> false);
            assertThat(violations.size()).isEqualTo(1);

            Files.writeString(path, ATTACK + "\n", StandardOpenOption.APPEND);
            file.index(IndexProgress.NONE, () -> false);
            c.classify(Progress.NONE, () -> false);

            // the check of all four lines has no violations section any more
            assertThat(check(BOTH, BORING, ODD, ATTACK).sections())
                    .extracting(s -> s.kind())
                    .containsExactly(Verdict.ATTACK, Verdict.UNUSUAL);
            assertThat(c.verdict(0)).isEqualTo(Verdict.IGNORED);
            assertThat(c.rule(0).category()).isEqualTo(Category.CRACKING_IGNORE);
            assertThat(c.verdict(3)).isEqualTo(Verdict.ATTACK);
            assertThat(c.counts()).isEqualTo(new VerdictCounts(1, 0, 1, 2));
            assertThat(violations.stale()).isTrue();
            assertThat(new Navigation(c).nextLine(-1, EnumSet.of(Verdict.VIOLATION))).isEqualTo(-1);
        }
    }

    @Test
    void followedSourceMarkersHaveNoVerdictAndTheAttackFlagSpansTheRun() throws Exception {
        Path path = dir.resolve("followed");
        Files.writeString(path, "");
        try (FollowedSource followed = FollowedSource.follow(path, 0)) {
            ClassifiedSource c = new ClassifiedSource(followed, classifier, 2);
            followed.line(BOTH.getBytes(StandardCharsets.ISO_8859_1));
            followed.line(ODD.getBytes(StandardCharsets.ISO_8859_1));
            c.classify(Progress.NONE, () -> false);
            assertThat(c.verdict(0)).isEqualTo(Verdict.VIOLATION);

            followed.event(new FollowEvent(FollowEvent.Kind.ROTATED, path, "syslog was rotated"));
            followed.line(ATTACK.getBytes(StandardCharsets.ISO_8859_1));
            c.classify(Progress.NONE, () -> false);

            assertThat(c.classifiedCount()).isEqualTo(4);
            assertThat(c.verdict(2)).isNull();
            assertThat(c.rule(2)).isNull();
            assertThat(c.verdict(0)).isEqualTo(Verdict.IGNORED);
            assertThat(c.verdict(3)).isEqualTo(Verdict.ATTACK);
            assertThat(c.counts().total()).isEqualTo(3);
            Navigation nav = new Navigation(c);
            assertThat(nav.nextLine(0, Navigation.REPORTABLE)).isEqualTo(1);
            assertThat(nav.nextLine(1, Navigation.REPORTABLE)).isEqualTo(3);
            FilteredView hideIgnored =
                    new FilteredView(
                            c, LineFilter.ALL.withIgnoredHidden(true), SourceClock.of(followed), 1);
            hideIgnored.extend(Progress.NONE, () -> false);
            assertThat(List.of(hideIgnored.lineAt(0), hideIgnored.lineAt(1), hideIgnored.lineAt(2)))
                    .containsExactly(1L, 2L, 3L); // the marker stays visible
        }
    }
}
