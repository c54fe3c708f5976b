package dev.logsentry.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures how long the FX thread is ever blocked while the workbench opens, indexes, classifies
 * and filters a large log (default {@code /tmp/logsentry-bench/syslog-1g.log}, made by {@code
 * bench/gen-syslog.sh}). A probe thread posts a task to the FX thread every 5 ms and records how
 * late it ran. A measurement, not a pass/fail test: run it with {@code bench/fx-stall.sh}.
 */
@Tag("soak")
@ExtendWith(ApplicationExtension.class)
class FxStallSoakTest {
    private static final Path FILE =
            Path.of(
                    System.getProperty(
                            "logsentry.bench.file", "/tmp/logsentry-bench/syslog-1g.log"));

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void longestFxThreadStallWhileLoadingAndFiltering(FxRobot robot) throws Exception {
        assumeTrue(
                Files.isRegularFile(FILE), "generate " + FILE + " with bench/gen-syslog.sh first");
        Probe probe = new Probe();
        probe.start();
        long t0 = System.nanoTime();
        robot.interact(() -> wb.window().openDropped(List.of(FILE.toFile())));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.MINUTES,
                () -> {
                    ClassifiedSource c = wb.model().events().classifiedProperty().get();
                    return c != null
                            && wb.model()
                                    .sources()
                                    .get(0)
                                    .stateProperty()
                                    .get()
                                    .name()
                                    .equals("READY")
                            && c.upToDate()
                            && c.classifiedCount() == c.source().lineCount();
                });
        long loaded = System.nanoTime();
        long stallLoading = probe.maxAndReset();

        robot.interact(() -> wb.model().events().quickTextProperty().set("sshd"));
        waitFilterDone();
        robot.interact(() -> wb.model().events().hideIgnoredProperty().set(true));
        waitFilterDone();
        robot.interact(() -> wb.model().events().quickTextProperty().set("Failed password"));
        waitFilterDone();
        long filtered = System.nanoTime();
        long stallFiltering = probe.maxAndReset();
        robot.interact(() -> wb.model().events().jump(null, false));
        robot.interact(
                () ->
                        wb.window()
                                .events()
                                .table()
                                .scrollTo(wb.window().events().table().getItems().size() - 1));
        long stallJumping = probe.maxAndReset();
        probe.stop();
        Files.writeString(Path.of("target", "fx-stall-stack.txt"), probe.worstStack());

        String report =
                String.format(
                        "file %s (%,d bytes, %,d lines)%n"
                                + "open+index+classify: %.1f s, longest FX stall %.1f ms%n"
                                + "3 filters (text, hide ignored, text): %.1f s, longest FX stall %.1f ms%n"
                                + "jump to last reported line and scroll to end: longest FX stall %.1f ms%n"
                                + "filter status: %s%n"
                                + "FX thread during the longest stall seen %s%n",
                        FILE,
                        Files.size(FILE),
                        wb.model().events().classifiedProperty().get().source().lineCount(),
                        (loaded - t0) / 1e9,
                        stallLoading / 1e6,
                        (filtered - loaded) / 1e9,
                        stallFiltering / 1e6,
                        stallJumping / 1e6,
                        wb.model().events().filterStatusProperty().get(),
                        probe.worstStack());
        System.out.println(report);
        Files.writeString(Path.of("target", "fx-stall.txt"), report);
        robot.interact(() -> wb.model().close());
        assertThat(stallLoading).isPositive();
    }

    private void waitFilterDone() throws Exception {
        Thread.sleep(400); // the filter starts after a typing pause
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.MINUTES,
                () -> {
                    String s = wb.model().events().filterStatusProperty().get();
                    return s != null && !s.isEmpty() && !s.endsWith("\u2026");
                });
    }

    /** Posts to the FX thread every 5 ms and remembers the worst delay. */
    private static final class Probe {
        private final AtomicLong max = new AtomicLong();
        private final java.util.List<String> stalls =
                java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        private final long started = System.nanoTime();
        private volatile boolean running = true;
        private volatile long pendingSince;
        private volatile String worstStack = "";
        private long worstSeen;
        private Thread thread;
        private Thread watchdog;

        void start() {
            thread =
                    new Thread(
                            () -> {
                                while (running) {
                                    long posted = System.nanoTime();
                                    pendingSince = posted;
                                    java.util.concurrent.CountDownLatch ran =
                                            new java.util.concurrent.CountDownLatch(1);
                                    Platform.runLater(
                                            () -> {
                                                long late = System.nanoTime() - posted;
                                                max.accumulateAndGet(late, Math::max);
                                                pendingSince = 0;
                                                if (late > 100_000_000L) {
                                                    stalls.add(
                                                            String.format(
                                                                    "  at %6.1f s: %5.0f ms",
                                                                    (posted - started) / 1e9,
                                                                    late / 1e6));
                                                }
                                                ran.countDown();
                                            });
                                    try {
                                        ran.await();
                                        Thread.sleep(5);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "fx-stall-probe");
            thread.setDaemon(true);
            thread.start();
            // While a probe task waits, sample what the FX thread is doing; keep the longest
            // wait's.
            watchdog =
                    new Thread(
                            () -> {
                                while (running) {
                                    long since = pendingSince;
                                    long waited = since == 0 ? 0 : System.nanoTime() - since;
                                    if (waited > 50_000_000L) {
                                        sampleBusyFrames();
                                    }
                                    if (waited > 100_000_000L && waited > worstSeen) {
                                        worstSeen = waited;
                                        for (var e : Thread.getAllStackTraces().entrySet()) {
                                            if (e.getKey()
                                                    .getName()
                                                    .equals("JavaFX Application Thread")) {
                                                StringBuilder b = new StringBuilder();
                                                for (StackTraceElement f : e.getValue()) {
                                                    b.append("    at ").append(f).append('\n');
                                                    if (b.length() > 6000) {
                                                        break;
                                                    }
                                                }
                                                worstStack =
                                                        String.format(
                                                                "after %.0f ms:%n%s",
                                                                waited / 1e6, b);
                                            }
                                        }
                                    }
                                    try {
                                        Thread.sleep(20);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "fx-stall-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        private final java.util.Map<String, Integer> frames =
                new java.util.concurrent.ConcurrentHashMap<>();

        /**
         * Counts, per sample of a late FX thread, the first frames of LogSentry or JavaFX controls.
         */
        private void sampleBusyFrames() {
            for (var e : Thread.getAllStackTraces().entrySet()) {
                if (!e.getKey().getName().equals("JavaFX Application Thread")) {
                    continue;
                }
                int taken = 0;
                for (StackTraceElement f : e.getValue()) {
                    String c = f.getClassName();
                    if (c.startsWith("dev.logsentry")
                            || c.startsWith("javafx.scene.control")
                            || c.startsWith("javafx.scene.layout")
                            || c.startsWith("javafx.scene.canvas")) {
                        frames.merge(c + "." + f.getMethodName(), 1, Integer::sum);
                        if (++taken == 3) {
                            break;
                        }
                    }
                }
            }
        }

        String worstStack() {
            StringBuilder b = new StringBuilder(worstStack);
            b.append(String.format("%nevery stall over 100 ms (time since the probe started):%n"));
            synchronized (stalls) {
                stalls.forEach(line -> b.append(line).append('\n'));
            }
            b.append(String.format("%nframes seen while the FX thread was late (samples):%n"));
            frames.entrySet().stream()
                    .sorted((x, y) -> y.getValue() - x.getValue())
                    .limit(15)
                    .forEach(
                            en ->
                                    b.append(
                                            String.format(
                                                    "  %5d %s%n", en.getValue(), en.getKey())));
            return b.toString();
        }

        long maxAndReset() {
            return max.getAndSet(0);
        }

        void stop() {
            running = false;
            thread.interrupt();
            watchdog.interrupt();
        }
    }
}
