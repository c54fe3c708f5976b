package dev.logsentry.core.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.time.Tai64n;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultilogDirectoryTest {
    @TempDir Path dir;

    private static String label(long epochSecond) {
        return Tai64n.format(Instant.ofEpochSecond(epochSecond, 123));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<String> lines(LineSource s) throws IOException {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < s.lineCount(); i++) {
            out.add(s.line(i));
        }
        return out;
    }

    @Test
    void readsArchivesInLabelOrderThenCurrentAndSkipsGarbage() throws Exception {
        // created out of order on purpose: the label, not the mtime or the listing, decides
        write(label(1_700_000_300) + ".s", "third\n");
        write(label(1_700_000_100) + ".s", "first\n");
        write(label(1_700_000_200) + ".u", "second (cut short by a crash)\n");
        write("current", "fourth\nfifth");
        write("lock", "");
        write("state", "");
        write("notes.txt", "garbage\n");
        write(label(1_700_000_400) + ".s", "binary\0junk\n");
        write("@zzzz.s", "garbage\n");
        MultilogDirectory ml = MultilogDirectory.open(dir, OpenOptions.DEFAULT, null);
        try (ml) {
            ml.index(IndexProgress.NONE, () -> false);
            assertThat(lines(ml))
                    .containsExactly(
                            "first", "second (cut short by a crash)", "third", "fourth", "fifth");
            assertThat(ml.files().get(3).getFileName().toString()).isEqualTo("current");
            assertThat(ml.warnings()).hasSize(3);
            assertThat(String.join("\n", ml.warnings()))
                    .contains("notes.txt", "@zzzz.s", "looks binary", label(1_700_000_400));
            assertThat(ml.partOf(3)).isEqualTo(3);
            assertThat(ml.lineInPart(4)).isEqualTo(1);
        }
    }

    @Test
    void linesAreShownAsTai64nlocalShowsThem() throws Exception {
        Path tool = Path.of("/usr/bin/tai64nlocal");
        String l1 = label(1_774_746_000L) + " dnscache: starting";
        String l2 = label(1_792_890_000L) + " query 1 7f000001:a1b2:c3d4 1 example.com.";
        write("current", l1 + "\n" + l2 + "\n");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        MultilogDirectory ml = MultilogDirectory.open(dir, OpenOptions.DEFAULT, berlin);
        try (ml) {
            ml.index(IndexProgress.NONE, () -> false);
            assertThat(new String(ml.rawLine(0), UTF_8)).isEqualTo(l1);
            if (Files.isExecutable(tool)) {
                ProcessBuilder pb = new ProcessBuilder(tool.toString());
                pb.environment().put("TZ", "Europe/Berlin");
                Process p = pb.start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write(Files.readAllBytes(dir.resolve("current")));
                }
                List<String> expected =
                        new String(p.getInputStream().readAllBytes(), UTF_8).lines().toList();
                assertThat(lines(ml)).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsWhatRealMultilogWroteAcrossItsRotations() throws Exception {
        Path multilog = Path.of("/usr/bin/multilog");
        assumeTrue(
                Files.isExecutable(multilog), "daemontools is not installed (.ci/run installs it)");
        Path logdir = dir.resolve("main");
        Process p =
                new ProcessBuilder(multilog.toString(), "t", "s4096", "n20", logdir.toString())
                        .redirectErrorStream(true)
                        .start();
        try (OutputStream in = p.getOutputStream()) {
            for (int i = 0; i < 2000; i++) {
                in.write(("line " + i + " of the service log\n").getBytes(UTF_8));
            }
        }
        assertThat(p.waitFor()).isZero();
        assertThat(MultilogDirectory.isMultilog(logdir)).isTrue();
        OpenedLog opened = LogOpener.open(logdir, OpenOptions.DEFAULT, null);
        try (LineSource s = opened.source()) {
            opened.job().run(IndexProgress.NONE, () -> false);
            assertThat(opened.kind()).isEqualTo(SourceKind.MULTILOG);
            MultilogDirectory ml = (MultilogDirectory) s;
            assertThat(ml.files().size()).isGreaterThan(3);
            assertThat(ml.warnings()).isEmpty();
            // multilog n20 keeps the newest files; what is left must be one unbroken run
            List<String> got = lines(s);
            int first = Integer.parseInt(got.get(0).split(" ")[2]);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i))
                        .startsWith("@")
                        .endsWith(" line " + (first + i) + " of the service log");
            }
            assertThat(first + got.size()).isEqualTo(2000);
        }
    }

    @Test
    void aDirectoryThatIsNotMultilogIsAClearMessage() throws Exception {
        write("syslog", "x\n");
        assertThat(MultilogDirectory.isMultilog(dir)).isFalse();
        assertThatThrownBy(() -> LogOpener.open(dir))
                .isInstanceOfSatisfying(
                        SourceException.class,
                        e -> assertThat(e.getMessage()).contains(dir.toString(), "not a multilog"));
        assertThat(LogOpener.logFilesIn(dir)).containsExactly(dir.resolve("syslog"));
    }
}
