package dev.logsentry.core.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedFileTest {
    @TempDir Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static IndexedFile indexed(Path p) throws Exception {
        IndexedFile f = IndexedFile.open(p);
        f.index(IndexProgress.NONE, () -> false);
        return f;
    }

    private static List<String> lines(LineSource s) throws IOException {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < s.lineCount(); i++) {
            out.add(s.line(i));
        }
        return out;
    }

    @Test
    void indexesLineStartsAndText() throws Exception {
        Path p = write("a.log", "one\ntwo\n\nfour\n".getBytes(UTF_8));
        try (IndexedFile f = indexed(p)) {
            assertThat(lines(f)).containsExactly("one", "two", "", "four");
            assertThat(f.offset(0)).isZero();
            assertThat(f.offset(1)).isEqualTo(4);
            assertThat(f.offset(3)).isEqualTo(9);
            assertThat(f.size()).isEqualTo(14);
            assertThat(f.name()).isEqualTo("a.log");
        }
    }

    @Test
    void stripsCarriageReturnsBeforeNewlines() throws Exception {
        Path p = write("crlf.log", "one\r\ntwo\r\nthree\r".getBytes(UTF_8));
        try (IndexedFile f = indexed(p)) {
            assertThat(lines(f)).containsExactly("one", "two", "three");
            assertThat(f.rawLine(1)).isEqualTo("two".getBytes(UTF_8));
            assertThat(f.offset(1)).isEqualTo(5);
        }
    }

    @Test
    void countsALastLineWithoutFinalNewline() throws Exception {
        Path p = write("nofinal.log", "one\ntwo".getBytes(UTF_8));
        try (IndexedFile f = indexed(p)) {
            assertThat(lines(f)).containsExactly("one", "two");
            assertThat(f.offset(1)).isEqualTo(4);
        }
    }

    @Test
    void emptyFileOpensAsEmptySource() throws Exception {
        Path p = write("empty.log", new byte[0]);
        try (IndexedFile f = indexed(p)) {
            assertThat(f.lineCount()).isZero();
            assertThat(f.isEmpty()).isTrue();
            assertThatThrownBy(() -> f.line(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void missingFileNamesTheFile() {
        Path p = dir.resolve("nope.log");
        assertThatThrownBy(() -> IndexedFile.open(p))
                .isInstanceOfSatisfying(
                        SourceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(SourceException.Reason.MISSING);
                            assertThat(e.getMessage()).contains(p.toString());
                        });
    }

    @Test
    void directoryIsNotAFile() {
        assertThatThrownBy(() -> IndexedFile.open(dir))
                .isInstanceOfSatisfying(
                        SourceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_A_FILE);
                            assertThat(e.getMessage()).contains(dir.toString(), "directory");
                        });
    }

    @Test
    void binaryFileIsRefusedUnlessAllowed() throws Exception {
        byte[] data = "text\n\0\1\2binary\n".getBytes(UTF_8);
        Path p = write("bin.dat", data);
        assertThatThrownBy(() -> IndexedFile.open(p))
                .isInstanceOfSatisfying(
                        SourceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(SourceException.Reason.BINARY);
                            assertThat(e.getMessage()).contains(p.toString(), "looks binary");
                        });
        try (IndexedFile f = IndexedFile.open(p, OpenOptions.DEFAULT.withAllowBinary(true))) {
            f.index(IndexProgress.NONE, () -> false);
            assertThat(f.lineCount()).isEqualTo(2);
            assertThat(f.rawLine(1)).isEqualTo("\0\1\2binary".getBytes(UTF_8));
            assertThat(f.line(1)).isEqualTo("\\x00\\x01\\x02binary");
        }
    }

    @Test
    void aFileOpenedAnywayShowsOddBytesAsEscapesAndKeepsRealCharacters() {
        byte[] line = {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9, ' ', (byte) 0xc3, 'x', 0x7f, '\t'};
        assertThat(LineText.escaped(line, 0, line.length)).isEqualTo("caf\u00e9 \\xc3x\\x7f\t");
        byte[] overlong = {(byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThat(LineText.escaped(overlong, 0, overlong.length))
                .isEqualTo("\\xc0\\x80\\xed\\xa0\\x80");
    }

    @Test
    void anIoErrorOnReadIsAClearMessage() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isReadable(mem), "no /proc/self/mem: not Linux");
        assertThatThrownBy(() -> IndexedFile.open(mem))
                .isInstanceOfSatisfying(
                        SourceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(SourceException.Reason.UNREADABLE);
                            assertThat(e.getMessage())
                                    .startsWith("Cannot read /proc/self/mem")
                                    .contains("error");
                        });
    }

    @Test
    void invalidUtf8IsShownVisiblyAndRawBytesAreKept() throws Exception {
        byte[] bad = {'a', (byte) 0xC3, 'b', (byte) 0xFF, '\n', (byte) 0xC3, (byte) 0xA9, '\n'};
        Path p = write("latin.log", bad);
        try (IndexedFile f = indexed(p)) {
            assertThat(f.line(0)).isEqualTo("a\uFFFDb\uFFFD");
            assertThat(f.rawLine(0)).containsExactly('a', (byte) 0xC3, 'b', (byte) 0xFF);
            assertThat(f.line(1)).isEqualTo("\u00e9");
        }
    }

    @Test
    void hugeLineIsCutForDisplayAndWholeOtherwise() throws Exception {
        int limit = 1000;
        String huge = "x".repeat(70_000) + "\u00e9" + "y".repeat(200_000);
        Path p = write("huge.log", ("short\n" + huge + "\nafter\n").getBytes(UTF_8));
        try (IndexedFile f = IndexedFile.open(p, OpenOptions.DEFAULT.withDisplayLimit(limit))) {
            f.index(IndexProgress.NONE, () -> false);
            assertThat(f.lineCount()).isEqualTo(3);
            String shown = f.line(1);
            assertThat(shown).startsWith("x".repeat(limit));
            assertThat(LineText.isCut(shown)).isTrue();
            assertThat(shown).contains(String.format("%,d", huge.getBytes(UTF_8).length));
            assertThat(f.fullLine(1)).isEqualTo(huge);
            assertThat(f.lineLength(1)).isEqualTo(huge.getBytes(UTF_8).length);
            assertThat(f.line(2)).isEqualTo("after");
            assertThat(LineText.isCut(f.line(0))).isFalse();
        }
    }

    @Test
    void cutNeverSplitsACharacter() {
        byte[] b = "ab\u00e9\u00e9".getBytes(UTF_8); // a b C3 A9 C3 A9
        assertThat(LineText.display(b, 0, 4, 6)).startsWith("ab\u00e9" + LineText.CUT_MARKER_START);
        assertThat(LineText.display(b, 0, 3, 6)).startsWith("ab" + LineText.CUT_MARKER_START);
    }

    @Test
    void matchesANaiveSplitAcrossBlocks() throws Exception {
        Random rnd = new Random(42);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Long> starts = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        long pos = 0;
        while (pos < 3_500_000) {
            int len = rnd.nextInt(20) == 0 ? rnd.nextInt(100_000) : rnd.nextInt(200);
            String line =
                    "L" + starts.size() + ":" + "abcdefgh".repeat(len / 8 + 1).substring(0, len);
            starts.add(pos);
            expected.add(line);
            byte[] b = (line + "\n").getBytes(UTF_8);
            all.write(b);
            pos += b.length;
        }
        Path p = write("big.log", all.toByteArray());
        AtomicInteger progressCalls = new AtomicInteger();
        try (IndexedFile f = IndexedFile.open(p, OpenOptions.DEFAULT.withDisplayLimit(1 << 20))) {
            assertThat(f.lineCount()).isPositive().isLessThan(expected.size());
            IndexResult r = f.index((d, t, l) -> progressCalls.incrementAndGet(), () -> false);
            assertThat(r.cancelled()).isFalse();
            assertThat(r.lines()).isEqualTo(expected.size());
            assertThat(r.bytes()).isEqualTo(pos);
            assertThat(progressCalls.get()).isPositive();
            for (int i = 0; i < expected.size(); i++) {
                assertThat(f.offset(i)).isEqualTo(starts.get(i));
            }
            for (int i = 0; i < expected.size(); i += 7) {
                assertThat(f.line(i)).isEqualTo(expected.get(i));
            }
            assertThat(f.line(expected.size() - 1)).isEqualTo(expected.get(expected.size() - 1));
        }
    }

    @Test
    void cancelledIndexingKeepsWhatItHasAndContinuesLater() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        Path p = write("c.log", sb.toString().getBytes(UTF_8));
        try (IndexedFile f = IndexedFile.open(p)) {
            long first = f.lineCount();
            IndexResult r = f.index(IndexProgress.NONE, () -> true);
            assertThat(r.cancelled()).isTrue();
            assertThat(f.lineCount()).isEqualTo(first);
            assertThat(f.line(first - 1)).isEqualTo("line " + (first - 1));
            r = f.index(IndexProgress.NONE, () -> false);
            assertThat(r.cancelled()).isFalse();
            assertThat(f.lineCount()).isEqualTo(100_000);
            assertThat(f.line(99_999)).isEqualTo("line 99999");
        }
    }

    @Test
    void indexingAgainPicksUpAppendedDataAndAPartialLastLineGrows() throws Exception {
        Path p = write("grow.log", "one\ntw".getBytes(UTF_8));
        try (IndexedFile f = indexed(p)) {
            assertThat(lines(f)).containsExactly("one", "tw");
            Files.write(p, "o\nthree\n".getBytes(UTF_8), StandardOpenOption.APPEND);
            f.index(IndexProgress.NONE, () -> false);
            assertThat(lines(f)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void openThroughLogOpenerGivesAJob() throws Exception {
        Path p = write("o.log", "a\nb\n".getBytes(UTF_8));
        var opened = dev.logsentry.core.source.LogOpener.open(p);
        try (LineSource s = opened.source()) {
            IndexResult r = opened.job().run(IndexProgress.NONE, () -> false);
            assertThat(r.lines()).isEqualTo(2);
            assertThat(opened.kind()).isEqualTo(dev.logsentry.core.source.SourceKind.FILE);
        }
    }

    @Test
    void aFileThatVanishesAfterOpeningStaysReadable() throws Exception {
        Path p = write("vanish.log", "one\ntwo\n".getBytes(UTF_8));
        try (IndexedFile f = IndexedFile.open(p)) {
            Files.delete(p);
            f.index(IndexProgress.NONE, () -> false);
            assertThat(lines(f)).containsExactly("one", "two");
        }
    }

    @Test
    void dataAppendedWhileIndexingIsIndexedToo() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        Path p = write("growing.log", sb.toString().getBytes(UTF_8));
        try (IndexedFile f = IndexedFile.open(p)) {
            AtomicInteger calls = new AtomicInteger();
            f.index(
                    IndexProgress.NONE,
                    () -> {
                        if (calls.incrementAndGet() == 1) {
                            try {
                                Files.write(p, "late\n".getBytes(UTF_8), StandardOpenOption.APPEND);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        return false;
                    });
            assertThat(f.line(f.lineCount() - 1)).isEqualTo("late");
            assertThat(f.lineCount()).isEqualTo(50_001);
        }
    }
}
