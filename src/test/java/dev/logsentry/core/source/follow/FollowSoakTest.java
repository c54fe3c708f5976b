package dev.logsentry.core.source.follow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer appends sequence-numbered lines at a high rate and rotates every {@code
 * soak.rotateEvery} lines, alternating rename-and-create with copytruncate, while a follower runs
 * its real loop. At the end every number must have been seen; duplicates are counted and reported.
 * Run with {@code mvn -Psoak verify} (duration: {@code -Dsoak.seconds=60}).
 */
@Tag("soak")
class FollowSoakTest {
    @TempDir Path dir;

    @Test
    void noLineIsLostAcrossRenameAndCopytruncateRotations() throws Exception {
        long seconds = Long.getLong("soak.seconds", 30);
        int rotateEvery = Integer.getInteger("soak.rotateEvery", 20_000);
        Path log = dir.resolve("soak.log");
        Files.createFile(log);

        BitSet seen = new BitSet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong foreign = new AtomicLong();
        FollowListener counter =
                new FollowListener() {
                    @Override
                    public void line(byte[] raw) {
                        String s = new String(raw, UTF_8);
                        if (!s.startsWith("seq ")) {
                            foreign.incrementAndGet();
                            return;
                        }
                        int n = Integer.parseInt(s.substring(4, 13));
                        if (seen.get(n)) {
                            duplicates.incrementAndGet();
                        }
                        seen.set(n);
                    }

                    @Override
                    public void event(FollowEvent event) {}
                };
        Follower follower = new Follower(log, 0, counter, 50);
        ExecutorService ex = Executors.newFixedThreadPool(2);
        int written;
        int rotations;
        try {
            ex.submit(follower::run);
            Future<int[]> writer = ex.submit(() -> write(log, seconds, rotateEvery));
            int[] result = writer.get(seconds + 60, TimeUnit.SECONDS);
            written = result[0];
            rotations = result[1];
            Thread.sleep(500); // let the loop see the last writes before it is stopped
        } finally {
            follower.close();
            ex.shutdown();
            ex.awaitTermination(30, TimeUnit.SECONDS);
        }
        int missing = written - seen.cardinality();
        String summary =
                String.format(
                        "written %d lines, %d rotations, missing %d, duplicates %d, foreign %d",
                        written, rotations, missing, duplicates.get(), foreign.get());
        Files.writeString(Path.of("target", "follow-soak.txt"), summary + "\n");
        assertThat(seen.nextClearBit(0)).as(summary).isEqualTo(written);
        assertThat(foreign.get()).as(summary).isZero();
        assertThat(rotations).isPositive();
    }

    /** Returns {lines written, rotations}. */
    private static int[] write(Path log, long seconds, int rotateEvery) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        OutputStream out = new FileOutputStream(log.toFile(), true);
        int n = 0;
        int rotations = 0;
        StringBuilder batch = new StringBuilder();
        while (System.nanoTime() < end) {
            batch.setLength(0);
            for (int i = 0; i < 100; i++, n++) {
                batch.append(String.format("seq %09d payload payload payload%n", n));
                if ((n + 1) % rotateEvery == 0) {
                    out.write(batch.toString().getBytes(UTF_8));
                    out.flush();
                    batch.setLength(0);
                    rotations++;
                    Path rotated = log.resolveSibling(log.getFileName() + "." + rotations);
                    if (rotations % 2 == 0) {
                        out.close();
                        Files.move(log, rotated);
                        out = new FileOutputStream(log.toFile(), true);
                    } else {
                        Files.copy(log, rotated);
                        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                            ch.truncate(0);
                        }
                    }
                }
            }
            out.write(batch.toString().getBytes(UTF_8));
            out.flush();
            Thread.sleep(1);
        }
        out.close();
        return new int[] {n, rotations};
    }
}
