package dev.logsentry.ui.ruleedit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.health.HealthFinding;
import dev.logsentry.core.rules.Level;
import dev.logsentry.testkit.FakeDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The test pane, the health view's links and the read-only editor. */
@ExtendWith(ApplicationExtension.class)
class RuleEditorViewsTest {
    @TempDir Path root;
    private final FakeDialogs dialogs = new FakeDialogs();
    private RuleEditorParts parts;
    private BorderPane pane;

    @Start
    void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        Files.createDirectories(root.resolve("ignore.d.server"));
        Files.writeString(
                root.resolve("ignore.d.server/sshd"), "# keys\n" + RuleEditorTest.ALICE + "\n");
        Files.writeString(root.resolve("ignore.d.server/never"), "# old\n^never matches$\n");
        List<InputLine> in = new ArrayList<>();
        RuleEditorTest.LOG.forEach(t -> in.add(InputLine.ofText("log", -1, t)));
        CheckLines lines = CheckLines.of(in, Profile.LOGCHECK_1_4);
        RuleWorkspace ws =
                new RuleWorkspace(
                        root,
                        null,
                        Level.SERVER,
                        CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(1),
                        () -> lines);
        pane = new BorderPane();
        parts =
                new RuleEditorParts(
                        ws,
                        dialogs,
                        new RuleEditorParts.Host((i, n) -> pane.setCenter(n), id -> {}, l -> {}),
                        Platform::runLater,
                        10);
        pane.setRight(parts.testView());
        pane.setBottom(parts.healthView());
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
    }

    @Test
    void theTestPaneShowsTheVerdictAndRulesInBothFormats(FxRobot robot) throws Exception {
        robot.interact(() -> parts.testLine(RuleEditorTest.LOG.get(0)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> parts.test().forms().size() == 2);
        LineTestViewModel.Form classic = parts.test().forms().get(0);
        LineTestViewModel.Form iso = parts.test().forms().get(1);
        assertThat(classic.format()).isEqualTo("classic syslog");
        assertThat(classic.verdict()).isEqualTo("ignored");
        assertThat(classic.decidedBy()).endsWith("ignore.d.server/sshd:2");
        assertThat(iso.format()).isEqualTo("RFC 3339");
        assertThat(iso.line()).contains("T10:00:01");
        assertThat(iso.matching()).hasSize(1); // the shipped two-format prefix covers both
        robot.interact(() -> parts.testLine(RuleEditorTest.LOG.get(3)));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> parts.test().forms().get(0).verdict().equals("reported"));
        assertThat(parts.test().forms().get(0).matching()).isEmpty();
    }

    @Test
    void aHealthFindingOpensItsRuleInTheEditor(FxRobot robot) throws Exception {
        robot.clickOn("#healthCheck");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !parts.health().findings().isEmpty());
        HealthFinding never =
                parts.health().findings().stream()
                        .filter(f -> f.file().endsWith("never"))
                        .findFirst()
                        .orElseThrow();
        assertThat(never.kind()).isEqualTo(HealthFinding.Kind.MATCHES_NOTHING);
        robot.interact(() -> parts.health().open(never));
        assertThat(pane.getCenter()).isInstanceOf(RuleFileEditorView.class);
        RuleFileEditorView editor = (RuleFileEditorView) pane.getCenter();
        assertThat(editor.model().draftProperty().get()).isEqualTo("^never matches$");
        assertThat(editor.model().selectedProperty().get()).isEqualTo(1);
    }

    @Test
    void aFileThisUserCannotReplaceOpensReadOnlyWithTheReason(FxRobot robot) throws Exception {
        Path file = root.resolve("ignore.d.server/sshd");
        boolean isRoot = "root".equals(System.getProperty("user.name"));
        if (isRoot) {
            Files.setAttribute(file, "unix:uid", 65534); // another user's file
        } else {
            file.getParent().toFile().setWritable(false);
        }
        try {
            robot.interact(() -> parts.openFile(file));
            Label banner = robot.lookup("#ruleReadOnly").queryAs(Label.class);
            assertThat(banner.getText()).startsWith("Read-only: ").contains(file.toString());
            assertThat(banner.getText()).contains("overlay");
            Path overlay = root.resolve("mine");
            dialogs.answers.add(overlay);
            dialogs.answers.add(Boolean.TRUE);
            RuleFileEditorView editor = (RuleFileEditorView) pane.getCenter();
            robot.interact(() -> editor.model().draftProperty().set("^edited$"));
            robot.clickOn("#ruleSaveOverlay");
            assertThat(Files.readString(overlay.resolve("ignore.d.server/sshd")))
                    .isEqualTo("# keys\n^edited$\n");
            assertThat(Files.readString(file)).contains("alice");
        } finally {
            file.getParent().toFile().setWritable(true);
        }
    }

    @Test
    void registerAddsTheViewsToTheRulesPerspectiveAndOpensEditorsThroughTheHost(FxRobot robot)
            throws Exception {
        dev.logsentry.ui.dock.ViewRegistry views = new dev.logsentry.ui.dock.ViewRegistry();
        List<dev.logsentry.ui.dock.EditorInput> opened = new ArrayList<>();
        List<String> shownViews = new ArrayList<>();
        RuleEditorParts registered =
                RuleEditorParts.register(
                        views,
                        parts.workspace(),
                        dialogs,
                        new RuleEditorParts.Host(
                                (input, node) -> opened.add(input), shownViews::add, l -> {}));
        assertThat(views.in(dev.logsentry.ui.dock.StandardPerspectives.RULES, "bottom"))
                .extracting(dev.logsentry.ui.dock.ViewDescriptor::id)
                .containsExactly(RuleEditorParts.PREVIEW, RuleEditorParts.HEALTH);
        assertThat(views.in(dev.logsentry.ui.dock.StandardPerspectives.RULES, RuleEditorParts.SIDE))
                .extracting(dev.logsentry.ui.dock.ViewDescriptor::id)
                .containsExactly(RuleEditorParts.IGNORE, RuleEditorParts.TEST);
        robot.interact(
                () -> {
                    views.all().forEach(v -> assertThat(v.factory().get()).isNotNull());
                    registered.openRule(root.resolve("ignore.d.server/never"), 2);
                });
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).id()).startsWith(RuleEditorParts.EDITOR_PREFIX);
        assertThat(opened.get(0).title()).isEqualTo("ignore.d.server/never");
        assertThat(shownViews).contains(RuleEditorParts.PREVIEW);
    }
}
