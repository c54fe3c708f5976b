package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Rules perspective's left column at 1280x800: wide enough for the rule tree's names without a
 * horizontal scroll bar, and the width the user drags it to is kept when switching perspectives and
 * across a restart.
 */
@ExtendWith(ApplicationExtension.class)
class RulesPerspectiveTest {
    @TempDir Path temp;

    @RegisterExtension
    final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs()).size(1280, 800);

    @Test
    void thePreviewIsInFrontBelowTheEditorsNotProgress(FxRobot robot) throws Exception {
        robot.clickOn("#perspectiveRULES");
        WaitForAsyncUtils.waitForFxEvents();
        var stack = wb.stackOf(dev.logsentry.ui.ruleedit.RuleEditorParts.PREVIEW);
        assertThat(stack.views()).contains("progress");
        assertThat(stack.selected()).isEqualTo(dev.logsentry.ui.ruleedit.RuleEditorParts.PREVIEW);
    }

    @Test
    void theRuleTreeFitsAndTheUsersWidthIsKept(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> wb.model().events().rules().ruleTreeProperty().get() != null);
        robot.clickOn("#perspectiveRULES");
        Fx.waitUntil(() -> robot.lookup("#rulesTree").tryQuery().isPresent());
        Fx.waitUntil(
                () ->
                        ((TreeView<?>) robot.lookup("#rulesTree").query()).getExpandedItemCount()
                                > 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.onFx(() -> horizontalBarShown(robot.lookup("#rulesTree").query())))
                .as("the rule tree's names fit its column")
                .isFalse();
        double before = Fx.onFx(() -> leftWidth(robot));
        assertThat(before).isGreaterThan(300);

        // the user drags the column wider: where the drag of its divider ends (a robot drag under
        // Monocle leaves drag state behind that breaks later tests' drag and drop)
        robot.interact(
                () -> {
                    SplitPane split = split(robot);
                    split.setDividerPosition(0, (before + 130) / split.getWidth());
                });
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = Fx.onFx(() -> leftWidth(robot));
        assertThat(dragged).isGreaterThan(before + 80);

        // ... to Events and back
        robot.clickOn("#perspectiveEVENTS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#perspectiveRULES");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.onFx(() -> leftWidth(robot))).isBetween(dragged - 3, dragged + 3);

        // ... and after a restart
        WorkspaceStore store = new WorkspaceStore(temp.resolve("config"));
        assertThat(Fx.onFx(() -> store.save(wb.window().capture()))).isTrue();
        wb.restart(temp.resolve("config2"), store.load());
        WaitForAsyncUtils.waitForFxEvents();
        Fx.waitUntil(() -> tree(robot).isPresent());
        Fx.waitUntil(() -> leftWidth(robot) > 0);
        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.RULES);
        assertThat(Fx.onFx(() -> leftWidth(robot))).isBetween(dragged - 3, dragged + 3);
    }

    /** The width of the rule tree's column: the side of the first horizontal split it is in. */
    private double leftWidth(FxRobot robot) {
        Node n = tree(robot).orElseThrow();
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof SplitPane s && s.getOrientation() == Orientation.HORIZONTAL) {
                for (Node item : s.getItems()) {
                    for (Node a = n; a != null; a = a.getParent()) {
                        if (a == item) {
                            return item.getLayoutBounds().getWidth();
                        }
                    }
                }
            }
        }
        throw new AssertionError("the rule tree is in no horizontal split");
    }

    private SplitPane split(FxRobot robot) {
        Node n = tree(robot).orElseThrow();
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof SplitPane s && s.getOrientation() == Orientation.HORIZONTAL) {
                return s;
            }
        }
        throw new AssertionError("no split beside the rule tree");
    }

    /** The rule tree in the main window's scene as it is now (not one of a closed window). */
    private java.util.Optional<Node> tree(FxRobot robot) {
        return robot.from(wb.stage().getScene().getRoot()).lookup("#rulesTree").tryQuery();
    }

    private static boolean horizontalBarShown(Node tree) {
        for (Node n : tree.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b
                    && b.getOrientation() == Orientation.HORIZONTAL
                    && b.isVisible()) {
                return true;
            }
        }
        return false;
    }
}
