package dev.logsentry.bench;

import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.workspace.Classification;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.core.workspace.OpenSource;
import dev.logsentry.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Measuring program for bench/workbench-vs-check.sh: the workbench's path without a window. Opens
 * LOG in the core {@link Workspace}, waits until it is indexed, then lets {@link Classifications}
 * classify every line with the rules (the same {@link RuleSetup} as {@code logsentry check}),
 * timing index and classification separately. Prints "index MS classify MS lines" to stdout.
 *
 * <p>Usage: {@code WorkbenchClassifyMain LOG [RULES_DIR] [LEVEL]}
 */
public final class WorkbenchClassifyMain {
    private WorkbenchClassifyMain() {}

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        String rules = args.length > 1 ? args[1] : "/etc/logcheck";
        Level level = Level.parse(args.length > 2 ? args[2] : "server");
        var classifier = RuleSetup.forWorkbench(rules, level, null).classifier();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService background = Executors.newCachedThreadPool();
        Workspace workspace = new Workspace(background);
        Classifications classifications = new Classifications(workspace, background, threads);
        CountDownLatch done = new CountDownLatch(1);
        long[] classified = new long[1];
        classifications.addListener(
                new Classifications.Listener() {
                    @Override
                    public void progressed(Classification c) {
                        if (c.fraction() >= 1 && !c.source().growing()) {
                            classified[0] = System.nanoTime();
                            done.countDown();
                        }
                    }

                    @Override
                    public void summarized(Classification c) {}

                    @Override
                    public void failed(Classification c, String message) {
                        System.err.println(message);
                        done.countDown();
                    }
                });
        long t0 = System.nanoTime();
        OpenSource s = workspace.open(log).get(0);
        while (s.state() != OpenSource.State.READY) {
            if (s.state() == OpenSource.State.FAILED) {
                throw new IllegalStateException(s.problem());
            }
            Thread.sleep(5);
        }
        long t1 = System.nanoTime();
        classifications.setClassifier(classifier);
        done.await();
        System.out.printf(
                "%d %d %d%n",
                (t1 - t0) / 1_000_000,
                (classified[0] - t1) / 1_000_000,
                s.lines().lineCount());
        workspace.close();
        background.shutdownNow();
    }
}
