package dev.logsentry.core.workspace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A flood of attack lines makes one notification per window, not one per line. */
class AlertBatcherTest {
    private static RemoteHosts.Alert alert(String host, long line) {
        return new RemoteHosts.Alert(
                new RemoteHost(host, Path.of(host + ".log"), Path.of(host + ".log"), null, 0),
                line,
                Verdict.ATTACK,
                "line " + line);
    }

    @Test
    void theFirstAlertGoesAtOnceTheRestOfTheWindowAsOneDigest() {
        AtomicLong now = new AtomicLong(0);
        List<RemoteHosts.AlertDigest> out = new CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            // a window of an hour: the timer never fires during the test; the test plays it
            AlertBatcher b = new AlertBatcher(Duration.ofHours(1), timer, out::add, now::get);
            b.add(alert("web1", 0));
            assertThat(out).hasSize(1);
            assertThat(out.get(0).count()).isEqualTo(1);

            now.set(Duration.ofSeconds(1).toNanos());
            for (int i = 1; i <= 1000; i++) {
                b.add(alert(i % 2 == 0 ? "web1" : "db1", i));
            }
            assertThat(out).as("a flood within the window waits for its end").hasSize(1);
            b.flush();
            assertThat(out).hasSize(2);
            assertThat(out.get(1).count()).isEqualTo(1000);
            assertThat(out.get(1).hosts()).containsExactly("db1", "web1");
            assertThat(out.get(1).first().line()).isEqualTo(1);

            b.flush(); // nothing gathered since: no empty notification
            assertThat(out).hasSize(2);
            now.set(Duration.ofHours(3).toNanos());
            b.add(alert("mail", 2000));
            assertThat(out).as("after a quiet window the next one goes at once").hasSize(3);
        } finally {
            timer.shutdownNow();
        }
    }
}
