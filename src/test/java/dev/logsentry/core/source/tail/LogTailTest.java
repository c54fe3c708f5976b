package dev.logsentry.core.source.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir Path dir;

    private final LogTail tail = new LogTail();

    /** One run: the lines read and the result. */
    private record Run(List<String> lines, LogTail.Result result) {
        FileState next() {
            return result.next();
        }

        List<String> warnings() {
            return result.events().stream()
                    .filter(e -> e.severity() != TailEvent.Severity.INFO)
                    .map(TailEvent::message)
                    .toList();
        }
    }

    private Run run(Path log, FileState prev) throws IOException {
        return run(tail, log, prev);
    }

    private static Run run(LogTail t, Path log, FileState prev) throws IOException {
        List<String> lines = new ArrayList<>();
        LogTail.Result r = t.read(log, prev, l -> lines.add(l.text()));
        return new Run(lines, r);
    }

    private static void append(Path f, String s) throws IOException {
        Files.writeString(
                f, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
        Files.delete(from);
    }

    @Test
    void firstRunReadsEverythingAndAPartialLastLineWaitsForTheNextRun() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "a\nb\npart");
        Run first = run(log, null);
        assertThat(first.lines()).containsExactly("a", "b");
        assertThat(first.next().offset()).isEqualTo(4);

        Run again = run(log, first.next());
        assertThat(again.lines()).isEmpty();

        append(log, "ial\nc\n");
        Run second = run(log, again.next());
        assertThat(second.lines()).containsExactly("partial", "c");
        assertThat(second.warnings()).isEmpty();
    }

    @Test
    void rotationByRenameReadsTheRestOfDotOneThenTheNewFile() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "old1\n");
        FileState s = run(log, null).next();
        append(log, "old2\nold3\n");
        Files.move(log, dir.resolve("syslog.1"));
        append(log, "new1\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("old2", "old3", "new1");
        assertThat(r.warnings()).isEmpty();
        assertThat(run(log, r.next()).lines()).isEmpty();
    }

    @Test
    void compressedRotationLosesNoLine() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, "old1\n");
        FileState s = run(log, null).next();
        append(log, "old2\nunterminated");
        gzip(log, dir.resolve("auth.log.1.gz"));
        append(log, "new1\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("old2", "unterminated", "new1");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void dateExtCompressedRotationPicksTheMatchingGeneration() throws IOException {
        Path log = dir.resolve("messages");
        append(log, "older generation\n");
        gzip(log, dir.resolve("messages-20260101.gz"));
        append(log, "current 1\n");
        FileState s = run(log, null).next();
        append(log, "current 2\n");
        gzip(log, dir.resolve("messages-20260102.gz"));
        append(log, "newest\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("current 2", "newest");
    }

    @Test
    void rotatedTwiceBetweenRunsReadsTheRestAndTheGenerationInBetween() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "g2 a\n");
        FileState s = run(log, null).next();
        append(log, "g2 b\n");
        gzip(log, dir.resolve("syslog.2.gz"));
        append(log, "g1 a\n");
        Files.move(log, dir.resolve("syslog.1"));
        append(log, "g0 a\n");

        assertThat(run(log, s).lines()).containsExactly("g2 b", "g1 a", "g0 a");
    }

    @Test
    void copytruncateReadsTheRestOfTheCopyThenTheTruncatedFile() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "one\n");
        FileState s = run(log, null).next();
        append(log, "two\n");
        Files.copy(log, dir.resolve("app.log.1"));
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(log, "three after truncate, longer than before\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("two", "three after truncate, longer than before");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.next().sameInode(s.device(), s.inode())).isTrue();
    }

    @Test
    void aShrunkenFileIsReportedAsTruncatedAndReadFromTheStart() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "first line\nsecond line\n");
        FileState s = run(log, null).next();
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(log, "x\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("x");
        assertThat(r.warnings()).singleElement().asString().contains("truncated");
    }

    @Test
    void aReusedInodeWithOtherContentIsReadFromTheStart() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "brand new file on a recycled inode\nline 2\n");
        FileIdentity.Observed o = FileIdentity.observe(log);
        // What a run saved for the deleted file that had this inode before.
        FileState old =
                new FileState(
                        o.device(),
                        o.inode(),
                        6,
                        FileIdentity.sha256("other\n".getBytes(StandardCharsets.UTF_8)),
                        FileIdentity.sha256("other\n".getBytes(StandardCharsets.UTF_8)),
                        6);

        Run r = run(log, old);
        assertThat(r.lines()).containsExactly("brand new file on a recycled inode", "line 2");
        assertThat(r.warnings()).singleElement().asString().contains("rewritten in place");
    }

    @Test
    void aReplacedFileWhoseOldVersionIsGoneIsReadWithAWarning() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "a\n");
        FileState s = run(log, null).next();
        // Created before the old one is deleted, so it cannot get the old inode.
        append(dir.resolve("syslog.new"), "fresh content\n");
        Files.delete(log);
        Files.move(dir.resolve("syslog.new"), log);

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("fresh content");
        assertThat(r.warnings()).singleElement().asString().contains("not found");
    }

    @Test
    void aRecreatedLogRotatedBeforeTheNextRunIsReadFromItsRotatedFile() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "old 1\n");
        FileState s = run(log, null).next();
        // the daemon restarts: the log is deleted and recreated ...
        Files.delete(log);
        append(dir.resolve("app.log.new"), "recreated 1\nrecreated 2\n");
        Files.move(dir.resolve("app.log.new"), log);
        // ... and logrotate (create) rotates it before the next run
        Files.move(log, dir.resolve("app.log.1"));
        append(log, "live 1\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("recreated 1", "recreated 2", "live 1");
        assertThat(r.warnings())
                .singleElement()
                .asString()
                .contains("recreated and rotated")
                .contains("app.log.1");
        // the next run reads only what is new: nothing twice
        append(log, "live 2\n");
        Files.move(dir.resolve("app.log.1"), dir.resolve("app.log.2"));
        Run again = run(log, r.next());
        assertThat(again.lines()).containsExactly("live 2");
    }

    @Test
    void generationsThatAppearedSinceTheLastRunAreReadOldestFirstAlsoCompressed()
            throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "old 1\n");
        append(dir.resolve("app.log.1"), "known before\n");
        FileState s = run(log, null).next();
        Files.delete(log);
        // two recreated generations since: one compressed already (logrotate compress)
        Files.move(dir.resolve("app.log.1"), dir.resolve("app.log.3"));
        gzip(dir.resolve("app.log.2.gz"), "recreated A\n");
        append(dir.resolve("app.log.0"), "recreated B\n");
        append(log, "live\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly("recreated A", "recreated B", "live");
    }

    private static void gzip(Path file, String text) throws IOException {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMissingLogIsAnErrorAndKeepsItsState() throws IOException {
        Path log = dir.resolve("gone.log");
        Run first = run(log, null);
        assertThat(first.next()).isNull();
        assertThat(first.result().events())
                .singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(TailEvent.Severity.ERROR))
                .satisfies(
                        e -> assertThat(e.message()).isEqualTo("File could not be read: " + log));

        append(log, "a\n");
        FileState s = run(log, null).next();
        Files.move(log, dir.resolve("gone.log.1"));
        append(dir.resolve("gone.log.1"), "b\n");
        Run missing = run(log, s);
        assertThat(missing.lines()).containsExactly("b");
        assertThat(missing.warnings()).hasSize(1);
        // Recreated later: nothing is read twice.
        append(log, "c\n");
        assertThat(run(log, missing.next()).lines()).containsExactly("c");
    }

    @Test
    void aHugeLineIsCutButTheLinesAfterItAreStillRead() throws IOException {
        Path log = dir.resolve("big.log");
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write("before\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 8; i++) {
                out.write(chunk);
            }
            out.write("\nafter\n".getBytes(StandardCharsets.US_ASCII));
        }
        List<TailLine> lines = new ArrayList<>();
        new LogTail(1000).read(log, null, lines::add);
        assertThat(lines)
                .extracting(TailLine::text)
                .hasSize(3)
                .startsWith("before")
                .endsWith("after");
        TailLine big = lines.get(1);
        assertThat(big.bytes()).hasSize(1000);
        assertThat(big.length()).isEqualTo(8L << 20);
        assertThat(big.cut()).isTrue();
        assertThat(lines.get(2).offset()).isEqualTo(7 + (8L << 20) + 1);
    }

    @Test
    void binaryBytesAndInvalidUtf8PassThroughUnchanged() throws IOException {
        Path log = dir.resolve("bin.log");
        byte[] raw = {'a', (byte) 0xff, 0, (byte) 0xc3, '\n'};
        Files.write(log, raw);
        List<TailLine> lines = new ArrayList<>();
        tail.read(log, null, lines::add);
        assertThat(lines)
                .singleElement()
                .extracting(TailLine::bytes)
                .isEqualTo(new byte[] {'a', (byte) 0xff, 0, (byte) 0xc3});
    }

    @Test
    void somethingThatIsNotARegularFileIsAnError() throws IOException {
        Path d = Files.createDirectories(dir.resolve("notafile"));
        Run r = run(d, null);
        assertThat(r.lines()).isEmpty();
        assertThat(r.result().events())
                .singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(TailEvent.Severity.ERROR))
                .satisfies(e -> assertThat(e.message()).contains("not a regular file"));
    }

    /** A header longer than the head fingerprint, so only the end fingerprint can tell. */
    private static final String BANNER =
            "# " + "=".repeat(FileIdentity.FINGERPRINT_BYTES + 100) + "\n";

    @Test
    void aRefilledFileWithTheSameFirstBytesIsNotMistakenForTheOldOne() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, BANNER + "old 1\nold 2\n");
        FileState s = run(log, null).next();
        // Truncated and refilled past the old offset before the next run, same long banner.
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(log, BANNER + "new 1, a longer line\nnew 2\n");

        Run r = run(log, s);
        assertThat(r.lines()).containsExactly(BANNER.strip(), "new 1, a longer line", "new 2");
        assertThat(r.warnings()).singleElement().asString().contains("rewritten in place");
    }

    @Test
    void aNewerGenerationWithTheSameFirstBytesIsNotTakenForTheFileBeingRead() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, BANNER + "seen\n");
        FileState s = run(log, null).next();
        append(log, "unseen\n");
        // Rotated twice since: our file is now .2.gz; .1 starts with the same banner.
        gzip(log, dir.resolve("app.log.2.gz"));
        append(dir.resolve("app.log.1"), BANNER + "generation 1\n");
        append(log, BANNER + "fresh\n");

        Run r = run(log, s);
        assertThat(r.lines())
                .containsExactly("unseen", BANNER.strip(), "generation 1", BANNER.strip(), "fresh");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aDamagedCompressedGenerationIsReadAsFarAsPossibleAndTheLiveLogStillRead()
            throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "one\n");
        FileState s = run(log, null).next();
        // rotated with compression; the gzip was cut short (a crash or a full disk)
        StringBuilder rest = new StringBuilder("one\n");
        for (int i = 0; i < 20000; i++) {
            rest.append("after ")
                    .append(i)
                    .append(" ")
                    .append(Integer.toHexString(i * 7919))
                    .append('\n');
        }
        Path gz = dir.resolve("app.log.1.gz");
        gzip(gz, rest.toString());
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(log);
        append(log, "live 1\n");

        Run r = run(log, s);
        assertThat(r.lines()).startsWith("after 0 0", "after 1 1eef").endsWith("live 1");
        assertThat(r.lines().size()).isLessThan(20001);
        assertThat(r.warnings())
                .singleElement()
                .asString()
                .contains("damaged rotated file " + gz)
                .contains("may be missing");
        // the next run goes on normally from the live log
        append(log, "live 2\n");
        Run next = run(log, r.next());
        assertThat(next.lines()).containsExactly("live 2");
        assertThat(next.warnings()).isEmpty();
    }

    @Test
    void aDryRunWithoutStateReadsAFinishedLastLineWithoutNewline() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "one\nlast without newline");
        assertThat(run(new LogTail(LogTail.DEFAULT_MAX_LINE_BYTES, true), log, null).lines())
                .containsExactly("one", "last without newline");
        // with state, or in a run that keeps state, the partial line waits for its end
        assertThat(run(log, null).lines()).containsExactly("one");
        FileState s = run(log, null).next();
        append(log, " and its end\n");
        assertThat(run(new LogTail(LogTail.DEFAULT_MAX_LINE_BYTES, true), log, s).lines())
                .containsExactly("last without newline and its end");
    }

    @Test
    void aNewFileOnTheSameInodeIsNotCalledATruncation() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "old line\n".repeat(1000));
        FileState s = run(log, null).next();
        // shorter, but longer than the bytes fingerprinted, and different from its first byte on,
        // on the same inode
        Files.write(log, "new line\n".repeat(600).getBytes(StandardCharsets.UTF_8));
        Run r = run(log, s);
        assertThat(r.lines()).hasSize(600).allMatch("new line"::equals);
        assertThat(r.warnings())
                .singleElement()
                .asString()
                .contains("rewritten in place")
                .contains("inode")
                .doesNotContain("shrank");
    }
}
