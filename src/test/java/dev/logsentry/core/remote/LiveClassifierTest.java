package dev.logsentry.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveClassifierTest {
    private static final SyslogParser PARSER = new SyslogParser(ZoneOffset.UTC);

    private static LiveClassifier.Batch batch(int first, int n) {
        SpoolLine.Writer lines = new SpoolLine.Writer("web1");
        Instant now = Instant.parse("2026-12-05T01:00:00Z");
        for (int i = first; i < first + n; i++) {
            byte[] frame =
                    ("<38>1 2026-12-05T01:00:00Z web1 sshd 42 - - line " + i)
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            SyslogFields f = new SyslogFields();
            PARSER.parse(frame, 0, frame.length, now, f);
            lines.add(f, now, ZoneOffset.UTC);
        }
        return new LiveClassifier.Batch("web1", "127.0.0.1:1", now, lines, "/spool/x", 0);
    }

    private static List<String> texts(List<RemoteLine> lines) {
        List<String> out = new ArrayList<>();
        for (RemoteLine l : lines) {
            String text = l.line().latin1();
            out.add(text.substring(text.indexOf("sshd[42]: ") + "sshd[42]: ".length()));
        }
        return out;
    }

    @Test
    void batchesOfAConnectionReachTheListenerInOrderWhenSomeWaitInTheQueue() throws Exception {
        List<RemoteLine> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (LiveClassifier live = new LiveClassifier(TestReceivers.CLASSIFIER, 8, m -> {})) {
            live.addListener(
                    new RemoteListener() {
                        @Override
                        public void lines(List<RemoteLine> b) {
                            if (calls.getAndIncrement() == 0) {
                                try {
                                    release.await(10, TimeUnit.SECONDS); // slow first call
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            seen.addAll(b);
                        }
                    });
            // another connection's batch is being delivered (slowly) while this one's arrive:
            // they wait in the queue and must come out in the order they were put
            Thread other = new Thread(() -> put(live, batch(100, 1)));
            other.start();
            while (calls.get() == 0) {
                Thread.sleep(5);
            }
            for (int k = 0; k < 5; k++) {
                live.put(batch(k * 3, 3));
            }
            assertThat(live.queued()).isEqualTo(15);
            release.countDown();
            other.join();
        }
        List<String> expected = new ArrayList<>(List.of("line 100"));
        for (int i = 0; i < 15; i++) {
            expected.add("line " + i);
        }
        assertThat(texts(seen)).containsExactlyElementsOf(expected);
        assertThat(seen).allSatisfy(l -> assertThat(l.classification()).isNotNull());
    }

    @Test
    void withoutListenersNothingIsQueued() throws Exception {
        try (LiveClassifier live = new LiveClassifier(TestReceivers.CLASSIFIER, 1, m -> {})) {
            for (int k = 0; k < 10; k++) {
                live.put(batch(k, 1)); // a queue of one batch: would block if anything queued
            }
            assertThat(live.queued()).isZero();
        }
    }

    private static void put(LiveClassifier live, LiveClassifier.Batch b) {
        try {
            live.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
