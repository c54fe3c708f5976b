package dev.logsentry.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** FX-thread helpers for TestFX tests: the scene graph is only read on the FX thread. */
public final class Fx {
    private Fx() {}

    /** Waits (up to a minute) until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code query} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(60, TimeUnit.SECONDS);
    }
}
