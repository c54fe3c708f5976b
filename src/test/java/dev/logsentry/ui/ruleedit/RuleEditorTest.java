package dev.logsentry.ui.ruleedit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Level;
import dev.logsentry.testkit.FakeDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pattern editor on a small tree and log: preview, ignore-a-line, save with diff, undo, guard.
 */
@ExtendWith(ApplicationExtension.class)
class RuleEditorTest {
    static final String H = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";
    static final String ALICE =
            H + "sshd\\[[0-9]+\\]: Accepted publickey for alice from [0-9.]+ port [0-9]+ ssh2$";
    static final List<String> LOG =
            List.of(
                    "Dec  4 10:00:01 gw sshd[10]: Accepted publickey for alice from 192.0.2.1 port 5000 ssh2",
                    "Dec  4 10:00:02 gw sshd[11]: Accepted publickey for bob from 192.0.2.2 port 5001 ssh2",
                    "Dec  4 10:00:03 gw sshd[12]: Invalid user admin from 198.51.100.9 port 22",
                    "Dec  4 10:00:08 gw ntpd[15]: time reset +0.1 s",
                    "a".repeat(60) + "c");

    @TempDir Path root;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<List<Integer>> shown = new CopyOnWriteArrayList<>();
    private RuleEditorParts parts;
    private BorderPane pane;

    @Start
    void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        write("violations.d/sshd", H + "sshd\\[[0-9]+\\]: Invalid user\n");
        write("ignore.d.server/sshd", "# accepted keys\n" + ALICE + "\n");
        List<InputLine> in = new ArrayList<>();
        LOG.forEach(t -> in.add(InputLine.ofText("log", -1, t)));
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
                        new RuleEditorParts.Host(
                                (input, node) -> pane.setCenter(node), id -> {}, shown::add),
                        Platform::runLater,
                        10);
        pane.setBottom(parts.previewView());
        pane.setRight(parts.ignoreView());
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
    }

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private RuleFileEditorView open(FxRobot robot, String rel) {
        RuleFileEditorView[] v = new RuleFileEditorView[1];
        robot.interact(() -> v[0] = parts.openFile(root.resolve(rel)));
        return v[0];
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private boolean changed(int line, Verdict after) {
        return parts.preview().changes().stream()
                .anyMatch(c -> c.index() == line && c.after() == after);
    }

    @Test
    void editingARuleChangesThePreview(FxRobot robot) throws Exception {
        RuleFileEditorView editor = open(robot, "ignore.d.server/sshd");
        waitUntil(() -> parts.preview().countProperty().get() == 1);
        assertThat(robot.lookup("#previewCount").queryAs(Label.class).getText())
                .isEqualTo("1 matching line");
        robot.interact(() -> editor.model().draftProperty().set(ALICE.replace("alice", "[a-z]+")));
        waitUntil(() -> parts.preview().countProperty().get() == 2 && changed(1, Verdict.IGNORED));
        assertThat(parts.preview().summaryProperty().get()).startsWith("1 newly ignored");
        assertThat(parts.preview().matches().get(1).spans()).isNotEmpty();
        robot.interact(() -> editor.model().draftProperty().set(ALICE + "(")); // broken regex
        waitUntil(() -> parts.preview().messageProperty().get().contains("grep -E rejects"));
        assertThat(editor.model().validationProperty().get().compiles()).isFalse();
    }

    @Test
    void beforeALineIsChosenTheIgnoreViewSaysOnlyHowToChooseOne(FxRobot robot) throws Exception {
        assertThat(shown(robot, "#ignoreHint")).isTrue();
        assertThat(shown(robot, "#ignoreAdd")).isFalse();
        assertThat(shown(robot, "#ignoreParts")).isFalse();
        robot.interact(() -> parts.ignoreLinesLike(LOG.get(3), Verdict.UNUSUAL));
        waitUntil(() -> shown(robot, "#ignoreAdd"));
        assertThat(shown(robot, "#ignoreHint")).isFalse();
        assertThat(shown(robot, "#ignoreParts")).isTrue();
    }

    /** Whether the node and every parent of it are visible. */
    private static boolean shown(FxRobot robot, String id) {
        for (javafx.scene.Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anIgnoreRuleFromALineIgnoresIt(FxRobot robot) throws Exception {
        robot.interact(() -> parts.ignoreLinesLike(LOG.get(3), Verdict.UNUSUAL));
        waitUntil(
                () -> parts.ignore().thisLineProperty().get().contains("reported \u2192 ignored"));
        assertThat(parts.ignore().fileProperty().get())
                .isEqualTo(root.resolve("ignore.d.server/local-ntpd"));
        robot.clickOn("#ignoreAdd");
        waitUntil(() -> changed(3, Verdict.IGNORED));
        assertThat(parts.preview().changes()).hasSize(1);
        assertThat(parts.workspace().document(root.resolve("ignore.d.server/local-ntpd")).texts())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("# sample: ");
    }

    @Test
    void saveShowsTheDiffAndKeepsComments(FxRobot robot) throws Exception {
        RuleFileEditorView editor = open(robot, "ignore.d.server/sshd");
        String bob = ALICE.replace("alice", "bob");
        robot.interact(() -> editor.model().draftProperty().set(bob));
        dialogs.answers.add(Boolean.TRUE);
        robot.clickOn("#ruleField")
                .press(KeyCode.CONTROL, KeyCode.S)
                .release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirmed).hasSize(1);
        assertThat(dialogs.confirmed.get(0)).contains("-" + ALICE).contains("+" + bob);
        assertThat(Files.readString(root.resolve("ignore.d.server/sshd")))
                .isEqualTo("# accepted keys\n" + bob + "\n");
        assertThat(editor.model().modifiedProperty().get()).isFalse();
    }

    @Test
    void undoRestoresTheRuleAndRedoReappliesIt(FxRobot robot) throws Exception {
        RuleFileEditorView editor = open(robot, "ignore.d.server/sshd");
        robot.interact(() -> editor.model().draftProperty().set("^changed$"));
        robot.clickOn("#ruleField").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(editor.model().modifiedProperty().get()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.model().draftProperty().get()).isEqualTo(ALICE);
        assertThat(editor.model().modifiedProperty().get()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.model().draftProperty().get()).isEqualTo("^changed$");
        dialogs.answers.add(Boolean.FALSE);
        robot.interact(() -> assertThat(parts.confirmCloseAll()).isFalse());
        assertThat(dialogs.asked).contains("Unsaved changes");
    }

    @Test
    void aPathologicalRuleIsStoppedAndNamedInItsEditor(FxRobot robot) throws Exception {
        RuleFileEditorView editor = open(robot, "ignore.d.server/sshd");
        robot.interact(() -> editor.model().draftProperty().set("^(a|aa)+\\1b$"));
        waitUntil(() -> editor.model().budgetProperty().get() != null);
        Label budget = robot.lookup("#ruleBudget").queryAs(Label.class);
        assertThat(budget.isVisible()).isTrue();
        assertThat(budget.getText()).contains("ignore.d.server/sshd:2");
        assertThat(parts.preview().messageProperty().get()).contains("time budget");
    }
}
