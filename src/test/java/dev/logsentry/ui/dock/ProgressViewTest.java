package dev.logsentry.ui.dock;

import static dev.logsentry.ui.dock.DockWorkbenchTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProgressViewTest {
    private final JobRegistry jobs = new JobRegistry();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new ProgressView(jobs), 500, 300));
        stage.show();
    }

    @Test
    void cancelButtonCancelsTheTaskAndItLeavesTheList(FxRobot robot) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Task<Void> task =
                new Task<>() {
                    @Override
                    protected Void call() throws Exception {
                        updateTitle("Indexing syslog");
                        updateProgress(1, 4);
                        updateMessage("1 of 4 blocks");
                        running.countDown();
                        while (!isCancelled()) {
                            Thread.sleep(20);
                        }
                        return null;
                    }
                };
        onFx(() -> jobs.track("indexing", task));
        Thread worker = new Thread(task);
        worker.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".ls-job-name").queryAs(Label.class).getText())
                .isEqualTo("Indexing syslog");
        assertThat(robot.lookup(".ls-job-message").queryAs(Label.class).getText())
                .isEqualTo("1 of 4 blocks");
        assertThat(robot.lookup(".progress-bar").queryAs(ProgressBar.class).getProgress())
                .isEqualTo(0.25);

        robot.clickOn(".ls-job-cancel");
        worker.join(10_000);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(task.isCancelled()).isTrue();
        assertThat(jobs.jobs()).isEmpty();
        assertThat(robot.lookup(".ls-job-name").tryQuery()).isEmpty();
    }

    @Test
    void coreWorkReportsThroughAHandleFromAnyThread(FxRobot robot) throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Job job = jobs.start("Checking rules", () -> stopped.set(true));
        Thread worker =
                new Thread(
                        () -> {
                            job.progress(3, 4);
                            job.message("3 of 4 files");
                        });
        worker.start();
        worker.join(10_000);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".progress-bar").queryAs(ProgressBar.class).getProgress())
                .isEqualTo(0.75);
        robot.clickOn(".ls-job-cancel");
        assertThat(stopped).isTrue();
        assertThat(job.isCancelled()).isTrue();

        job.done();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(jobs.jobs()).isEmpty();
    }
}
