package dev.logsentry.bench;

import dev.logsentry.core.source.follow.FollowEvent;
import dev.logsentry.core.source.follow.FollowListener;
import dev.logsentry.core.source.follow.Follower;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Follow latency: a writer appends one line every few milliseconds (each carrying its write time)
 * and rotates by rename now and then; the follower's real loop (watch service + polling) hands
 * lines to a listener that records write-to-delivery time. Prints median, p99 and max.
 */
public final class FollowLatencyBench {
    private FollowLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("logsentry-latency");
        Path log = dir.resolve("latency.log");
        Files.createFile(log);
        long[] latencies = new long[count];
        ConcurrentHashMap<Integer, Long> sent = new ConcurrentHashMap<>();
        FollowListener l =
                new FollowListener() {
                    @Override
                    public void line(byte[] raw) {
                        long now = System.nanoTime();
                        String s = new String(raw, StandardCharsets.US_ASCII);
                        int n = Integer.parseInt(s.substring(0, s.indexOf(' ')));
                        latencies[n] = now - sent.get(n);
                    }

                    @Override
                    public void event(FollowEvent event) {}
                };
        Follower f = new Follower(log, 0, l);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        ex.submit(f::run);
        Thread.sleep(300);
        FileOutputStream out = new FileOutputStream(log.toFile(), true);
        for (int i = 0; i < count; i++) {
            if (i > 0 && i % 500 == 0) {
                out.close();
                Files.move(log, dir.resolve("latency.log." + i));
                out = new FileOutputStream(log.toFile(), true);
            }
            sent.put(i, System.nanoTime());
            out.write((i + " payload of a typical log line, about eighty bytes long ....\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(2 + (i % 5));
        }
        out.close();
        Thread.sleep(500);
        f.close();
        ex.shutdown();
        ex.awaitTermination(10, TimeUnit.SECONDS);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long zeros = Arrays.stream(latencies).filter(x -> x == 0).count();
        System.out.printf(
                "lines=%d missing=%d median_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                count,
                zeros,
                sorted[count / 2] / 1e6,
                sorted[(int) (count * 0.99)] / 1e6,
                sorted[count - 1] / 1e6);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
