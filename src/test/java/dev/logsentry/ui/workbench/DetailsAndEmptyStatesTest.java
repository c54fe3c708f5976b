package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Details view's defects found by trying it (a placeholder with the last verdict's badge, the
 * old line after Ctrl+Home, a "No further attack line." that outlived a later jump) and the empty
 * states of the tables (an empty file, a filter without match, a dnscache log open elsewhere).
 */
@ExtendWith(ApplicationExtension.class)
class DetailsAndEmptyStatesTest {
    @TempDir Path temp;

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void detailsFollowCtrlHomeDropTheOldBadgeAndJumpsReplaceTheirMessage(FxRobot robot)
            throws Exception {
        Path log = copy("/dev/logsentry/samples/syslog/syslog", "syslog");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.model().events().classifyProgressProperty().get() >= 1);
        int rows = Fx.onFx(() -> wb.window().events().table().getItems().size());
        Label verdict = robot.lookup("#detailsVerdict").queryAs(Label.class);

        // the last line, then Ctrl+Alt+A past the last attack: "No further attack line."
        robot.clickOn(wb.window().events().table());
        robot.interact(
                () -> wb.window().events().table().getSelectionModel().clearAndSelect(rows - 1));
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.A)
                .release(KeyCode.A, KeyCode.ALT, KeyCode.CONTROL);
        Fx.waitUntil(() -> wb.model().statusProperty().get().startsWith("No further attack"));

        // Ctrl+Home selects line 1, and the details show it
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        Fx.waitUntil(() -> selected() == 0);
        Fx.waitUntil(() -> detailsText().contains("line 1 "));

        // a later jump that succeeds replaces the message
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.A)
                .release(KeyCode.A, KeyCode.ALT, KeyCode.CONTROL);
        Fx.waitUntil(() -> selected() > 0);
        Fx.waitUntil(() -> !wb.model().statusProperty().get().startsWith("No further"));
        Fx.waitUntil(
                () -> verdict.getStyleClass().contains(VerdictStyle.styleClass(Verdict.ATTACK)));

        // nothing selected: the hint, without the attack's badge
        robot.interact(() -> wb.window().events().table().getSelectionModel().clearSelection());
        Fx.waitUntil(() -> verdict.getText().startsWith("Select a line"));
        assertThat(verdict.getStyleClass()).doesNotContainAnyElementsOf(VerdictStyle.ALL_CLASSES);
    }

    @Test
    void anEmptyFileAndAFilterWithoutMatchSaySo(FxRobot robot) throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.log"), "");
        robot.interact(() -> wb.model().open(List.of(empty)));
        Fx.waitUntil(() -> placeholder().contains("empty.log is empty"));

        Path log = Files.writeString(temp.resolve("two.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
        robot.clickOn("#quickFilter").write("nothing-like-this");
        Fx.waitUntil(() -> wb.window().events().table().getItems().isEmpty());
        Fx.waitUntil(() -> placeholder().contains("No line of two.log matches the filter"));
        assertThat(placeholder()).doesNotContain("Open a log");
    }

    @Test
    void aDnscacheLogOpenButNotSelectedIsNotCalledMissing(FxRobot robot) throws Exception {
        Path dns = copy("/dev/logsentry/samples/dnscache/current", "current");
        Path sys = Files.writeString(temp.resolve("sys.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> wb.model().open(List.of(dns, sys)));
        Fx.waitUntil(
                () -> wb.model().sources().size() == 2 && !wb.model().dns().openLogs().isEmpty());
        SourceItem syslog =
                wb.model().sources().stream()
                        .filter(s -> !s.isDnscache())
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> wb.model().selectedProperty().set(syslog));
        robot.clickOn("#perspectiveDNS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> wb.model().selectedProperty().set(syslog));
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
        robot.interact(() -> wb.model().open(List.of(sys, dns)));
        Fx.waitUntil(
                () -> wb.model().sources().size() == 2 && !wb.model().dns().openLogs().isEmpty());
        SourceItem syslog =
                wb.model().sources().stream()
                        .filter(s -> !s.isDnscache())
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> wb.model().selectedProperty().set(syslog));
        robot.clickOn("#perspectiveEVENTS");
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N)
                .release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Fx.waitUntil(() -> wb.model().selectedProperty().get().isDnscache());
        Fx.waitUntil(() -> wb.model().dns().analysisProperty().get() != null);
        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.DNS);
    }

    @Test
    void aBigFollowedLogsSourcesEntryAndTheSourceHeaderAreNotCut(FxRobot robot) throws Exception {
        Path big = temp.resolve("big.log");
        Files.writeString(big, "x\n".repeat(1_929_840));
        robot.interact(() -> wb.model().open(List.of(big)));
        Fx.waitUntil(
                () ->
                        !wb.model().sources().isEmpty()
                                && wb.model().sources().get(0).stateProperty().get()
                                        == SourceItem.State.READY);
        robot.interact(() -> wb.model().toggleFollow());
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
                                        wb.window()
                                                .sourcesList()
                                                .localToScene(
                                                        wb.window()
                                                                .sourcesList()
                                                                .getBoundsInLocal())
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
        return Fx.onFx(() -> wb.window().events().table().emptyText());
    }

    private int selected() throws Exception {
        return Fx.onFx(() -> wb.window().events().table().getSelectionModel().getSelectedIndex());
    }

    private String detailsText() throws Exception {
        return Fx.onFx(
                () -> {
                    StringBuilder b = new StringBuilder();
                    collect(wb.window().events().details(), b);
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
