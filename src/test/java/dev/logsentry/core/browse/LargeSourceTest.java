package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million lines whose verdicts are known in advance, classified with a small real rule tree:
 * every verdict lands on the right line across chunk boundaries and workers, and the store stays
 * near one byte per line.
 */
class LargeSourceTest {

    @TempDir Path dir;

    private static final int LINES = 1_000_000;

    /** Line i says "event (i % 7)": 3 is an attack, 2 a violation, 1 ignored, others unusual. */
    static Verdict expected(long i) {
        return switch ((int) (i % 7)) {
            case 3 -> Verdict.ATTACK;
            case 2 -> Verdict.VIOLATION;
            case 1 -> Verdict.IGNORED;
            default -> Verdict.UNUSUAL;
        };
    }

    /** Lines made up on demand: a source of any length without a file. */
    static final class Generated implements RawLineSource {
        private final long lines;

        Generated(long lines) {
            this.lines = lines;
        }

        @Override
        public byte[] rawLine(long i) {
            String s =
                    String.format(
                            "Nov 25 %02d:%02d:%02d web1 prog[%d]: event %d seq %d",
                            i / 3600 % 24, i / 60 % 60, i % 60, i % 100, i % 7, i);
            return s.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public long lineLength(long i) {
            return rawLine(i).length;
        }

        @Override
        public String name() {
            return "generated";
        }

        @Override
        public long lineCount() {
            return lines;
        }

        @Override
        public String line(long i) {
            return new String(rawLine(i), StandardCharsets.US_ASCII);
        }

        @Override
        public long offset(long i) {
            return i * 64;
        }

        @Override
        public long size() {
            return lines * 64;
        }

        @Override
        public void close() {}
    }

    private Classifier classifier() throws Exception {
        Path root = dir.resolve("rules");
        write(root.resolve("cracking.d/prog"), "prog\\[[0-9]+\\]: event 3 ");
        write(root.resolve("violations.d/prog"), "prog\\[[0-9]+\\]: event 2 ");
        Files.createDirectories(root.resolve("violations.ignore.d"));
        write(
                root.resolve("ignore.d.server/prog"),
                "^\\w{3} [ :0-9]{11} [._[:alnum:]-]+ prog\\[[0-9]+\\]: event 1 seq [0-9]+$");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.problems()).isEmpty();
        return new Classifier(tree, CheckOptions.defaults(Profile.LOGCHECK_1_4));
    }

    private static void write(Path file, String line) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n");
    }

    @Test
    void aMillionLinesGetTheirVerdictsInAboutAMegabyte() throws Exception {
        ClassifiedSource c = new ClassifiedSource(new Generated(LINES), classifier(), 2);
        long[] last = new long[2];
        ClassifyResult r =
                c.classify(
                        (done, total) -> {
                            assertThat(done).isGreaterThanOrEqualTo(last[0]);
                            last[0] = done;
                            last[1] = total;
                        },
                        () -> false);
        assertThat(r.complete()).isTrue();
        assertThat(last).containsExactly(LINES, LINES);
        for (long i = 0; i < LINES; i++) {
            if (c.verdict(i) != expected(i)) {
                assertThat(c.verdict(i)).as("line %d", i).isEqualTo(expected(i));
            }
        }
        long perVerdict = LINES / 7;
        assertThat(c.counts().attack()).isBetween(perVerdict, perVerdict + 1);
        assertThat(c.counts().total()).isEqualTo(LINES);
        assertThat(c.memoryBytes()).isLessThan((long) (LINES * 1.05));

        Navigation nav = new Navigation(c);
        long nextAttack = 500_001;
        while (expected(nextAttack) != Verdict.ATTACK) {
            nextAttack++;
        }
        long previousViolation = 499_999;
        while (expected(previousViolation) != Verdict.VIOLATION) {
            previousViolation--;
        }
        assertThat(nav.nextLine(500_000, EnumSet.of(Verdict.ATTACK))).isEqualTo(nextAttack);
        assertThat(nav.previousLine(500_000, EnumSet.of(Verdict.VIOLATION)))
                .isEqualTo(previousViolation);

        FilteredView attacks =
                new FilteredView(
                        c,
                        LineFilter.ALL.withVerdicts(EnumSet.of(Verdict.ATTACK)),
                        SourceClock.of(c.source()),
                        2);
        attacks.extend(Progress.NONE, () -> false);
        assertThat(attacks.size()).isEqualTo(c.counts().attack());
        assertThat(attacks.lineAt(1000)).isEqualTo(1000L * 7 + 3);
        assertThat(attacks.indexOf(7003)).isEqualTo(1000);
        assertThat(attacks.memoryBytes()).isLessThan(4L * attacks.size() + 4L * IntChunks.CHUNK);
    }
}
