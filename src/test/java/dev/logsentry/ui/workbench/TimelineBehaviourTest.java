package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.events.TimelineData;
import dev.logsentry.ui.events.TimelineView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Timeline view as a person uses it: it follows a followed log, counts only the lines the text
 * filter leaves, and shows a time range dragged on it with a button that clears it.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineBehaviourTest {
    private static final DateTimeFormatter SYSLOG =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
    @TempDir Path temp;

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void theTimelineFollowsAFollowedLog(FxRobot robot) throws Exception {
        LocalDateTime t0 = LocalDateTime.now().withNano(0).minusHours(6);
        Path log = Files.writeString(temp.resolve("f.log"), lines(t0, 3, "start"));
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> data() != null && data().buckets() > 0);

        robot.clickOn(wb.window().events().table()).press(KeyCode.CONTROL, KeyCode.L);
        robot.release(KeyCode.L, KeyCode.CONTROL);
        Fx.waitUntil(() -> wb.model().selectedProperty().get().followingProperty().get());
        LocalDateTime later = t0.plusHours(3);
        Files.writeString(log, lines(later, 3, "later"), StandardOpenOption.APPEND);

        Fx.waitUntil(
                () ->
                        data() != null
                                && data().bucketStart(data().buckets())
                                        .isAfter(later.atZone(ZoneId.systemDefault()).toInstant()));
        assertThat(wb.window().events().timeline().emptyTextProperty().get())
                .doesNotContain("waiting");
    }

    @Test
    void theTimelineCountsOnlyTheLinesTheTextFilterLeaves(FxRobot robot) throws Exception {
        LocalDateTime t0 = LocalDateTime.now().withNano(0).minusDays(1);
        Path log =
                Files.writeString(
                        temp.resolve("t.log"),
                        lines(t0, 30, "alpha") + lines(t0.plusHours(2), 30, "beta"));
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> data() != null && total(data()) == 60);

        robot.clickOn("#quickFilter").write("beta");

        Fx.waitUntil(() -> data() != null && total(data()) == 30);
        TimelineData d = data();
        java.time.Instant betaStart = t0.plusHours(2).atZone(ZoneId.systemDefault()).toInstant();
        for (int b = 0; b < d.buckets(); b++) {
            if (d.bucketStart(b + 1).isBefore(betaStart)
                    || d.bucketStart(b + 1).equals(betaStart)) {
                assertThat(d.total(b)).as("bar %d, before the beta lines", b).isZero();
            }
        }
    }

    @Test
    void aDraggedTimeRangeIsShownAndClears(FxRobot robot) throws Exception {
        LocalDateTime t0 = LocalDateTime.now().withNano(0).minusDays(1);
        Path log = Files.writeString(temp.resolve("r.log"), lines(t0, 120, "line"));
        robot.interact(() -> wb.model().open(List.of(log)));
        Fx.waitUntil(() -> data() != null && data().buckets() > 0);
        Node range = robot.lookup("#timelineRange").query();
        Node bar = robot.lookup("#timelineRangeBar").query();
        assertThat(Fx.onFx(bar::isVisible)).isFalse();

        TimelineView timeline = wb.window().events().timeline();
        // the press, drag and release of a mouse drag across the bars, delivered to the timeline
        // (a robot drag under Monocle leaves drag-and-drop state behind for the docking tests)
        robot.interact(
                () -> {
                    double w = timeline.getWidth();
                    double y = timeline.getHeight() / 2;
                    mouse(timeline, javafx.scene.input.MouseEvent.MOUSE_PRESSED, w * 0.2, y);
                    mouse(timeline, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, w * 0.4, y);
                    mouse(timeline, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, w * 0.6, y);
                    mouse(timeline, javafx.scene.input.MouseEvent.MOUSE_RELEASED, w * 0.6, y);
                });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wb.model().events().timeRangeProperty().get()).isNotNull();
        assertThat(Fx.onFx(bar::isVisible)).isTrue();
        assertThat(Fx.onFx(() -> ((javafx.scene.control.Label) range).getText()))
                .startsWith("Showing lines from");

        robot.clickOn("#timelineClearRange");

        assertThat(wb.model().events().timeRangeProperty().get()).isNull();
        assertThat(Fx.onFx(bar::isVisible)).isFalse();
    }

    private static void mouse(
            Node target,
            javafx.event.EventType<javafx.scene.input.MouseEvent> type,
            double x,
            double y) {
        var screen = target.localToScreen(x, y);
        javafx.event.Event.fireEvent(
                target,
                new javafx.scene.input.MouseEvent(
                        type,
                        x,
                        y,
                        screen.getX(),
                        screen.getY(),
                        MouseButton.PRIMARY,
                        1,
                        false,
                        false,
                        false,
                        false,
                        true,
                        false,
                        false,
                        false,
                        false,
                        false,
                        null));
    }

    private TimelineData data() throws Exception {
        return Fx.onFx(() -> wb.window().events().timeline().dataProperty().get());
    }

    private static long total(TimelineData d) {
        long n = 0;
        for (int b = 0; b < d.buckets(); b++) {
            for (Verdict v : Verdict.values()) {
                n += d.count(b, v);
            }
        }
        return n;
    }

    /** {@code n} syslog lines a minute apart from {@code from}, with {@code word} in each. */
    private static String lines(LocalDateTime from, int n, String word) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(SYSLOG.format(from.plusMinutes(i)))
                    .append(" host prog[1]: ")
                    .append(word)
                    .append(' ')
                    .append(i)
                    .append('\n');
        }
        return b.toString();
    }
}
