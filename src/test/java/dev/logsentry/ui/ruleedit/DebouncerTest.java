package dev.logsentry.ui.ruleedit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.preview.CancelToken;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A newer request cancels the running one; only the newest result is delivered. */
class DebouncerTest {

    @Test
    void aSupersededRequestIsCancelledAndNeverDelivered() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<CancelToken> tokens = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Debouncer d = new Debouncer(Runnable::run, 0);
        d.<String>submit(
                token -> {
                    tokens.add(token);
                    firstRunning.countDown();
                    while (!token.isCancelled()) {
                        Thread.onSpinWait();
                    }
                    throw new java.util.concurrent.CancellationException(); // superseded
                },
                delivered::add,
                delivered::add);
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        d.submit(
                token -> "second",
                r -> {
                    delivered.add(r);
                    secondDone.countDown();
                },
                delivered::add);
        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tokens.get(0).isCancelled()).isTrue();
        assertThat(delivered).containsExactly("second");
    }
}
