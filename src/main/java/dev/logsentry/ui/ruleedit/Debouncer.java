package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.preview.CancelToken;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the latest request off the FX thread a short delay after the last one (typing settles), and
 * cancels the one running when a newer one arrives: a superseded result never reaches the view.
 * Results and failures are handed to the FX executor.
 */
final class Debouncer {
    private static final ScheduledExecutorService WORKERS =
            Executors.newScheduledThreadPool(
                    1,
                    r -> {
                        Thread t = new Thread(r, "logsentry-rule-preview");
                        t.setDaemon(true);
                        return t;
                    });

    private final Executor fx;
    private final long delayMs;
    private ScheduledFuture<?> pending;
    private CancelToken token;
    private long generation;

    Debouncer(Executor fx, long delayMs) {
        this.fx = fx;
        this.delayMs = delayMs;
    }

    /**
     * Schedules {@code work} (given the cancel token) and hands its result to {@code done} on the
     * FX thread, unless a newer request came first; {@code failed} gets any other exception's
     * message.
     */
    synchronized <T> void submit(
            Function<CancelToken, T> work, Consumer<T> done, Consumer<String> failed) {
        cancel();
        CancelToken mine = new CancelToken();
        long gen = ++generation;
        token = mine;
        pending =
                WORKERS.schedule(
                        () -> {
                            try {
                                T result = work.apply(mine);
                                fx.execute(
                                        () -> {
                                            if (current(gen)) {
                                                done.accept(result);
                                            }
                                        });
                            } catch (CancellationException e) {
                                // superseded: the newer request reports
                            } catch (RuntimeException | StackOverflowError e) {
                                String why =
                                        e.getMessage() == null
                                                ? e.getClass().getSimpleName()
                                                : e.getMessage();
                                fx.execute(
                                        () -> {
                                            if (current(gen)) {
                                                failed.accept(why);
                                            }
                                        });
                            }
                        },
                        delayMs,
                        TimeUnit.MILLISECONDS);
    }

    private synchronized boolean current(long gen) {
        return gen == generation;
    }

    /**
     * Hands a partial result to the FX thread unless the request of {@code token} was superseded by
     * then (a newer request cancels the older token).
     */
    void publish(CancelToken token, Runnable partial) {
        fx.execute(
                () -> {
                    if (!token.isCancelled()) {
                        partial.run();
                    }
                });
    }

    /** Cancels the pending or running request. */
    synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (token != null) {
            token.cancel();
        }
    }
}
