package dev.logsentry.ui.workbench;

import static dev.logsentry.testkit.ContextMenuRobot.fire;
import static dev.logsentry.testkit.ContextMenuRobot.item;
import static dev.logsentry.testkit.ContextMenuRobot.openAt;
import static dev.logsentry.testkit.ContextMenuRobot.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.common.FolderOpener;
import dev.logsentry.ui.events.LogRow;
import dev.logsentry.ui.sources.SourceItem;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeItem;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The context menus of the workbench, used as a person does: right-click a row, a source or a rule,
 * pick the item, see its effect (clipboard, filter, selection, dialog).
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchContextMenusTest {
    private static final String TWO_LINES =
            "Dec  4 10:00:00 alpha sshd[1]: one\n"
                    + "Dec  4 10:00:01 beta cron[2]: session opened for alice\n";

    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(dialogs);

    private void openTwoLines(FxRobot robot) throws Exception {
        Path log = Files.writeString(temp.resolve("a.log"), TWO_LINES);
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        Fx.waitUntil(() -> wb.model().events().classifiedProperty().get() != null);
        Fx.waitUntil(() -> wb.model().events().classifiedProperty().get().classifiedCount() == 2);
        robot.interact(() -> wb.window().events().table().getSelectionModel().select(1));
    }

    @Test
    void copyAsCsvAndJsonGiveWhatTheExportWrites(FxRobot robot) throws Exception {
        openTwoLines(robot);

        fire(robot, "rowCopyCsv", wb.window().events().table());
        Fx.waitUntil(() -> dialogs.clipboard != null);
        String csv = dialogs.clipboard;
        assertThat(csv)
                .startsWith("time,host,program,pid,message,verdict,rule,source,line,offset\r\n")
                .contains(",beta,cron,2,session opened for alice,")
                .contains(",a.log,2,");
        Path exported = temp.resolve("selected.csv");
        dialogs.answers.add(exported);
        robot.interact(() -> wb.model().events().exportLines(List.of(1L)));
        Fx.waitUntil(() -> Files.exists(exported));
        assertThat(Files.readString(exported)).isEqualTo(csv);

        dialogs.clipboard = null;
        fire(robot, "rowCopyJson", wb.window().events().table());
        Fx.waitUntil(() -> dialogs.clipboard != null);
        JsonNode json = new ObjectMapper().readTree(dialogs.clipboard);
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("host").asText()).isEqualTo("beta");
        assertThat(json.get(0).get("program").asText()).isEqualTo("cron");
        assertThat(json.get(0).get("pid").asLong()).isEqualTo(2);
        assertThat(json.get(0).get("line").asLong()).isEqualTo(2);
    }

    @Test
    void filterBySelectedTextTakesTheWordUnderThePointer(FxRobot robot) throws Exception {
        openTwoLines(robot);
        robot.interact(() -> wb.window().events().table().getSelectionModel().clearSelection());

        // right-click on "alice" in the message of the second row: that row is selected first
        List<MenuItem> items = rightClickWord(robot, 1, "message", "alice");
        assertThat(item(items, "rowFilterText").getText()).contains("\u201calice\u201d");
        assertThat(
                        Fx.onFx(
                                () ->
                                        wb.window()
                                                .events()
                                                .table()
                                                .getSelectionModel()
                                                .getSelectedIndex()))
                .isEqualTo(1);
        pick(robot, items, "rowFilterText");
        assertThat(wb.model().events().quickTextProperty().get()).isEqualTo("alice");
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);

        robot.interact(() -> wb.model().events().quickTextProperty().set(""));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        // "opened" in the middle of the message, then the Host cell (its whole text)
        pick(robot, rightClickWord(robot, 1, "message", "opened"), "rowFilterText");
        assertThat(wb.model().events().quickTextProperty().get()).isEqualTo("opened");
        robot.interact(() -> wb.model().events().quickTextProperty().set(""));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        pick(robot, rightClickWord(robot, 0, "host", "alpha"), "rowFilterText");
        assertThat(wb.model().events().quickTextProperty().get()).isEqualTo("alpha");
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
    }

    /** Right-clicks the middle of {@code word} in the cell of {@code column} in row {@code row}. */
    private List<MenuItem> rightClickWord(FxRobot robot, int row, String column, String word)
            throws Exception {
        double[] at =
                Fx.onFx(
                        () -> {
                            for (Node n : wb.window().events().table().lookupAll(".table-cell")) {
                                if (n instanceof TableCell<?, ?> c
                                        && c.getTableColumn() != null
                                        && column.equals(c.getTableColumn().getId())
                                        && c.getTableRow() != null
                                        && c.getTableRow().getIndex() == row
                                        && c.getItem() != null) {
                                    String text = c.getItem().toString();
                                    Text before = new Text(text.substring(0, text.indexOf(word)));
                                    before.setFont(c.getFont());
                                    Text w = new Text(word);
                                    w.setFont(c.getFont());
                                    Bounds b = c.localToScreen(c.getBoundsInLocal());
                                    return new double[] {
                                        b.getMinX()
                                                + c.snappedLeftInset()
                                                + before.getLayoutBounds().getWidth()
                                                + w.getLayoutBounds().getWidth() / 2,
                                        b.getMinY() + b.getHeight() / 2
                                    };
                                }
                            }
                            throw new AssertionError("no " + column + " cell in row " + row);
                        });
        return openAt(robot, wb.window().events().table(), at[0], at[1]);
    }

    @Test
    void jumpToSourceFromAMergedRowShowsTheLineInItsOwnLog(FxRobot robot) throws Exception {
        Path a =
                Files.writeString(
                        temp.resolve("a.log"),
                        "Dec  4 10:00:00 alpha x[1]: a1\n" + "Dec  4 10:00:02 alpha x[1]: a2\n");
        Path b =
                Files.writeString(
                        temp.resolve("b.log"),
                        "Dec  4 10:00:01 beta y[1]: b1\n" + "Dec  4 10:00:03 beta y[1]: b2\n");
        robot.interact(() -> wb.model().open(List.of(a, b)));
        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 2
                                && wb.model().sources().stream()
                                        .allMatch(
                                                s ->
                                                        s.stateProperty().get()
                                                                == SourceItem.State.READY));
        // a row of a plain log: its source is selected in Sources, the row stays selected
        SourceItem first = wb.model().sources().get(0);
        robot.interact(() -> wb.model().selectedProperty().set(first));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        robot.interact(() -> wb.window().sourcesList().getSelectionModel().clearSelection());
        robot.interact(() -> wb.window().events().table().getSelectionModel().clearAndSelect(1));
        fire(robot, "rowJumpToSource", wb.window().events().table());
        assertThat(Fx.onFx(() -> wb.window().sourcesList().getSelectionModel().getSelectedItem()))
                .isSameAs(first);
        assertThat(wb.window().events().table().getSelectionModel().getSelectedItem().line())
                .isEqualTo(1);

        robot.interact(() -> wb.model().mergeOpenLogs());
        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 3
                                && wb.model().selectedProperty().get().stateProperty().get()
                                        == SourceItem.State.READY
                                && wb.window().events().table().getItems().size() == 4);
        SourceItem merged = wb.model().selectedProperty().get();
        // the merged view's fourth line is b.log's second
        robot.interact(() -> wb.window().events().table().getSelectionModel().clearAndSelect(3));
        assertThat(wb.window().events().table().getSelectionModel().getSelectedItem().text())
                .endsWith("b2");

        fire(robot, "rowJumpToSource", wb.window().events().table());

        Fx.waitUntil(() -> wb.model().selectedProperty().get() != merged);
        SourceItem shown = wb.model().selectedProperty().get();
        assertThat(shown.path()).isEqualTo(b.toAbsolutePath().normalize());
        Fx.waitUntil(
                () -> {
                    LogRow r = wb.window().events().table().getSelectionModel().getSelectedItem();
                    return r != null && r.line() == 1 && r.text().endsWith("b2");
                });
        assertThat(Fx.onFx(() -> wb.window().sourcesList().getSelectionModel().getSelectedItem()))
                .isSameAs(shown);
        assertThat(
                        Fx.onFx(
                                () ->
                                        wb.window()
                                                .dock()
                                                .selection()
                                                .activeEditorProperty()
                                                .get()
                                                .input()))
                .isSameAs(shown);
    }

    @Test
    void revealInFolderHandsTheFolderToTheFileManagerOrSaysThereIsNone(FxRobot robot)
            throws Exception {
        Path log = Files.writeString(temp.resolve("a.log"), TWO_LINES);
        Path seen = temp.resolve("seen.txt");
        Path fileManager = temp.resolve("file-manager");
        Files.writeString(fileManager, "#!/bin/sh\nprintf '%s' \"$1\" > '" + seen + "'\n");
        Files.setPosixFilePermissions(fileManager, PosixFilePermissions.fromString("rwx------"));
        wb.model()
                .sourcesModel()
                .folderOpenerProperty()
                .set(new FolderOpener(List.of(fileManager.toString())));
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.model().sources().size() == 1);
        robot.interact(() -> wb.window().dock().showView("sources"));

        fire(robot, "sourceReveal", wb.window().sourcesList());
        Fx.waitUntil(() -> Files.exists(seen) && Files.size(seen) > 0);
        assertThat(Path.of(Files.readString(seen))).isEqualTo(temp.toAbsolutePath());
        assertThat(dialogs.informed).isEmpty();

        wb.model()
                .sourcesModel()
                .folderOpenerProperty()
                .set(new FolderOpener(List.of(temp.resolve("no-such-file-manager").toString())));
        fire(robot, "sourceReveal", wb.window().sourcesList());
        Fx.waitUntil(() -> !dialogs.informed.isEmpty());
        assertThat(dialogs.asked).contains("Reveal in Folder");
        assertThat(dialogs.informed.get(0))
                .contains("No file manager")
                .contains(temp.toAbsolutePath().toString());
    }

    @Test
    void propertiesTellKindSizeLinesTimesEncodingAndFollowing(FxRobot robot) throws Exception {
        Path log = temp.resolve("bad.log");
        byte[] bytes =
                ("Dec  4 10:00:00 alpha sshd[1]: one\n"
                                + "Dec  4 10:00:01 alpha sshd[1]: caf\u00e9 \n"
                                + "Dec  4 11:30:00 alpha sshd[1]: three\n")
                        .getBytes(StandardCharsets.ISO_8859_1); // the é is not UTF-8
        Files.write(log, bytes);
        Path gz = temp.resolve("old.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TWO_LINES.getBytes(StandardCharsets.UTF_8));
        }
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 1
                                && wb.model().sources().get(0).stateProperty().get()
                                        == SourceItem.State.READY);
        robot.interact(() -> wb.window().dock().showView("sources"));

        fire(robot, "sourceProperties", wb.window().sourcesList());
        Fx.waitUntil(() -> dialogs.informed.size() == 1);
        String facts = dialogs.informed.get(0);
        assertThat(facts)
                .contains("Path:       " + log.toAbsolutePath())
                .contains("Kind:       plain")
                .contains(String.format("Size:       %,d bytes", bytes.length))
                .contains("Lines:      3")
                .contains("First time: ")
                .contains("10:00:00")
                .contains("11:30:00")
                .contains("1 lines not valid UTF-8")
                .contains("Following:  no");

        robot.interact(() -> wb.model().open(List.of(gz)));
        Fx.waitUntil(
                () ->
                        wb.model().sources().size() == 2
                                && wb.model().selectedProperty().get().stateProperty().get()
                                        == SourceItem.State.READY);
        robot.interact(() -> wb.window().sourcesList().getSelectionModel().select(1));
        robot.interact(() -> wb.model().toggleFollow());
        fire(robot, "sourceProperties", wb.window().sourcesList());
        Fx.waitUntil(() -> dialogs.informed.size() == 2);
        assertThat(dialogs.informed.get(1))
                .contains("Kind:       gz")
                .contains("Lines:      2")
                .contains("valid UTF-8 (all lines)");

        // a remote host's spool file (the remote hosts' model marks it so)
        robot.interact(
                () ->
                        wb.model()
                                .sources()
                                .get(0)
                                .remoteProperty()
                                .set(
                                        new dev.logsentry.core.remote.ReceiverStatus.Host(
                                                "gw1", "192.0.2.9:6514", 3, 120, 0, 1, null, 0)));
        robot.interact(() -> wb.window().sourcesList().getSelectionModel().select(0));
        fire(robot, "sourceProperties", wb.window().sourcesList());
        Fx.waitUntil(() -> dialogs.informed.size() == 3);
        assertThat(dialogs.informed.get(2)).contains("Kind:       remote (the spool of host gw1");
    }

    @Test
    void showMatchesOnARuleFiltersTheEventsToTheLinesItDecided(FxRobot robot) throws Exception {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.createDirectories(rules.resolve("violations.d"));
        Files.writeString(rules.resolve("ignore.d.server/local-cron"), "cron\\[[0-9]+\\]: ses\n");
        Files.writeString(rules.resolve("violations.d/local-v"), "sshd\\[[0-9]+\\]: one\n");
        robot.interact(
                () -> wb.model().events().rules().rulesDirectoryProperty().set(rules.toString()));
        Fx.waitUntil(
                () ->
                        wb.model().events().rules().ruleTreeProperty().get() != null
                                && wb.model()
                                                .events()
                                                .rules()
                                                .ruleTreeProperty()
                                                .get()
                                                .rules()
                                                .size()
                                        == 2);
        Path log =
                Files.writeString(
                        temp.resolve("c.log"),
                        TWO_LINES + "Dec  4 10:00:02 beta cron[3]: session closed\n" + TWO_LINES);
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 5);
        Fx.waitUntil(
                () ->
                        wb.model().events().classifiedProperty().get() != null
                                && wb.model().events().classifiedProperty().get().classifiedCount()
                                        == 5);
        robot.interact(() -> wb.window().perspectiveProperty().set(Perspective.RULES));
        robot.interact(() -> wb.window().dock().showView("rules"));
        TreeItem<Object> cronRule =
                Fx.onFx(
                        () ->
                                find(
                                        wb.window().rules().tree().getRoot(),
                                        v ->
                                                v instanceof Rule r
                                                        && r.fileName().equals("local-cron")));
        robot.interact(() -> wb.window().rules().tree().getSelectionModel().select(cronRule));

        List<MenuItem> items =
                dev.logsentry.testkit.ContextMenuRobot.open(robot, wb.window().rules().tree());
        assertThat(item(items, "ruleShowMatches").getText()).isEqualTo("Show Matches (3)");
        assertThat(item(items, "ruleOpenFile")).isNotNull();
        pick(robot, items, "ruleShowMatches");

        Fx.waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.EVENTS);
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 3);
        assertThat(wb.window().events().table().getItems())
                .extracting(LogRow::number)
                .containsExactly(2L, 3L, 5L);
        assertThat(wb.model().events().filterStatusProperty().get()).contains("local-cron:1");
        robot.interact(() -> wb.model().events().clearFilters());
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 5);

        // back from a row: Show Deciding Rule selects that rule in the Rules tree
        robot.interact(() -> wb.window().events().table().getSelectionModel().clearAndSelect(0));
        dev.logsentry.testkit.ContextMenuRobot.fire(
                robot, "rowShowRule", wb.window().events().table());
        Fx.waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.RULES);
        Fx.waitUntil(
                () ->
                        wb.window().rules().tree().getSelectionModel().getSelectedItem() != null
                                && wb.window()
                                                .rules()
                                                .tree()
                                                .getSelectionModel()
                                                .getSelectedItem()
                                                .getValue()
                                        instanceof Rule r
                                && r.fileName().equals("local-v"));

        // Open Rule File: the pattern editor opens that file as an editor tab
        robot.interact(() -> wb.window().rules().tree().getSelectionModel().select(cronRule));
        Path cronFile = rules.resolve("ignore.d.server/local-cron").toAbsolutePath().normalize();
        fire(robot, "ruleOpenFile", wb.window().rules().tree());
        Fx.waitUntil(
                () ->
                        wb.window().dock().editors().stream()
                                .anyMatch(e -> e.id().equals("rulefile:" + cronFile)));
    }

    private static TreeItem<Object> find(
            TreeItem<Object> item, java.util.function.Predicate<Object> what) {
        if (what.test(item.getValue())) {
            return item;
        }
        for (TreeItem<Object> child : item.getChildren()) {
            TreeItem<Object> found = find(child, what);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
