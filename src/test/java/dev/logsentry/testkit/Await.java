package dev.logsentry.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that background work makes true; fails with a message after a minute. */
public final class Await {
    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    /** Runs the collector until {@code cleared} holds (weak references gone). */
    public static void garbageCollectedUntil(String what, BooleanSupplier cleared) {
        for (int i = 0; i < 50 && !cleared.getAsBoolean(); i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!cleared.getAsBoolean()) {
            throw new AssertionError("still retained: " + what);
        }
    }
}
