package dev.logsentry.core.browse;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The one way the background jobs of this package use both cores: a line range is cut into units,
 * workers process a few units ahead, and the results are handed over strictly in line order (so a
 * job can publish a growing prefix). When the sink stops the work, or the job is cancelled, every
 * worker has finished before {@link #run} returns: no worker ever writes after its job ended.
 */
final class OrderedWork {

    /** Processes lines {@code [start, end)}, polling {@code halt} now and then. */
    @FunctionalInterface
    interface Task<R> {
        R run(long start, long end, BooleanSupplier halt);
    }

    /** Takes results in line order; returns false to stop the work. */
    @FunctionalInterface
    interface Sink<R> {
        boolean accept(R result);
    }

    private OrderedWork() {}

    /**
     * Runs {@code task} over {@code [from, to)} in units ending where {@code unitEnd} says (given a
     * unit's start, capped at {@code to}), on up to {@code threads} workers.
     *
     * @throws InterruptedException when the calling thread is interrupted (the work is stopped)
     * @throws ExecutionException when a task threw
     */
    static <R> void run(
            long from,
            long to,
            LongUnaryOperator unitEnd,
            int threads,
            String threadName,
            BooleanSupplier cancelled,
            Task<R> task,
            Sink<R> sink)
            throws InterruptedException, ExecutionException {
        AtomicBoolean stop = new AtomicBoolean();
        BooleanSupplier halt = () -> stop.get() || cancelled.getAsBoolean();
        boolean oneUnit = from >= to || Math.min(to, unitEnd.applyAsLong(from)) >= to;
        if (threads <= 1 || oneUnit) {
            for (long start = from; start < to; ) {
                long end = Math.min(to, unitEnd.applyAsLong(start));
                if (!sink.accept(task.run(start, end, halt))) {
                    return;
                }
                start = end;
            }
            return;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, threadName);
                            t.setDaemon(true);
                            return t;
                        });
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        long next = from;
        try {
            while (true) {
                while (next < to && inFlight.size() < 2 * threads) {
                    long start = next;
                    long end = Math.min(to, unitEnd.applyAsLong(start));
                    next = end;
                    inFlight.add(pool.submit(() -> task.run(start, end, halt)));
                }
                Future<R> f = inFlight.poll();
                if (f == null || !sink.accept(f.get())) {
                    return;
                }
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
