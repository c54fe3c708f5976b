package dev.logsentry.ui.events;

import static dev.logsentry.testkit.Fx.onFx;
import static dev.logsentry.testkit.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.workbench.Perspective;
import dev.logsentry.ui.workbench.RecentFiles;
import dev.logsentry.ui.workbench.Theme;
import dev.logsentry.ui.workbench.WorkbenchViewModel;
import dev.logsentry.ui.workbench.WorkbenchWindow;
import dev.logsentry.ui.workbench.WorkspaceState;
import dev.logsentry.ui.workbench.WorkspaceStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Events perspective on the bundled syslog sample, judged by Debian's logcheck rules. */
@ExtendWith(ApplicationExtension.class)
class EventsPerspectiveTest {
    private static final Path RULES = Path.of("/etc/logcheck");

    @TempDir Path temp;

    @RegisterExtension
    final WorkbenchFixture wb =
            new WorkbenchFixture(
                    recent -> {
                        WorkbenchViewModel m = new WorkbenchViewModel(new FakeDialogs(), recent);
                        if (Files.isDirectory(RULES.resolve("cracking.d"))) {
                            m.events().rules().rulesDirectoryProperty().set(RULES.toString());
                        }
                        return m;
                    });

    @Test
    void rowsCarryTheStyleClassOfTheirVerdict(FxRobot robot) throws Exception {
        ClassifiedSource c = openSampleAndWaitForVerdicts(robot);
        // on a loaded machine the refreshed rows may take another pulse to get their items
        waitUntil(
                () ->
                        robot.lookup(".log-table .table-row-cell").queryAll().stream()
                                .anyMatch(r -> ((TableRow<?>) r).getItem() != null));
        List<javafx.scene.Node> rows =
                onFx(
                        () ->
                                robot.lookup(".log-table .table-row-cell").queryAll().stream()
                                        .filter(r -> ((TableRow<?>) r).getItem() != null)
                                        .toList());
        assertThat(rows).isNotEmpty();
        for (javafx.scene.Node node : rows) {
            TableRow<?> row = (TableRow<?>) node;
            LogRow item = (LogRow) row.getItem();
            Verdict v = c.verdict(item.line());
            assertThat(row.getStyleClass())
                    .as("row of line %d", item.number())
                    .contains(VerdictStyle.styleClass(v));
        }
        assertThat(onFx(() -> robot.lookup("#verdictCounts").queryAs(Label.class).getText()))
                .contains(String.format("Attack %,d", c.counts().attack()))
                .contains(String.format("Ignored %,d", c.counts().ignored()));
    }

    @Test
    void detailsPaneNamesTheRuleThatDecided(FxRobot robot) throws Exception {
        ClassifiedSource c = openSampleAndWaitForVerdicts(robot);
        long attack = firstLineWith(c, Verdict.ATTACK);
        assumeTrue(attack >= 0, "the rules in use flag no attack in the sample");

        robot.interact(() -> wb.window().events().table().reveal(attack));
        waitUntil(
                () ->
                        robot.lookup("#detailsRule")
                                .queryAs(javafx.scene.control.Hyperlink.class)
                                .getText()
                                .contains(c.rule(attack).file().toString()));

        String link =
                onFx(
                        () ->
                                robot.lookup("#detailsRule")
                                        .queryAs(javafx.scene.control.Hyperlink.class)
                                        .getText());
        assertThat(link)
                .contains("cracking.d")
                .contains(c.rule(attack).file() + ":" + c.rule(attack).line());
        assertThat(onFx(() -> robot.lookup("#detailsVerdict").queryAs(Label.class).getText()))
                .isEqualTo("Attack");
        assertThat(onFx(() -> robot.lookup("#detailsRegex").queryAs(Label.class).getText()))
                .isEqualTo(c.rule(attack).source());

        robot.interact(
                () ->
                        robot.lookup("#detailsRule")
                                .queryAs(javafx.scene.control.Hyperlink.class)
                                .fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.RULES);
        Object selected =
                wb.window().rules().tree().getSelectionModel().getSelectedItem().getValue();
        assertThat(selected).isEqualTo(c.rule(attack));
    }

    @Test
    void verdictFilterShowsOnlyTheChosenVerdicts(FxRobot robot) throws Exception {
        ClassifiedSource c = openSampleAndWaitForVerdicts(robot);
        long reportable = c.counts().reportable();

        robot.interact(
                () ->
                        robot.lookup("#verdictFilterIGNORED")
                                .queryAs(javafx.scene.control.ToggleButton.class)
                                .fire());
        waitUntil(() -> wb.window().events().table().getItems().size() == reportable);

        assertThat(wb.window().events().table().getItems())
                .allSatisfy(r -> assertThat(c.verdict(r.line())).isNotEqualTo(Verdict.IGNORED));
        assertThat(wb.model().events().hideIgnoredProperty().get()).isTrue();

        robot.interact(
                () ->
                        robot.lookup("#verdictFilterIGNORED")
                                .queryAs(javafx.scene.control.ToggleButton.class)
                                .fire());
        waitUntil(() -> wb.window().events().table().getItems().size() == c.source().lineCount());
    }

    @Test
    void jumpsGoToTheNextAttack(FxRobot robot) throws Exception {
        ClassifiedSource c = openSampleAndWaitForVerdicts(robot);
        long first = firstLineWith(c, Verdict.ATTACK);
        assumeTrue(first >= 0, "the rules in use flag no attack in the sample");

        robot.interact(() -> wb.model().events().jump(Verdict.ATTACK, true));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wb.window().events().table().getSelectionModel().getSelectedItem().line())
                .isEqualTo(first);
    }

    @Test
    void layoutIsSavedAndRestored(FxRobot robot) throws Exception {
        robot.interact(
                () -> {
                    TableColumn<LogRow, ?> host = column("host");
                    host.setPrefWidth(171);
                    wb.window().events().table().getColumns().remove(host);
                    wb.window().events().table().getColumns().add(0, host);
                    column("program").setVisible(false);
                    wb.model().events().hideIgnoredProperty().set(true);
                    wb.window().perspectiveProperty().set(Perspective.RULES);
                });
        WaitForAsyncUtils.waitForFxEvents();
        WorkspaceStore store = new WorkspaceStore(temp);
        WorkspaceState[] saved = new WorkspaceState[1];
        robot.interact(() -> saved[0] = wb.window().capture());
        assertThat(store.save(saved[0])).isTrue();

        WorkspaceState loaded = store.load();
        WorkbenchWindow[] second = new WorkbenchWindow[1];
        WorkbenchViewModel[] secondModel = new WorkbenchViewModel[1];
        robot.interact(
                () -> {
                    try {
                        secondModel[0] =
                                new WorkbenchViewModel(
                                        new FakeDialogs(),
                                        new RecentFiles(
                                                Files.createTempDirectory("logsentry-config")));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    second[0] = new WorkbenchWindow(new Stage(), secondModel[0]);
                    second[0].apply(loaded);
                });
        try {
            var columns = second[0].events().table().getColumns();
            assertThat(columns.get(0).getId()).isEqualTo("host");
            assertThat(columns.get(0).getPrefWidth()).isEqualTo(column("host").getWidth());
            assertThat(
                            columns.stream()
                                    .filter(c -> c.getId().equals("program"))
                                    .findFirst()
                                    .orElseThrow()
                                    .isVisible())
                    .isFalse();
            assertThat(secondModel[0].events().hideIgnoredProperty().get()).isTrue();
            assertThat(second[0].perspectiveProperty().get()).isEqualTo(Perspective.RULES);
            assertThat(loaded.theme()).isEqualTo(Theme.LIGHT);
        } finally {
            robot.interact(() -> secondModel[0].close());
        }
    }

    private TableColumn<LogRow, ?> column(String id) {
        return wb.window().events().table().getColumns().stream()
                .filter(c -> id.equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }

    private static long firstLineWith(ClassifiedSource c, Verdict v) {
        for (long i = 0; i < c.classifiedCount(); i++) {
            if (c.verdict(i) == v) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aClickedRowKeepsItsLogTheActivePartAndCtrlMMaximisesThatLog(FxRobot robot)
            throws Exception {
        assumeTrue(
                Files.isDirectory(RULES.resolve("cracking.d")),
                "Debian's logcheck rules are not installed (.ci/run installs them)");
        openSampleAndWaitForVerdicts(robot);
        // a line matched by several rules: the Details view lists the others, and its list used
        // to mark a cell focused, which activated Details instead of the log that was clicked
        robot.clickOn(
                robot.lookup(".log-table .table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        String log = onFx(() -> wb.window().dock().selection().activeEditorProperty().get().id());
        assertThat(onFx(() -> wb.window().dock().selection().activePartProperty().get()))
                .isEqualTo(log);

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(
                        onFx(
                                () ->
                                        robot
                                                .lookup(
                                                        n ->
                                                                n
                                                                        instanceof
                                                                        software.coley.bentofx
                                                                                .control.Header)
                                                .queryAll()
                                                .stream()
                                                .map(
                                                        h ->
                                                                ((software.coley.bentofx.control
                                                                                        .Header)
                                                                                h)
                                                                        .getDockable()
                                                                        .getIdentifier())
                                                .toList()))
                .as("the log's editor area alone")
                .containsExactly(log);
    }

    private ClassifiedSource openSampleAndWaitForVerdicts(FxRobot robot) throws Exception {
        Path sample = temp.resolve("syslog");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/syslog/syslog")) {
            Files.copy(in, sample);
        }
        long lines = Files.readAllLines(sample).size();
        robot.interact(() -> wb.window().openDropped(List.of(sample.toFile())));
        waitUntil(
                () -> {
                    ClassifiedSource c = wb.model().events().classifiedProperty().get();
                    return c != null
                            && c.classifiedCount() == lines
                            && c.upToDate()
                            && wb.window().events().table().getItems().size() == lines;
                });
        robot.interact(() -> wb.window().events().table().refresh());
        WaitForAsyncUtils.waitForFxEvents();
        return wb.model().events().classifiedProperty().get();
    }
}
