package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.ui.events.VerdictStyle;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Details view's defects found by trying it (a placeholder with the last verdict's badge, the
 * old line after Ctrl+Home, a "No further attack line." that outlived a later jump) and the empty
 * states of the tables (an empty file, a filter without match, a dnscache log open elsewhere).
 */
@ExtendWith(ApplicationExtension.class)
class DetailsAndEmptyStatesTest {
    @TempDir Path temp;
    private WorkbenchViewModel model;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws IOException {
        model =
                new WorkbenchViewModel(
                        new FakeDialogs(),
                        new RecentFiles(Files.createTempDirectory("logsentry-config")));
        window = new WorkbenchWindow(stage, model);
        stage.show();
    }

    @AfterEach
    void closeModel(FxRobot robot) {
        robot.interact(() -> model.close());
    }

    @Test
    void detailsFollowCtrlHomeDropTheOldBadgeAndJumpsReplaceTheirMessage(FxRobot robot)
            throws Exception {
        Path log = copy("/dev/logsentry/samples/syslog/syslog", "syslog");
        robot.interact(() -> model.open(List.of(log)));
        Fx.waitUntil(() -> model.events().classifyProgressProperty().get() >= 1);
        int rows = Fx.onFx(() -> window.events().table().getItems().size());
        Label verdict = robot.lookup("#detailsVerdict").queryAs(Label.class);

        // the last line, then Ctrl+Alt+A past the last attack: "No further attack line."
        robot.clickOn(window.events().table());
        robot.interact(() -> window.events().table().getSelectionModel().clearAndSelect(rows - 1));
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.A)
                .release(KeyCode.A, KeyCode.ALT, KeyCode.CONTROL);
        Fx.waitUntil(() -> model.statusProperty().get().startsWith("No further attack"));

        // Ctrl+Home selects line 1, and the details show it
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        Fx.waitUntil(() -> selected() == 0);
        Fx.waitUntil(() -> detailsText().contains("line 1 "));

        // a later jump that succeeds replaces the message
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.A)
                .release(KeyCode.A, KeyCode.ALT, KeyCode.CONTROL);
        Fx.waitUntil(() -> selected() > 0);
        Fx.waitUntil(() -> !model.statusProperty().get().startsWith("No further"));
        Fx.waitUntil(
                () -> verdict.getStyleClass().contains(VerdictStyle.styleClass(Verdict.ATTACK)));

        // nothing selected: the hint, without the attack's badge
        robot.interact(() -> window.events().table().getSelectionModel().clearSelection());
        Fx.waitUntil(() -> verdict.getText().startsWith("Select a line"));
        assertThat(verdict.getStyleClass()).doesNotContainAnyElementsOf(VerdictStyle.ALL_CLASSES);
    }

    @Test
    void anEmptyFileAndAFilterWithoutMatchSaySo(FxRobot robot) throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.log"), "");
        robot.interact(() -> model.open(List.of(empty)));
        Fx.waitUntil(() -> placeholder().contains("empty.log is empty"));

        Path log = Files.writeString(temp.resolve("two.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> model.open(List.of(log)));
        Fx.waitUntil(() -> window.events().table().getItems().size() == 1);
        robot.clickOn("#quickFilter").write("nothing-like-this");
        Fx.waitUntil(() -> window.events().table().getItems().isEmpty());
        Fx.waitUntil(() -> placeholder().contains("No line of two.log matches the filter"));
        assertThat(placeholder()).doesNotContain("Open a log");
    }

    @Test
    void aDnscacheLogOpenButNotSelectedIsNotCalledMissing(FxRobot robot) throws Exception {
        Path dns = copy("/dev/logsentry/samples/dnscache/current", "current");
        Path sys = Files.writeString(temp.resolve("sys.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> model.open(List.of(dns, sys)));
        Fx.waitUntil(() -> model.sources().size() == 2 && !model.dns().openLogs().isEmpty());
        SourceItem syslog =
                model.sources().stream().filter(s -> !s.isDnscache()).findFirst().orElseThrow();
        robot.interact(() -> model.selectedProperty().set(syslog));
        robot.clickOn("#perspectiveDNS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.selectedProperty().set(syslog));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown =
                Fx.onFx(
                        () ->
                                robot
                                        .lookup(n -> n instanceof Labeled l && l.getText() != null)
                                        .queryAll()
                                        .stream()
                                        .filter(Node::isVisible)
                                        .filter(n -> n.getScene() != null)
                                        .map(n -> ((Labeled) n).getText())
                                        .toList());
        assertThat(shown).noneMatch(t -> t.contains("No dnscache log"));
        assertThat(shown).noneMatch(t -> t.contains("No content in table"));
    }

    @Test
    void switchingToDnsWithASyslogSelectedShowsTheOpenDnscacheLog(FxRobot robot) throws Exception {
        Path sys = Files.writeString(temp.resolve("sys.log"), "Dec  4 10:00:00 h a: one\n");
        Path dns = copy("/dev/logsentry/samples/dnscache/current", "current");
        robot.interact(() -> model.open(List.of(sys, dns)));
        Fx.waitUntil(() -> model.sources().size() == 2 && !model.dns().openLogs().isEmpty());
        SourceItem syslog =
                model.sources().stream().filter(s -> !s.isDnscache()).findFirst().orElseThrow();
        robot.interact(() -> model.selectedProperty().set(syslog));
        robot.clickOn("#perspectiveEVENTS");
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N)
                .release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Fx.waitUntil(() -> model.selectedProperty().get().isDnscache());
        Fx.waitUntil(() -> model.dns().analysisProperty().get() != null);
        assertThat(window.perspectiveProperty().get()).isEqualTo(Perspective.DNS);
    }

    @Test
    void aBigFollowedLogsSourcesEntryAndTheSourceHeaderAreNotCut(FxRobot robot) throws Exception {
        Path big = temp.resolve("big.log");
        Files.writeString(big, "x\n".repeat(1_929_840));
        robot.interact(() -> model.open(List.of(big)));
        Fx.waitUntil(
                () ->
                        !model.sources().isEmpty()
                                && model.sources().get(0).stateProperty().get()
                                        == SourceItem.State.READY);
        robot.interact(() -> model.toggleFollow());
        robot.clickOn("#perspectiveDNS");
        WaitForAsyncUtils.waitForFxEvents();

        Label details = robot.lookup(".source-details").queryAs(Label.class);
        Fx.waitUntil(() -> details.getText().contains("1,929,840 lines \u00b7 following"));
        assertThat(Fx.onFx(() -> shownText(details))).isEqualTo(details.getText());
        assertThat(Fx.onFx(() -> details.localToScene(details.getBoundsInLocal()).getMaxX()))
                .as("the entry ends inside the Sources list, not past its edge")
                .isLessThanOrEqualTo(
                        Fx.onFx(
                                () ->
                                        window.sourcesList()
                                                .localToScene(
                                                        window.sourcesList().getBoundsInLocal())
                                                .getMaxX()));

        robot.clickOn("#perspectiveEVENTS");
        WaitForAsyncUtils.waitForFxEvents();
        Node header = robot.lookup(".column-header").match(n -> "source".equals(n.getId())).query();
        Label title = robot.from(header).lookup(".label").queryAs(Label.class);
        assertThat(Fx.onFx(() -> shownText(title))).isEqualTo("Source");
    }

    /** The text a label draws: its own, or less when it is cut (an ellipsis, lines dropped). */
    private static String shownText(Labeled label) {
        label.applyCss();
        label.layout();
        return label.lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText())
                .findFirst()
                .orElse("");
    }

    private String placeholder() throws Exception {
        return Fx.onFx(() -> window.events().table().emptyText());
    }

    private int selected() throws Exception {
        return Fx.onFx(() -> window.events().table().getSelectionModel().getSelectedIndex());
    }

    private String detailsText() throws Exception {
        return Fx.onFx(
                () -> {
                    StringBuilder b = new StringBuilder();
                    collect(window.events().details(), b);
                    return b.toString();
                });
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Label l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, b));
        }
    }

    private Path copy(String resource, String name) throws IOException {
        Path p = temp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }
}
