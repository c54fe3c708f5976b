package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import software.coley.bentofx.control.Header;

/**
 * Each open log's editor tab shows that log, in every perspective: clicking a tab (a syslog or a
 * dnscache log, in Events or DNS) shows its lines, never an empty pane.
 */
@ExtendWith(ApplicationExtension.class)
class EditorTabsTest {
    @TempDir Path temp;

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void everyEditorTabShowsItsLogInEveryPerspective(FxRobot robot) throws IOException {
        Path dnslog = temp.resolve("current");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, dnslog);
        }
        Path syslog = Files.writeString(temp.resolve("sys.log"), "Dec  4 10:00:00 h a: one\n");
        robot.interact(() -> wb.model().open(List.of(syslog, dnslog)));
        waitUntil(
                () -> wb.model().sources().size() == 2 && wb.window().dock().editors().size() == 2);
        waitUntil(() -> !wb.model().dns().openLogs().isEmpty());
        SourceItem sys =
                wb.model().sources().stream()
                        .filter(s -> !s.isDnscache())
                        .findFirst()
                        .orElseThrow();
        SourceItem dns =
                wb.model().sources().stream()
                        .filter(SourceItem::isDnscache)
                        .findFirst()
                        .orElseThrow();

        for (Perspective p : List.of(Perspective.DNS, Perspective.EVENTS, Perspective.DNS)) {
            robot.clickOn("#perspective" + p.name());
            WaitForAsyncUtils.waitForFxEvents();
            for (SourceItem item : List.of(dns, sys, dns)) {
                robot.clickOn(header(robot, LogEditors.id(item)));
                WaitForAsyncUtils.waitForFxEvents();
                waitUntil(() -> wb.window().perspectiveProperty().get() != null);
                assertThat(wb.model().selectedProperty().get())
                        .as("%s tab in %s selects its log", item.nameProperty().get(), p)
                        .isSameAs(item);
                assertThat(onFx(() -> shows(header(robot, LogEditors.id(item)))))
                        .as("%s tab in %s shows its lines", item.nameProperty().get(), p)
                        .isTrue();
            }
        }
    }

    @Test
    void theDnsPerspectiveIsUsableAt1280x800(FxRobot robot) throws IOException {
        Path dnslog = temp.resolve("current");
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, dnslog);
        }
        robot.interact(() -> wb.model().open(List.of(dnslog)));
        waitUntil(() -> wb.model().dns().analysisProperty().get() != null);
        waitUntil(() -> wb.window().perspectiveProperty().get() == Perspective.DNS);
        robot.interact(() -> wb.window().dock().resetPerspective());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> wb.window().stage().getScene().getWidth())).isEqualTo(1280);

        // the log's lines: its filter field and a dozen rows
        assertThat(onFx(() -> wb.window().events().table().getHeight())).isGreaterThan(200);
        assertThat(onFx(() -> wb.window().events().quickFilter().getWidth())).isGreaterThan(150);
        // the queries with their names, the tree and the walk each with room to read
        assertThat(onFx(() -> height(robot, "dns.queries"))).isGreaterThan(250);
        assertThat(onFx(() -> width(robot, "dns.queries"))).isGreaterThan(500);
        assertThat(onFx(() -> height(robot, "dns.tree"))).isGreaterThan(250);
        assertThat(onFx(() -> width(robot, "dns.tree"))).isGreaterThan(450);
        assertThat(onFx(() -> height(robot, "dns.walk"))).isGreaterThan(250);
    }

    @Test
    void aSplitEditorAreaShowsTheLogOfEachStackAndAClickMakesItActive(FxRobot robot)
            throws IOException {
        Path left =
                Files.writeString(
                        temp.resolve("left.log"),
                        "Dec  4 10:00:00 alpha sshd[1]: left one\n"
                                + "Dec  4 10:00:01 alpha sshd[1]: left two\n");
        Path right =
                Files.writeString(
                        temp.resolve("right.log"), "Dec  4 10:00:00 beta cron[2]: right one\n");
        robot.interact(() -> wb.model().open(List.of(left, right)));
        waitUntil(
                () -> wb.model().sources().size() == 2 && wb.window().dock().editors().size() == 2);
        SourceItem l = wb.model().sources().get(0);
        SourceItem r = wb.model().sources().get(1);
        waitUntil(() -> l.lineCountProperty().get() == 2 && r.lineCountProperty().get() == 1);
        robot.interact(() -> wb.model().selectedProperty().set(l));
        // the drop a drag of the right log's tab onto the left log's right edge ends in
        robot.interact(
                () ->
                        wb.window()
                                .dock()
                                .moveView(
                                        LogEditors.id(r),
                                        LogEditors.id(l),
                                        javafx.geometry.Side.RIGHT));
        robot.interact(() -> wb.window().dock().activate(LogEditors.id(l)));
        WaitForAsyncUtils.waitForFxEvents();

        // two stacks side by side, each showing its log's lines
        Header lh = header(robot, LogEditors.id(l));
        Header rh = header(robot, LogEditors.id(r));
        assertThat(onFx(() -> lh.localToScene(0, 0).getX() < rh.localToScene(0, 0).getX()))
                .as("split side by side")
                .isTrue();
        assertThat(onFx(() -> shows(lh))).isTrue();
        assertThat(onFx(() -> rowsOf(rh))).containsExactly("right one");

        // a click on the right log makes it the active one: the Events view moves there
        robot.clickOn(rh.getDockable().getNode());
        waitUntil(() -> wb.model().selectedProperty().get() == r);
        waitUntil(() -> shows(header(robot, LogEditors.id(r))));
        assertThat(onFx(() -> rowsOf(header(robot, LogEditors.id(l)))))
                .containsExactly("left one", "left two");
    }

    /** The messages of the rows a log peek shows in a tab, or null when it shows none. */
    private static List<String> rowsOf(Header h) {
        Node content = h.getDockable().getNode();
        if (!(content instanceof LogPeek peek) || content.getScene() == null) {
            return null;
        }
        return peek.table().getItems().stream()
                .map(row -> row.text().substring(row.text().lastIndexOf(": ") + 2))
                .toList();
    }

    private static double height(FxRobot robot, String view) {
        Node n = header(robot, view).getDockable().getNode();
        return n.getLayoutBounds().getHeight();
    }

    private static double width(FxRobot robot, String view) {
        Node n = header(robot, view).getDockable().getNode();
        return n.getLayoutBounds().getWidth();
    }

    /** Whether the tab's content is the log table in the scene, laid out with some height. */
    private boolean shows(Header h) {
        Node content = h.getDockable().getNode();
        Node table = wb.window().events().table();
        for (Node n = table; n != null; n = n.getParent()) {
            if (n == content) {
                return table.getScene() != null
                        && table.isVisible()
                        && table.getLayoutBounds().getHeight() > 20;
            }
        }
        return false;
    }

    private static Header header(FxRobot robot, String id) {
        return robot.lookup(
                        n -> n instanceof Header h && h.getDockable().getIdentifier().equals(id))
                .queryAs(Header.class);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> query) {
        try {
            return dev.logsentry.testkit.Fx.onFx(query);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            dev.logsentry.testkit.Fx.waitUntil(condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }
}
