package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DnscacheOrderTest {

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void partsReadAtOnceHandTheirLinesOnInLogOrderHoldingAtMostTheLimit() throws Exception {
        List<String> seen = new ArrayList<>();
        int parts = 6;
        int perPart = 50;
        int limit = 4;
        DnscacheOrder order =
                new DnscacheOrder(
                        (host, text, source, line) -> {
                            seen.add(host + " " + text + " " + source + ":" + line);
                        },
                        3,
                        parts,
                        limit);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> f = new ArrayList<>();
            // parts start in order, as the summarizer submits them; part 0 is slow, so the parts
            // running beside it fill their hold and must wait for their turn
            for (int p = 0; p < parts; p++) {
                int part = p;
                f.add(
                        pool.submit(
                                () -> {
                                    for (int i = 1; i <= perPart; i++) {
                                        if (part == 0) {
                                            sleep(2);
                                        }
                                        // every part has perPart * 2 lines, every other one
                                        // dnscache
                                        order.add(
                                                part, "h" + (i % 2), "p" + part + "e" + i, 2L * i);
                                    }
                                    order.finished(part, 2L * perPart);
                                }));
            }
            for (Future<?> x : f) {
                x.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            for (int i = 1; i <= perPart; i++) {
                expected.add(
                        "h" + (i % 2) + " p" + p + "e" + i + " 3:" + (p * 2L * perPart + 2L * i));
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(order.mostHeld()).isPositive().isLessThanOrEqualTo(limit);
    }
}
