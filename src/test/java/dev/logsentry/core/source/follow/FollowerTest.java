package dev.logsentry.core.source.follow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rotation case with real files, driven step by step through {@link Follower#poll}. */
class FollowerTest {
    @TempDir Path dir;

    private Path log() {
        return dir.resolve("app.log");
    }

    private void append(Path p, String text) throws IOException {
        Files.write(p, text.getBytes(UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void truncate(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    @Test
    void appendedLinesArriveOnceAndAnUnfinishedLineWaits() throws Exception {
        append(log(), "a\nb\n");
        Recorder r = new Recorder();
        try (Follower f = new Follower(log(), 0, r)) {
            f.poll();
            append(log(), "c\r\nd");
            f.poll();
            assertThat(r.all()).containsExactly("a", "b", "c");
            append(log(), "one\n");
            f.poll();
            f.poll();
            assertThat(r.all()).containsExactly("a", "b", "c", "done");
        }
    }

    @Test
    void startsAtTheGivenOffsetAndWaitsForAMissingFile() throws Exception {
        Recorder r = new Recorder();
        try (Follower f = new Follower(log(), 2, r)) {
            f.poll();
            assertThat(r.all()).isEmpty();
            append(log(), "a\nb\n");
            f.poll();
            assertThat(r.all()).containsExactly("b");
        }
    }

    @Test
    void renameAndCreateReadsTheRestOfTheOldFileThenTheNewOne() throws Exception {
        Recorder r = new Recorder();
        try (OutputStream daemon = Files.newOutputStream(log());
                Follower f = new Follower(log(), 0, r)) {
            daemon.write("1\n2\n".getBytes(UTF_8));
            daemon.flush();
            f.poll();
            daemon.write("3\n".getBytes(UTF_8));
            daemon.flush();
            Files.move(log(), dir.resolve("app.log.1"));
            daemon.write("4\n".getBytes(UTF_8)); // still writing to the renamed file
            daemon.flush();
            append(log(), "5\n");
            f.poll();
            assertThat(r.all()).containsExactly("1", "2", "3", "4", "<ROTATED>", "5");
            daemon.write("6\n".getBytes(UTF_8)); // until it is told to reopen
            daemon.flush();
            append(log(), "7\n");
            f.poll();
            assertThat(r.lines()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        }
    }

    @Test
    void copytruncateRecoversUnreadLinesFromTheCopy() throws Exception {
        Recorder r = new Recorder();
        append(log(), "line 1\nline 2\n");
        try (Follower f = new Follower(log(), 0, r)) {
            f.poll();
            append(log(), "line 3\nline 4\nunfin");
            Files.copy(log(), dir.resolve("app.log.1"));
            truncate(log());
            append(log(), "line 5\n");
            f.poll();
            assertThat(r.all())
                    .containsExactly(
                            "line 1",
                            "line 2",
                            "line 3",
                            "line 4",
                            "unfin",
                            "<TRUNCATED>",
                            "line 5");
            assertThat(r.events.get(0).message()).contains("app.log.1", "app.log");
        }
    }

    @Test
    void copytruncateIsSeenEvenWhenTheNewFileOutgrewTheOldPosition() throws Exception {
        Recorder r = new Recorder();
        append(log(), "old 1\n");
        try (Follower f = new Follower(log(), 0, r)) {
            f.poll();
            append(log(), "old 2\n");
            Files.copy(log(), dir.resolve("app.log-20261125"));
            truncate(log());
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                sb.append("new ").append(i).append('\n');
            }
            append(log(), sb.toString());
            f.poll();
            assertThat(r.lines())
                    .hasSize(52)
                    .startsWith("old 1", "old 2", "new 0")
                    .endsWith("new 49");
            assertThat(r.all().get(2)).isEqualTo("<TRUNCATED>");
        }
    }

    @Test
    void plainTruncationStartsAgainFromTheTop() throws Exception {
        Recorder r = new Recorder();
        append(log(), "a\nb\n");
        try (Follower f = new Follower(log(), 0, r)) {
            f.poll();
            truncate(log());
            f.poll();
            append(log(), "c\n");
            f.poll();
            assertThat(r.all()).containsExactly("a", "b", "<TRUNCATED>", "c");
        }
    }

    @Test
    void survivesDeleteAndRecreate() throws Exception {
        Recorder r = new Recorder();
        append(log(), "a\n");
        try (Follower f = new Follower(log(), 0, r)) {
            f.poll();
            Files.delete(log());
            f.poll();
            f.poll();
            append(log(), "b\n");
            f.poll();
            assertThat(r.all()).containsExactly("a", "<VANISHED>", "<ROTATED>", "b");
        }
    }

    @Test
    void closeHandsOutAnUnfinishedLastLine() throws Exception {
        Recorder r = new Recorder();
        append(log(), "a\nb");
        Follower f = new Follower(log(), 0, r);
        f.poll();
        assertThat(r.all()).containsExactly("a");
        f.close();
        assertThat(r.all()).containsExactly("a", "b");
    }

    @Test
    void runLoopPicksUpAppendsThroughTheWatchService() throws Exception {
        Recorder r = new Recorder();
        append(log(), "first\n");
        ExecutorService ex = Executors.newSingleThreadExecutor();
        Follower f = new Follower(log(), 0, r, 5_000); // long poll: the watch service must wake it
        try {
            ex.submit(f::run);
            awaitLines(r, 1);
            append(log(), "second\n");
            awaitLines(r, 2);
            Files.move(log(), dir.resolve("app.log.1"));
            append(log(), "third\n");
            awaitLines(r, 3);
            assertThat(r.lines()).containsExactly("first", "second", "third");
        } finally {
            f.close();
            ex.shutdown();
            assertThat(ex.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitLines(Recorder r, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (r.lines().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(r.lines()).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void followedSourceShowsIndexedLinesThenFollowedOnesWithMarkers() throws Exception {
        append(log(), "a\nb\npart");
        try (IndexedFile base = IndexedFile.open(log())) {
            base.index(IndexProgress.NONE, () -> false);
            FollowedSource s = FollowedSource.follow(base);
            try {
                assertThat(s.lineCount()).isEqualTo(2);
                s.follower().poll();
                append(log(), "ial\n");
                s.follower().poll();
                Files.move(log(), dir.resolve("app.log.1"));
                append(log(), "new\n");
                s.follower().poll();
                assertThat(s.lineCount()).isEqualTo(5);
                assertThat(s.line(0)).isEqualTo("a");
                assertThat(s.line(2)).isEqualTo("partial");
                assertThat(s.isMarker(3)).isTrue();
                assertThat(s.line(3)).startsWith(FollowedSource.MARKER_PREFIX).contains("rotated");
                assertThat(s.line(4)).isEqualTo("new");
                assertThat(s.rawLine(4)).isEqualTo("new".getBytes(UTF_8));
                assertThat(s.isMarker(4)).isFalse();
            } finally {
                s.close();
            }
        }
    }

    @Test
    void followedLinesSurviveTheLogBeingRemoved() throws Exception {
        FollowedSource s = FollowedSource.follow(log(), 0);
        try {
            append(log(), "x\n");
            s.follower().poll();
            Files.move(log(), dir.resolve("gone"), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(dir.resolve("gone"));
            s.follower().poll();
            assertThat(s.line(0)).isEqualTo("x");
        } finally {
            s.close();
        }
    }

    @Test
    void followsAMultilogDirectoryThroughItsOwnRotation() throws Exception {
        Path ml = dir.resolve("main");
        Files.createDirectories(ml);
        String l1 =
                dev.logsentry.core.time.Tai64n.format(
                        java.time.Instant.ofEpochSecond(1_700_000_000));
        Files.writeString(ml.resolve("@400000006553f1000000000a.s"), l1 + " old\n");
        Files.writeString(ml.resolve("current"), l1 + " a\n" + l1 + " b");
        var dirSource =
                dev.logsentry.core.source.MultilogDirectory.open(
                        ml, dev.logsentry.core.index.OpenOptions.DEFAULT, null);
        dirSource.index(IndexProgress.NONE, () -> false);
        FollowedSource s = FollowedSource.follow(dirSource);
        try {
            assertThat(s.lineCount()).isEqualTo(2);
            s.follower().poll();
            append(ml.resolve("current"), "-end\n");
            Files.move(ml.resolve("current"), ml.resolve("@400000006553f1010000000a.s"));
            append(ml.resolve("current"), l1 + " c\n");
            s.follower().poll();
            List<String> got = new java.util.ArrayList<>();
            for (long i = 0; i < s.lineCount(); i++) {
                got.add(s.line(i));
            }
            assertThat(got).hasSize(5);
            assertThat(got.get(0)).endsWith(" old");
            assertThat(got.get(1)).endsWith(" a");
            assertThat(got.get(2)).endsWith(" b-end");
            assertThat(s.isMarker(3)).isTrue();
            assertThat(got.get(4)).endsWith(" c");
        } finally {
            s.close();
            dirSource.close();
        }
    }

    @Test
    void aFileRotatedBetweenIndexingAndFollowingLosesNothing() throws Exception {
        append(log(), "a\nb\n");
        try (IndexedFile base = IndexedFile.open(log())) {
            base.index(IndexProgress.NONE, () -> false);
            append(log(), "c\n");
            Files.move(log(), dir.resolve("app.log.1"));
            append(log(), "d\n"); // shorter than the old offset would suggest
            FollowedSource s = FollowedSource.follow(base);
            try {
                s.follower().poll();
                assertThat(s.lineCount()).isEqualTo(5);
                assertThat(s.line(2)).isEqualTo("c");
                assertThat(s.isMarker(3)).isTrue();
                assertThat(s.line(3)).contains("replaced since it was indexed");
                assertThat(s.line(4)).isEqualTo("d");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void copytruncateKeepsTheIndexedLinesReadableThroughTheCopy() throws Exception {
        append(log(), "alpha\nbeta\n");
        try (IndexedFile base = IndexedFile.open(log())) {
            base.index(IndexProgress.NONE, () -> false);
            FollowedSource s = FollowedSource.follow(base);
            try {
                s.follower().poll();
                append(log(), "gamma\n");
                Files.copy(log(), dir.resolve("app.log.1"));
                truncate(log());
                append(log(), "a much longer first line after the truncation\n");
                s.follower().poll();
                assertThat(s.line(0)).isEqualTo("alpha");
                assertThat(s.line(1)).isEqualTo("beta");
                assertThat(s.line(2)).isEqualTo("gamma");
                assertThat(s.isMarker(3)).isTrue();
                assertThat(s.line(4)).isEqualTo("a much longer first line after the truncation");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void truncationWithoutACopyNeverShowsWhatNowStandsAtTheOldOffsets() throws Exception {
        append(log(), "alpha\nbeta\n");
        try (IndexedFile base = IndexedFile.open(log())) {
            base.index(IndexProgress.NONE, () -> false);
            FollowedSource s = FollowedSource.follow(base);
            try {
                s.follower().poll();
                truncate(log());
                append(log(), "new content, longer than before\n");
                s.follower().poll();
                assertThat(s.line(0)).contains("no longer available");
                assertThat(s.line(1)).contains("no longer available");
                assertThat(s.isMarker(2)).isTrue();
                assertThat(s.line(3)).isEqualTo("new content, longer than before");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void anOldFileStillWrittenAfterTheRotationIsDrainedUntilItHasBeenQuiet() throws Exception {
        append(log(), "a\n");
        Recorder r = new Recorder();
        long[] now = {0};
        try (Follower f = new Follower(log(), 0, null, r, 100, () -> now[0])) {
            f.poll();
            Files.move(log(), dir.resolve("app.log.1"));
            append(log(), "new 1\n");
            f.poll();
            // the daemon has not reopened yet: it keeps writing to the renamed file, now and
            // again, longer after the rotation than one quiet period
            for (int i = 0; i < 4; i++) {
                now[0] += Follower.QUIET_NANOS - 1;
                append(dir.resolve("app.log.1"), "late " + i + "\n");
                f.poll();
            }
            now[0] += Follower.QUIET_NANOS + 1;
            f.poll(); // quiet for long enough: dropped
            append(dir.resolve("app.log.1"), "after it was dropped\n");
            append(log(), "new 2\n");
            f.poll();
            assertThat(r.all())
                    .contains("a", "new 1", "late 0", "late 1", "late 2", "late 3", "new 2")
                    .doesNotContain("after it was dropped");
        }
    }
}
