package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.dock.Job;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Defects of the workbench found by trying it as a new user: the binary-file banner, where file
 * choosers start, the Go to Line range and the progress bar's label.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDefectsTest {
    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(dialogs);

    private static void binary(Path file, String text) throws IOException {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = new byte[t.length + 3];
        System.arraycopy(t, 0, b, 0, t.length);
        b[t.length] = 0; // a NUL: looks binary
        b[t.length + 1] = (byte) 0xff; // not UTF-8
        b[t.length + 2] = '\n';
        Files.write(file, b);
    }

    @Test
    void aFolderOfBinariesGivesOneBannerWhoseButtonOpensThemWithEscapes(FxRobot robot)
            throws Exception {
        Path dir = Files.createDirectory(temp.resolve("bins"));
        binary(dir.resolve("a.bin"), "alpha");
        binary(dir.resolve("b.bin"), "beta");
        binary(dir.resolve("c.bin"), "gamma");

        robot.interact(() -> wb.model().open(List.of(dir)));

        Fx.waitUntil(
                () -> wb.model().messages().stream().anyMatch(m -> m.text().startsWith("3 files")));
        assertThat(wb.model().messages()).hasSize(1);
        UserMessage banner = wb.model().messages().get(0);
        assertThat(banner.text())
                .startsWith("3 files in " + dir.toAbsolutePath() + " look binary")
                .contains(": a.bin, b.bin, c.bin.");
        Button open =
                Fx.onFx(
                        () ->
                                robot
                                        .lookup("#messageBar .button")
                                        .queryAllAs(Button.class)
                                        .stream()
                                        .filter(b -> "Open All Anyway".equals(b.getText()))
                                        .findFirst()
                                        .orElseThrow());
        robot.interact(open::fire);

        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 3
                                && wb.model().sources().stream()
                                        .allMatch(
                                                s ->
                                                        s.stateProperty().get()
                                                                == SourceItem.State.READY));
        assertThat(wb.model().messages()).isEmpty();
        SourceItem a =
                wb.model().sources().stream()
                        .filter(s -> s.nameProperty().get().equals("a.bin"))
                        .findFirst()
                        .orElseThrow();
        assertThat(a.linesProperty().get().line(0)).isEqualTo("alpha\\x00\\xff");
    }

    @Test
    void oneBinaryFileGetsAnOpenAnywayButton(FxRobot robot) throws Exception {
        Path file = temp.resolve("one.bin");
        binary(file, "x");
        robot.interact(() -> wb.model().open(List.of(file)));
        Fx.waitUntil(() -> wb.model().messages().size() == 1);
        UserMessage banner = wb.model().messages().get(0);
        assertThat(banner.text()).contains("one.bin").contains("looks binary");
        assertThat(banner.actionText()).isEqualTo("Open Anyway");
        robot.interact(() -> banner.action().run());
        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 1
                                && wb.model().selectedProperty().get() != null);
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
        assertThat(wb.window().events().table().getItems().get(0).text()).isEqualTo("x\\x00\\xff");
    }

    @Test
    void choosersStartInTheSelectedLogsFolderElseTheLastUsedElseVarLog(FxRobot robot)
            throws Exception {
        robot.clickOn("#toolOpen");
        assertThat(dialogs.startFolders).last().isEqualTo(Path.of("/var/log"));

        Path logs = Files.createDirectory(temp.resolve("logs"));
        Path log = Files.writeString(logs.resolve("a.log"), "Dec  4 10:00:00 h a: one\n");
        dialogs.answers.add(List.of(log));
        robot.clickOn("#toolOpen");
        Fx.waitUntil(() -> wb.model().selectedProperty().get() != null);
        robot.clickOn("#toolOpen");
        assertThat(dialogs.startFolders).last().isEqualTo(logs);

        // closed: the last used folder is still where the next chooser starts
        robot.interact(() -> wb.model().closeSelected());
        Fx.waitUntil(() -> wb.model().sources().isEmpty());
        Fx.waitUntil(() -> !wb.model().recentPaths().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O)
                .release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(() -> dialogs.startFolders.size() == 4);
        assertThat(dialogs.startFolders).last().isEqualTo(logs);
    }

    @Test
    void goToLineNamesTheRealLastLine(FxRobot robot) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1234; i++) {
            text.append("Dec  4 10:00:00 h a: line ").append(i).append('\n');
        }
        Path log = Files.writeString(temp.resolve("a.log"), text);
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1234);
        dialogs.answers.add("1,000");
        robot.clickOn(wb.window().events().table());
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        Fx.waitUntil(() -> !dialogs.textHeaders.isEmpty());
        assertThat(dialogs.textHeaders.get(0)).contains("1 to 1,234");
        Fx.waitUntil(
                () -> {
                    var r = wb.window().events().table().getSelectionModel().getSelectedItem();
                    return r != null && r.number() == 1000;
                });
    }

    @Test
    void theProgressBarIsLabelledWithTheJobAndItsPercent(FxRobot robot) throws Exception {
        Label label = robot.lookup("#progressLabel").queryAs(Label.class);
        assertThat(label.getText()).isEmpty();
        Job[] job = new Job[1];
        robot.interact(() -> job[0] = wb.window().jobs().start("Indexing big.log", null));
        job[0].progress(42, 100);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.onFx(label::getText)).isEqualTo("Indexing big.log 42%");
        Job[] second = new Job[1];
        robot.interact(() -> second[0] = wb.window().jobs().start("Classifying big.log", null));
        Fx.waitUntil(() -> label.getText().startsWith("Classifying big.log"));
        assertThat(label.getText()).endsWith("(+1 more)");
        second[0].done();
        job[0].progress(77, 100);
        Fx.waitUntil(() -> label.getText().equals("Indexing big.log 77%"));
        job[0].done();
        Fx.waitUntil(() -> label.getText().isEmpty());
    }
}
