package dev.logsentry.core.check.preview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Finds the line indexes a test selects, in chunks on several threads, in line order. Each thread
 * gets its own test from {@code perThread} (matcher sessions are per thread).
 */
final class LineScan {

    private static final int CHUNK = 8192;

    private LineScan() {}

    /** A matcher session with a reused byte buffer: no allocation per line. */
    static final class Bytes {
        private final dev.logsentry.core.rules.automata.GroupMatcher.Session session;
        private byte[] buffer = new byte[512];

        Bytes(dev.logsentry.core.rules.automata.GroupMatcher.Session session) {
            this.session = session;
        }

        /** The session's groups for {@code latin1} (one char per byte). */
        @SuppressWarnings("deprecation")
        long[] match(String latin1) {
            int n = latin1.length();
            if (buffer.length < n) {
                buffer = new byte[Math.max(n, buffer.length * 2)];
            }
            // the low byte of each char: exactly the line's bytes for a Latin-1 string
            latin1.getBytes(0, n, buffer, 0);
            return session.match(buffer, 0, n);
        }
    }

    static int[] select(
            int size, int threads, BooleanSupplier cancelled, Supplier<IntPredicate> perThread) {
        int chunks = (size + CHUNK - 1) / CHUNK;
        int[][] found = new int[chunks][];
        AtomicInteger next = new AtomicInteger();
        Runnable worker =
                () -> {
                    IntPredicate test = perThread.get();
                    int[] buffer = new int[CHUNK];
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        CancelToken.check(cancelled);
                        int n = 0;
                        int to = Math.min(size, (c + 1) * CHUNK);
                        for (int i = c * CHUNK; i < to; i++) {
                            if (test.test(i)) {
                                buffer[n++] = i;
                            }
                        }
                        found[c] = Arrays.copyOf(buffer, n);
                    }
                };
        run(Math.max(1, Math.min(threads, chunks)), worker);
        int total = 0;
        for (int[] f : found) {
            total += f.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] f : found) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }

    private static void run(int threads, Runnable worker) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        List<Thread> started = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < threads; t++) {
            Thread th =
                    new Thread(
                            () -> {
                                try {
                                    worker.run();
                                } catch (RuntimeException e) {
                                    synchronized (failure) {
                                        if (failure[0] == null
                                                || failure[0] instanceof CancellationException) {
                                            failure[0] = e;
                                        }
                                    }
                                }
                            },
                            "logsentry-preview");
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
