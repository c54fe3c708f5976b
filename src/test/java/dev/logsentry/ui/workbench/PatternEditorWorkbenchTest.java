package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.rules.Rule;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.dock.EditorInput;
import dev.logsentry.ui.ruleedit.RuleEditorParts;
import dev.logsentry.ui.ruleedit.RuleFileEditorView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import software.coley.bentofx.control.Header;

/**
 * The pattern editor inside the workbench, driven as a person does: rule files open as editor tabs
 * (File > Open Rule File..., the Rules tree, a dropped file), unsaved edits mark the tab with
 * {@code *}, and closing the tab or the window with unsaved edits asks Save / Discard / Cancel.
 */
@ExtendWith(ApplicationExtension.class)
class PatternEditorWorkbenchTest {
    private static final String RULE =
            "^\\w{3} [ :[:digit:]]{11} [._[:alnum:]-]+ myd\\[[0-9]+\\]: hello$";

    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicBoolean quit = new AtomicBoolean();
    private Path ruleFile;

    @RegisterExtension
    final WorkbenchFixture wb =
            new WorkbenchFixture(dialogs).configure(w -> w.setOnQuit(() -> quit.set(true)));

    private Path ruleFile() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("tree/ignore.d.server"));
        ruleFile = Files.writeString(dir.resolve("local-myd"), "# mine\n" + RULE + "\n");
        return ruleFile;
    }

    private static String editorId(Path file) {
        return RuleEditorParts.EDITOR_PREFIX + file.toAbsolutePath().normalize();
    }

    private boolean isOpen(Path file) {
        return wb.window().dock().editors().stream()
                .map(EditorInput::id)
                .anyMatch(id -> id.equals(editorId(file)));
    }

    private RuleFileEditorView editor(Path file) {
        return wb.window().ruleEditing().parts().editors().get(editorId(file));
    }

    @Test
    void ctrlEOpensTheChosenRuleFileAsAnEditorTabInTheRulesPerspective(FxRobot robot)
            throws Exception {
        Path file = ruleFile();
        dialogs.answers.add(List.of(file));

        robot.push(KeyCode.CONTROL, KeyCode.E);

        Fx.waitUntil(() -> isOpen(file));
        assertThat(dialogs.asked).contains("Open Rule File");
        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.RULES);
        assertThat(wb.window().dock().title(editorId(file))).isEqualTo("ignore.d.server/local-myd");
        assertThat(Fx.onFx(() -> editor(file).model().draftProperty().get())).isEqualTo(RULE);
    }

    @Test
    void droppingARuleFileOpensItAsAnEditorAndALogAsALog(FxRobot robot) throws Exception {
        Path file = ruleFile();
        Path log = Files.writeString(temp.resolve("a.log"), "Dec  4 10:00:00 h myd[1]: hello\n");

        robot.interact(() -> wb.window().openDropped(List.of(file.toFile(), log.toFile())));

        Fx.waitUntil(() -> isOpen(file) && wb.model().sources().size() == 1);
        assertThat(wb.model().sources().get(0).path()).isEqualTo(log.toAbsolutePath().normalize());
    }

    @Test
    void doubleClickEnterAndOpenInTheRulesTreeOpenTheRuleFileAtTheRule(FxRobot robot)
            throws Exception {
        robot.interact(() -> wb.window().perspectiveProperty().set(Perspective.RULES));
        TreeItem<Object> ruleItem = Fx.onFx(this::firstRuleItem);
        Rule rule = (Rule) ruleItem.getValue();
        robot.interact(
                () -> {
                    ruleItem.getParent().setExpanded(true);
                    ruleItem.getParent().getParent().setExpanded(true);
                    wb.window().rules().tree().getSelectionModel().select(ruleItem);
                    wb.window()
                            .rules()
                            .tree()
                            .scrollTo(wb.window().rules().tree().getRow(ruleItem));
                });
        WaitForAsyncUtils.waitForFxEvents();

        // the cell is wider than the narrow tree: double-click its visible left end
        robot.moveTo(
                cellOf(robot, ruleItem),
                Pos.CENTER_LEFT,
                new Point2D(30, 0),
                org.testfx.robot.Motion.DEFAULT);
        robot.doubleClickOn(MouseButton.PRIMARY);
        Fx.waitUntil(() -> isOpen(rule.file()));
        assertThat(Fx.onFx(() -> editor(rule.file()).model().selectedProperty().get() + 1))
                .isEqualTo(rule.line());

        robot.interact(() -> wb.window().dock().closeEditor(editorId(rule.file())));
        Fx.waitUntil(() -> !isOpen(rule.file()));
        robot.interact(() -> wb.window().rules().tree().requestFocus());
        robot.push(KeyCode.ENTER);
        Fx.waitUntil(() -> isOpen(rule.file()));

        robot.interact(() -> wb.window().dock().closeEditor(editorId(rule.file())));
        Fx.waitUntil(() -> !isOpen(rule.file()));
        fireContextItem(robot, wb.window().rules().tree(), "ruleOpen");
        Fx.waitUntil(() -> isOpen(rule.file()));
    }

    @Test
    void anUnsavedEditMarksTheTabAndItsCloseButtonAsksSaveDiscardOrCancel(FxRobot robot)
            throws Exception {
        Path file = ruleFile();
        robot.interact(() -> wb.window().openRuleFile(file, 2));
        Fx.waitUntil(() -> isOpen(file));
        String id = editorId(file);
        robot.clickOn("#ruleField").push(KeyCode.END).write("x");
        Fx.waitUntil(() -> wb.window().dock().title(id).equals("*ignore.d.server/local-myd"));

        dialogs.answers.add("Cancel");
        clickCloseButton(robot, id);
        assertThat(dialogs.asked).containsExactly("Unsaved changes");
        assertThat(isOpen(file)).as("Cancel keeps the tab").isTrue();

        dialogs.answers.add("Save");
        clickCloseButton(robot, id);
        Fx.waitUntil(() -> !isOpen(file));
        assertThat(dialogs.confirmed.get(1)).contains("+" + RULE + "x");
        assertThat(Files.readString(file)).isEqualTo("# mine\n" + RULE + "x\n");
    }

    @Test
    void discardDropsTheEditAndTheReopenedFileShowsWhatIsOnDisk(FxRobot robot) throws Exception {
        Path file = ruleFile();
        robot.interact(() -> wb.window().openRuleFile(file, 2));
        Fx.waitUntil(() -> isOpen(file));
        robot.clickOn("#ruleField").push(KeyCode.END).write("y").push(KeyCode.ENTER);
        dialogs.answers.add("Discard");
        clickCloseButton(robot, editorId(file));
        Fx.waitUntil(() -> !isOpen(file));
        assertThat(Files.readString(file)).isEqualTo("# mine\n" + RULE + "\n");

        robot.interact(() -> wb.window().openRuleFile(file, 2));
        Fx.waitUntil(() -> isOpen(file));
        assertThat(Fx.onFx(() -> editor(file).model().draftProperty().get())).isEqualTo(RULE);
        assertThat(wb.window().dock().title(editorId(file))).doesNotStartWith("*");
    }

    @Test
    void theWindowCloseButtonAndCtrlQAskAboutUnsavedRuleEdits(FxRobot robot) throws Exception {
        Path file = ruleFile();
        robot.interact(() -> wb.window().openRuleFile(file, 2));
        Fx.waitUntil(() -> isOpen(file));
        robot.clickOn("#ruleField").push(KeyCode.END).write("z");

        dialogs.answers.add("Cancel");
        robot.interact(
                () ->
                        wb.stage()
                                .fireEvent(
                                        new WindowEvent(
                                                wb.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(wb.stage().isShowing()).as("Cancel keeps the wb.window()").isTrue();
        assertThat(dialogs.asked).containsExactly("Unsaved changes");

        dialogs.answers.add("Cancel");
        robot.interact(() -> wb.window().stage().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quit).as("Cancel does not quit").isFalse();
        assertThat(dialogs.asked).hasSize(2);

        dialogs.answers.add("Save");
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        Fx.waitUntil(quit::get);
        assertThat(Files.readString(file)).isEqualTo("# mine\n" + RULE + "z\n");

        quit.set(false);
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        Fx.waitUntil(quit::get);
        assertThat(dialogs.asked).as("nothing unsaved: no question").hasSize(3);
    }

    @Test
    void ctrlIDraftsAnIgnoreRuleForTheSelectedEventsRow(FxRobot robot) throws Exception {
        Path log =
                Files.writeString(
                        temp.resolve("c.log"),
                        "Dec  4 10:00:00 alpha myd[42]: session 7 opened for alice\n");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
        robot.interact(
                () -> {
                    wb.window().events().table().getSelectionModel().select(0);
                    wb.window().events().table().requestFocus();
                });

        robot.push(KeyCode.CONTROL, KeyCode.I);

        Fx.waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.RULES);
        var ignore = wb.window().ruleEditing().parts().ignoreView().model();
        Fx.waitUntil(() -> !ignore.patternProperty().get().isEmpty());
        assertThat(Fx.onFx(() -> ignore.patternProperty().get()))
                .startsWith("^")
                .contains("myd")
                .contains("alice");
        // the draft's preview is in front of its stack, not Progress
        assertThat(wb.stackOf(dev.logsentry.ui.ruleedit.RuleEditorParts.PREVIEW).selected())
                .isEqualTo(dev.logsentry.ui.ruleedit.RuleEditorParts.PREVIEW);
        assertThat(Fx.onFx(() -> wb.window().dock().selection().activePartProperty().get()))
                .isEqualTo(dev.logsentry.ui.ruleedit.RuleEditorParts.IGNORE);
    }

    @Test
    void theEditorFollowsTheRulesFolderChosenInTheEventsMenu(FxRobot robot) throws Exception {
        Path file = ruleFile();
        Path tree = file.getParent().getParent();
        Files.createDirectories(tree.resolve("cracking.d"));
        Files.writeString(tree.resolve("cracking.d/myd"), "myd\\[[0-9]+\\]: attack\n");
        dialogs.answers.add(tree);
        MenuItem choose =
                wb.window().menuItems().stream()
                        .filter(m -> "Choose Rules Folder\u2026".equals(m.getText()))
                        .findFirst()
                        .orElseThrow();

        robot.interact(choose::fire);

        var workspace = wb.window().ruleEditing().parts().workspace();
        Fx.waitUntil(() -> workspace.root().equals(tree.toAbsolutePath().normalize()));
        assertThat(workspace.loadTree().files(dev.logsentry.core.rules.Category.CRACKING))
                .extracting(f -> f.name())
                .containsExactly("myd");
    }

    @Test
    void anIgnoreRuleDraftedFromAnEventAndSavedIgnoresTheLineInTheEventsView(FxRobot robot)
            throws Exception {
        Path tree = Files.createDirectories(temp.resolve("own"));
        Files.createDirectories(tree.resolve("ignore.d.server"));
        Files.createDirectories(tree.resolve("violations.d"));
        Files.writeString(tree.resolve("violations.d/other"), "nothing-like-this\n");
        dialogs.answers.add(tree);
        robot.interact(() -> wb.model().events().rules().choose());
        var workspace = wb.window().ruleEditing().parts().workspace();
        Fx.waitUntil(() -> workspace.root().equals(tree.toAbsolutePath().normalize()));
        Path log =
                Files.writeString(
                        temp.resolve("d.log"),
                        "Dec  4 10:00:00 alpha myd[42]: session 7 opened for alice\n");
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
        Fx.waitUntil(() -> verdictOfFirstLine() == dev.logsentry.core.check.Verdict.UNUSUAL);
        robot.interact(
                () -> {
                    wb.window().events().table().getSelectionModel().select(0);
                    wb.window().events().table().requestFocus();
                });

        robot.push(KeyCode.CONTROL, KeyCode.I);
        var ignore = wb.window().ruleEditing().parts().ignoreView().model();
        Fx.waitUntil(() -> !ignore.patternProperty().get().isEmpty());
        robot.clickOn("#ignoreAdd");
        Path local = tree.resolve("ignore.d.server/local-myd");
        Fx.waitUntil(() -> isOpen(local));
        assertThat(wb.window().dock().title(editorId(local))).startsWith("*");
        dialogs.answers.add(Boolean.TRUE); // the diff is shown: save
        robot.clickOn("#ruleField").push(KeyCode.CONTROL, KeyCode.S);

        Fx.waitUntil(() -> Files.exists(local));
        assertThat(Files.readString(local)).contains("# sample: ").contains("myd");
        Fx.waitUntil(() -> verdictOfFirstLine() == dev.logsentry.core.check.Verdict.IGNORED);
        assertThat(wb.window().dock().title(editorId(local))).doesNotStartWith("*");
    }

    private dev.logsentry.core.check.Verdict verdictOfFirstLine() {
        var c = wb.model().events().classifiedProperty().get();
        return c == null || c.classifiedCount() < 1 ? null : c.verdict(0);
    }

    @Test
    void ctrlIKeepsTheSelectedLogWhenTheRulesPerspectiveIsBuilt(FxRobot robot) throws Exception {
        // the samples as --samples opens them: a syslog, then a dnscache log (placed last)
        Path first = Files.writeString(temp.resolve("first.log"), "Dec  4 10:00:00 h a[1]: one\n");
        Path dns = Files.createDirectories(temp.resolve("dnscache"));
        try (var in = getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, dns.resolve("current"));
        }
        robot.interact(() -> wb.model().open(List.of(first, dns.resolve("current"))));
        Fx.waitUntil(() -> wb.model().sources().size() == 2);
        robot.interact(
                () -> {
                    wb.model().selectedProperty().set(wb.model().sources().get(0));
                    wb.window().perspectiveProperty().set(Perspective.EVENTS);
                });
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 1);
        robot.interact(
                () -> {
                    wb.window().events().table().getSelectionModel().select(0);
                    wb.window().events().table().requestFocus();
                });

        robot.push(KeyCode.CONTROL, KeyCode.I);

        Fx.waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.RULES);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.RULES);
        assertThat(wb.model().selectedProperty().get().path())
                .isEqualTo(first.toAbsolutePath().normalize());
    }

    private TreeItem<Object> firstRuleItem() {
        for (TreeItem<Object> category : wb.window().rules().tree().getRoot().getChildren()) {
            for (TreeItem<Object> file : category.getChildren()) {
                for (TreeItem<Object> item : file.getChildren()) {
                    if (item.getValue() instanceof Rule) {
                        return item;
                    }
                }
            }
        }
        throw new AssertionError("the Rules tree has no rule");
    }

    private static Node cellOf(FxRobot robot, TreeItem<Object> item) {
        return robot.lookup(n -> n instanceof TreeCell<?> c && c.getTreeItem() == item).query();
    }

    private static void clickCloseButton(FxRobot robot, String id) {
        Header header =
                robot.lookup(
                                n ->
                                        n instanceof Header h
                                                && h.getDockable().getIdentifier().equals(id))
                        .queryAs(Header.class);
        Button close = robot.from(header).lookup(".close-button").queryButton();
        robot.interact(
                () -> header.getDockable().getContainer().selectDockable(header.getDockable()));
        robot.clickOn(close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Asks {@code node} for its context menu (Monocle sends none) and fires item {@code id}. */
    private static void fireContextItem(FxRobot robot, Node node, String id) throws Exception {
        robot.interact(
                () -> {
                    Bounds b = node.localToScreen(node.getBoundsInLocal());
                    javafx.event.Event.fireEvent(
                            node,
                            new ContextMenuEvent(
                                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    20,
                                    20,
                                    b.getMinX() + 20,
                                    b.getMinY() + 20,
                                    false,
                                    null));
                });
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem item =
                Fx.onFx(
                        () ->
                                Window.getWindows().stream()
                                        .filter(w -> w instanceof javafx.scene.control.ContextMenu)
                                        .map(w -> (javafx.scene.control.ContextMenu) w)
                                        .flatMap(m -> m.getItems().stream())
                                        .filter(i -> id.equals(i.getId()))
                                        .findFirst()
                                        .orElseThrow(
                                                () -> new AssertionError("no menu item " + id)));
        robot.interact(
                () -> {
                    item.fire();
                    item.getParentPopup().hide();
                });
    }
}
