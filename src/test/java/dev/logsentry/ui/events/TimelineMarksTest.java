package dev.logsentry.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a person sees on the timeline of a big log: one attack and one violation among a million
 * ignored lines each get a mark above the bars; and with no log open it says so instead of "waiting
 * for classification".
 */
@ExtendWith(ApplicationExtension.class)
class TimelineMarksTest {
    private static final int BUCKETS = 300;
    private static final int ATTACK_AT = 120;
    private static final int VIOLATION_AT = 200;
    private final TimelineView timeline = new TimelineView();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(timeline), BUCKETS * 3, 64));
        stage.show();
    }

    @Test
    void rareVerdictsOnABigLogGetMarksAboveTheBars(FxRobot robot) throws Exception {
        robot.interact(() -> timeline.dataProperty().set(new BigLog()));

        WritableImage shot = dev.logsentry.testkit.Fx.onFx(() -> timeline.snapshot(null, null));
        PixelReader px = shot.getPixelReader();
        double barW = shot.getWidth() / BUCKETS;
        int y = (int) (TimelineView.MARKS / 3);

        assertThat(reddish(px.getColor(x(ATTACK_AT, barW), y))).isTrue();
        assertThat(orange(px.getColor(x(VIOLATION_AT, barW), y))).isTrue();
        Color elsewhere = px.getColor(x(30, barW), y);
        assertThat(reddish(elsewhere) || orange(elsewhere)).isFalse();
    }

    @Test
    void withNoLogItSaysSoRatherThanWaiting() {
        assertThat(timeline.emptyTextProperty().get()).doesNotContain("waiting");
        assertThat(timeline.emptyTextProperty().get()).contains("No log open");
    }

    private static int x(int bucket, double barW) {
        return (int) (bucket * barW + barW / 2);
    }

    private static boolean reddish(Color c) {
        return c.getOpacity() > 0.5 && c.getRed() > 0.6 && c.getGreen() < 0.3;
    }

    private static boolean orange(Color c) {
        return c.getOpacity() > 0.5 && c.getRed() > 0.8 && c.getGreen() > 0.3 && c.getBlue() < 0.2;
    }

    /** A million ignored lines per bar, one attack and one violation. */
    private static final class BigLog implements TimelineData {
        @Override
        public int buckets() {
            return BUCKETS;
        }

        @Override
        public Instant bucketStart(int b) {
            return Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * b);
        }

        @Override
        public long count(int bucket, Verdict verdict) {
            return switch (verdict) {
                case IGNORED -> 1_000_000;
                case ATTACK -> bucket == ATTACK_AT ? 1 : 0;
                case VIOLATION -> bucket == VIOLATION_AT ? 1 : 0;
                case UNUSUAL -> 0;
            };
        }
    }
}
