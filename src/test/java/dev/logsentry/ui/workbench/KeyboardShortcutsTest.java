package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.events.LogRow;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every shortcut that README documents is in Help > Keyboard Shortcuts and in the menus, and each
 * one does its job when pressed: one row of {@link #checks} per key. Fails when README, the help
 * list and the menus disagree, or when a documented key has no check.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardShortcutsTest {
    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final AtomicBoolean quit = new AtomicBoolean();
    private Path sample;
    private Path second;

    /** One shortcut's job: arrange, then (after the keys) what must become true. */
    private record Check(Runnable arrange, BooleanSupplier done) {}

    @RegisterExtension
    final WorkbenchFixture wb =
            new WorkbenchFixture(
                            recent ->
                                    new WorkbenchViewModel(
                                            dialogs, recent, journalWorkspace(), null))
                    .configure(w -> w.setOnQuit(() -> quit.set(true)))
                    .afterClose(workers::shutdownNow);

    /** This machine's files, and a journal that is one script's single entry. */
    private Workspace journalWorkspace() throws IOException {
        Path journalctl = temp.resolve("journalctl");
        Files.writeString(
                journalctl,
                "#!/bin/sh\necho '{\"__REALTIME_TIMESTAMP\":\"1772683506000000\",\"_HOSTNAME\":"
                        + "\"h\",\"SYSLOG_IDENTIFIER\":\"app\",\"MESSAGE\":\"from the journal\","
                        + "\"__CURSOR\":\"c1\"}'\n");
        Files.setPosixFilePermissions(journalctl, PosixFilePermissions.fromString("rwx------"));
        return new Workspace(
                workers,
                LogOpener::open,
                () -> JournalSource.open(journalctl.toString(), List.of(), ZoneId.systemDefault()),
                ZoneId.systemDefault());
    }

    @Test
    void readmeHelpListAndMenusAgreeAndEveryShortcutDoesItsJob(FxRobot robot) throws Exception {
        Map<String, String> readme = readmeShortcuts();
        List<Shortcuts.Entry> help = onFx(() -> Shortcuts.of(wb.window().menuItems()));
        Map<String, String> helpMap = new LinkedHashMap<>();
        help.forEach(e -> helpMap.put(e.keys(), e.action()));

        assertThat(helpMap.keySet())
                .as("keys in Help > Keyboard Shortcuts vs README")
                .containsExactlyInAnyOrderElementsOf(readme.keySet());
        readme.forEach(
                (keys, action) ->
                        assertThat(action)
                                .as("README's action for %s", keys)
                                .startsWith(helpMap.get(keys)));

        sample = copySample();
        second = temp.resolve("second.log");
        Files.writeString(second, "Nov 24 06:00:00 other app[2]: from the second log\n");
        Map<String, Check> checks = checks(robot);
        assertThat(checks.keySet())
                .as("a check for every documented key")
                .containsExactlyInAnyOrderElementsOf(readme.keySet());

        for (String keys : readme.keySet()) {
            Check check = checks.get(keys);
            robot.interact(
                    () -> {
                        wb.window().dock().restoreMaximized();
                        wb.window().perspectiveProperty().set(Perspective.EVENTS);
                    });
            check.arrange().run();
            WaitForAsyncUtils.waitForFxEvents();
            robot.push(keyCodes(keys));
            try {
                waitUntil(keys + " (" + readme.get(keys) + ")", check.done());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; " + onFx(this::state), e);
            }
        }
    }

    private Map<String, Check> checks(FxRobot robot) throws IOException {
        Path folder = Files.createDirectory(temp.resolve("folder"));
        Path third = Files.writeString(folder.resolve("third.log"), "Nov 24 06:00:00 h a: 3\n");
        Path export = temp.resolve("export.csv");
        Map<String, Check> c = new LinkedHashMap<>();
        c.put(
                "Ctrl+O",
                new Check(() -> dialogs.answers.add(List.of(second)), () -> isOpen(second)));
        c.put("Ctrl+Shift+O", new Check(() -> dialogs.answers.add(folder), () -> isOpen(third)));
        c.put(
                "Ctrl+J",
                new Check(
                        () -> {},
                        () ->
                                wb.model().sources().stream()
                                        .anyMatch(
                                                s ->
                                                        s.nameProperty()
                                                                        .get()
                                                                        .equals("systemd journal")
                                                                && s.lineCountProperty().get()
                                                                        == 1)));
        c.put(
                "Ctrl+L",
                new Check(
                        () -> showSample(robot),
                        () -> wb.model().selectedProperty().get().followingProperty().get()));
        c.put(
                "Ctrl+Shift+M",
                new Check(
                        () -> {
                            robot.interact(() -> wb.model().toggleFollow()); // stop following
                            openAndWait(robot, second);
                            showSample(robot);
                        },
                        () ->
                                wb.model().sources().stream()
                                        .anyMatch(
                                                s ->
                                                        s.nameProperty().get().startsWith("merged:")
                                                                && s.stateProperty().get()
                                                                        == SourceItem.State
                                                                                .READY)));
        c.put("Ctrl+Shift+L", new Check(() -> {}, () -> closeShown("Listen for Remote Hosts")));
        c.put("Ctrl+W", new Check(() -> openAndWait(robot, third), () -> !isOpen(third)));
        c.put("Ctrl+Q", new Check(() -> {}, quit::get));
        c.put("Ctrl+Shift+E", perspective(robot, Perspective.DNS, Perspective.EVENTS));
        c.put("Ctrl+Shift+N", perspective(robot, Perspective.EVENTS, Perspective.DNS));
        c.put("Ctrl+Shift+R", perspective(robot, Perspective.EVENTS, Perspective.RULES));
        c.put("Ctrl+F8", perspective(robot, Perspective.EVENTS, Perspective.EVENTS.next()));
        c.put(
                "Ctrl+M",
                new Check(
                        () -> robot.interact(() -> wb.window().dock().showView("progress")),
                        () -> wb.window().dock().maximizedProperty().get()));
        c.put(
                "Ctrl+F6",
                new Check(
                        () -> {
                            openAndWait(robot, second);
                            showSample(robot);
                        },
                        () -> wb.model().selectedProperty().get().path().equals(second)));
        c.put(
                "Ctrl+F7",
                new Check(
                        () ->
                                robot.interact(
                                        () -> {
                                            wb.window().dock().showView("progress");
                                            wb.window().dock().showView("sources");
                                        }),
                        () -> wb.window().dock().activePart().orElse("").equals("progress")));
        Theme before = wb.window().theme();
        c.put("Ctrl+Shift+D", new Check(() -> {}, () -> wb.window().theme() != before));
        c.put(
                "Ctrl+1",
                new Check(
                        () -> {},
                        () ->
                                wb.window().stage().getScene().getFocusOwner()
                                        == sourcesList(robot)));
        c.put(
                "Ctrl+F",
                new Check(
                        () -> showSample(robot),
                        () -> wb.window().events().quickFilter().isFocused()));
        c.put("F3", match(robot, true));
        c.put("Shift+F3", match(robot, false));
        c.put("Ctrl+Alt+Down", jump(robot, null, true));
        c.put("Ctrl+Alt+Up", jump(robot, null, false));
        c.put("Ctrl+Alt+A", jump(robot, Verdict.ATTACK, true));
        c.put("Ctrl+Alt+Shift+A", jump(robot, Verdict.ATTACK, false));
        c.put("Ctrl+Alt+V", jump(robot, Verdict.VIOLATION, true));
        c.put("Ctrl+Alt+Shift+V", jump(robot, Verdict.VIOLATION, false));
        c.put("Ctrl+Alt+U", jump(robot, Verdict.UNUSUAL, true));
        c.put("Ctrl+Alt+Shift+U", jump(robot, Verdict.UNUSUAL, false));
        c.put(
                "Ctrl+G",
                new Check(
                        () -> {
                            showSample(robot);
                            dialogs.answers.add("3");
                        },
                        () -> selectedLine() == 2));
        c.put(
                "F4",
                new Check(
                        () -> {
                            showSample(robot);
                            select(robot, firstLineDecidedByARule());
                            waitUntil(
                                    "details shown",
                                    () -> wb.model().events().detailsProperty().get() != null);
                        },
                        () -> wb.window().perspectiveProperty().get() == Perspective.RULES));
        c.put(
                "Ctrl+H",
                new Check(
                        () -> showSample(robot),
                        () -> wb.model().events().hideIgnoredProperty().get()));
        c.put(
                "Ctrl+Shift+X",
                new Check(
                        () ->
                                robot.interact(
                                        () -> wb.model().events().quickTextProperty().set("zzz")),
                        () ->
                                wb.model().events().quickTextProperty().get().isEmpty()
                                        && !wb.model().events().hideIgnoredProperty().get()));
        c.put(
                "Ctrl+Shift+S",
                new Check(
                        () -> {
                            showSample(robot);
                            dialogs.answers.add(export);
                        },
                        () -> size(export) > 0));
        Path ruleDir = Files.createDirectories(temp.resolve("rules/ignore.d.server"));
        Path ruleFile = Files.writeString(ruleDir.resolve("local-app"), "^x$\n");
        c.put(
                "Ctrl+E",
                new Check(
                        () -> dialogs.answers.add(List.of(ruleFile)),
                        () ->
                                wb.window().dock().editors().stream()
                                        .anyMatch(
                                                e ->
                                                        e.id().equals(
                                                                        dev.logsentry.ui.ruleedit
                                                                                        .RuleEditorParts
                                                                                        .EDITOR_PREFIX
                                                                                + ruleFile))));
        c.put(
                "Ctrl+I",
                new Check(
                        () -> {
                            showSample(robot);
                            select(robot, 0);
                            robot.interact(() -> wb.window().events().table().requestFocus());
                        },
                        () -> {
                            var ignore = wb.window().ruleEditing().parts().ignoreView().model();
                            return wb.window().perspectiveProperty().get() == Perspective.RULES
                                    && !ignore.patternProperty().get().isEmpty()
                                    && ignore.patternProperty().get().startsWith("^");
                        }));
        c.put("F1", new Check(() -> {}, () -> shortcutsTable(robot) != null));
        c.put(
                "/",
                new Check(
                        () -> {
                            closeDialogs(robot);
                            showSample(robot);
                            select(robot, 0);
                            robot.interact(() -> wb.window().events().table().requestFocus());
                        },
                        () -> wb.window().events().quickFilter().isFocused()));
        c.put(
                "Ctrl+C",
                new Check(
                        () -> {
                            showSample(robot);
                            select(robot, 0);
                            robot.interact(() -> wb.window().events().table().requestFocus());
                        },
                        () -> {
                            String first = firstLineOfSample();
                            return (first + "\n").equals(dialogs.clipboard);
                        }));
        return c;
    }

    @Test
    void theHelpListIsWideEnoughAndListsEveryMenuShortcut(FxRobot robot) throws Exception {
        robot.push(KeyCode.F1);
        waitUntil("the shortcuts dialog", () -> shortcutsTable(robot) != null);
        TableView<?> table = shortcutsTable(robot);

        assertThat(onFx(() -> table.getItems().size()))
                .isEqualTo(onFx(() -> Shortcuts.of(wb.window().menuItems()).size()));
        assertThat(onFx(table::getWidth)).isGreaterThanOrEqualTo(560);
        closeDialogs(robot);
    }

    /** What the window shows now, for a failure message. */
    private String state() {
        LogRow row = selectedRow();
        ClassifiedSource c = wb.model().events().classifiedProperty().get();
        return "status \u201c"
                + wb.model().events().statusProperty().get()
                + "\u201d, selected "
                + (row == null
                        ? "none"
                        : row.line() + " " + (c == null ? "" : c.verdict(row.line())))
                + ", counts "
                + (c == null ? "-" : c.counts())
                + ", perspective "
                + wb.window().perspectiveProperty().get()
                + ", focus "
                + wb.window().stage().getScene().getFocusOwner()
                + ", rows "
                + wb.window().events().table().getItems().size();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Check perspective(FxRobot robot, Perspective from, Perspective to) {
        return new Check(
                () -> robot.interact(() -> wb.window().perspectiveProperty().set(from)),
                () -> wb.window().perspectiveProperty().get() == to);
    }

    private Check match(FxRobot robot, boolean forward) {
        String word = "sshd";
        return new Check(
                () -> {
                    showSample(robot);
                    long matching = linesContaining(word);
                    robot.interact(() -> wb.model().events().quickTextProperty().set(word));
                    waitUntil(
                            "the filter shows the matching lines",
                            () -> wb.window().events().table().getItems().size() == matching);
                    robot.interact(
                            () ->
                                    wb.window()
                                            .events()
                                            .table()
                                            .getSelectionModel()
                                            .clearSelection());
                },
                () -> {
                    LogRow row = selectedRow();
                    return row != null && row.text().contains(word);
                });
    }

    private long linesContaining(String word) {
        try {
            return Files.readAllLines(sample).stream().filter(l -> l.contains(word)).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Check jump(FxRobot robot, Verdict v, boolean forward) {
        long[] start = new long[1];
        return new Check(
                () -> {
                    showSample(robot);
                    robot.interact(
                            () -> {
                                wb.model().events().clearFilters();
                                wb.model().events().statusProperty().set("");
                            });
                    start[0] = forward ? 0 : sampleLines() - 1;
                    select(robot, start[0]);
                    robot.interact(() -> wb.window().events().table().requestFocus());
                },
                () -> {
                    ClassifiedSource c = wb.model().events().classifiedProperty().get();
                    if (!exists(c, v, start[0], forward)) {
                        return wb.model()
                                .events()
                                .statusProperty()
                                .get()
                                .startsWith(forward ? "No further" : "No earlier");
                    }
                    LogRow row = selectedRow();
                    if (row == null || row.line() == start[0]) {
                        return false;
                    }
                    return wanted(c.verdict(row.line()), v);
                });
    }

    private static boolean wanted(Verdict got, Verdict v) {
        return v == null ? got != Verdict.IGNORED : got == v;
    }

    /** Whether a line with verdict {@code v} lies beyond {@code from} in that direction. */
    private static boolean exists(ClassifiedSource c, Verdict v, long from, boolean forward) {
        for (long i = forward ? from + 1 : from - 1;
                i >= 0 && i < c.classifiedCount();
                i += forward ? 1 : -1) {
            if (wanted(c.verdict(i), v)) {
                return true;
            }
        }
        return false;
    }

    private Path copySample() throws IOException {
        Path p = temp.resolve("syslog");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/syslog/syslog")) {
            Files.copy(in, p);
        }
        return p;
    }

    private String firstLineOfSample() {
        try {
            return Files.readAllLines(sample).get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long sampleLines() {
        try {
            return Files.readAllLines(sample).size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean isOpen(Path p) {
        Path normal = p.toAbsolutePath().normalize();
        return wb.model().sources().stream()
                .anyMatch(
                        s ->
                                s.path().equals(normal)
                                        && s.stateProperty().get() == SourceItem.State.READY);
    }

    private void openAndWait(FxRobot robot, Path p) {
        robot.interact(() -> wb.model().open(List.of(p)));
        waitUntil(p + " open", () -> isOpen(p));
    }

    /** The sample selected in the Events perspective, fully classified, no filter. */
    private void showSample(FxRobot robot) {
        openAndWait(robot, sample);
        robot.interact(
                () -> {
                    wb.model().events().clearFilters();
                    wb.window().perspectiveProperty().set(Perspective.EVENTS);
                    // its tab in front (a rule file's editor may have been in front)
                    wb.window().dock().activate(LogEditors.id(wb.model().selectedProperty().get()));
                });
        waitUntil(
                "the sample is classified",
                () -> {
                    ClassifiedSource c = wb.model().events().classifiedProperty().get();
                    return c != null
                            && c.source()
                                    == wb.model().selectedProperty().get().linesProperty().get()
                            && c.classifiedCount() == sampleLines()
                            && wb.window().events().table().getItems().size() == sampleLines();
                });
    }

    private void select(FxRobot robot, long line) {
        robot.interact(() -> wb.window().events().table().reveal(line));
        waitUntil("line " + line + " selected", () -> selectedLine() == line);
    }

    private long firstLineDecidedByARule() {
        ClassifiedSource c = wb.model().events().classifiedProperty().get();
        for (long i = 0; i < c.classifiedCount(); i++) {
            if (c.rule(i) != null) {
                return i;
            }
        }
        throw new AssertionError("no line of the sample is decided by a rule");
    }

    private LogRow selectedRow() {
        return wb.window().events().table().getSelectionModel().getSelectedItem();
    }

    private long selectedLine() {
        LogRow row = selectedRow();
        return row == null ? -1 : row.line();
    }

    private static Node sourcesList(FxRobot robot) {
        return robot.lookup("#sourcesList").query();
    }

    private static TableView<?> shortcutsTable(FxRobot robot) {
        return robot.lookup("#shortcutsTable").tryQueryAs(TableView.class).orElse(null);
    }

    /** Closes the shown window titled {@code title} (FX thread); false while there is none. */
    private static boolean closeShown(String title) {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing()) {
                s.close();
                return true;
            }
        }
        return false;
    }

    private void closeDialogs(FxRobot robot) {
        robot.interact(
                () -> {
                    for (Window w : new ArrayList<>(Window.getWindows())) {
                        if (w != wb.window().stage() && w instanceof Stage s) {
                            s.close();
                        }
                    }
                });
    }

    /** README's shortcut table: keys (as written) to action. */
    static Map<String, String> readmeShortcuts() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int a = readme.indexOf("<!-- shortcuts:begin -->");
        int b = readme.indexOf("<!-- shortcuts:end -->");
        assertThat(a).as("README's shortcut table markers").isNotNegative();
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m =
                Pattern.compile("(?m)^\\| (.+?) \\| (.+?) \\|$").matcher(readme.substring(a, b));
        while (m.find()) {
            String keys = m.group(1).replace("`", "");
            if (!keys.equals("Keys") && !keys.equals("---")) {
                out.put(keys, m.group(2));
            }
        }
        return out;
    }

    private static KeyCode[] keyCodes(String keys) {
        List<KeyCode> out = new ArrayList<>();
        for (String k : keys.equals("/") ? new String[] {"/"} : keys.split("\\+")) {
            out.add(
                    switch (k) {
                        case "Ctrl" -> KeyCode.CONTROL;
                        case "Alt" -> KeyCode.ALT;
                        case "Shift" -> KeyCode.SHIFT;
                        case "/" -> KeyCode.SLASH;
                        default -> {
                            KeyCode code = KeyCode.getKeyCode(k);
                            assertThat(code).as("key %s", k).isNotNull();
                            yield code;
                        }
                    });
        }
        return out.toArray(KeyCode[]::new);
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    private static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
