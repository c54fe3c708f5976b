package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logcheck's {@code sort -k 1,3 -s | sed 's/[[:space:]]\+$//'} and {@code sort -u}. */
class LogcheckOrderTest {

    @TempDir Path work;

    private static List<InputLine> lines(String... texts) {
        List<InputLine> result = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            result.add(new InputLine("t", i, texts[i]));
        }
        return result;
    }

    private static List<String> texts(List<InputLine> lines) {
        return lines.stream().map(InputLine::latin1).toList();
    }

    @Test
    void sortsByTheFirstThreeFieldsAndKeepsInputOrderForEqualKeys() {
        List<InputLine> sorted =
                LogcheckOrder.sortAndClean(
                        lines("Nov 2 10:00 b", "Nov 1 10:00 z", "Nov 2 10:00 a", "Nov 1 09:00 y"),
                        false);
        assertThat(texts(sorted))
                .containsExactly(
                        "Nov 1 09:00 y", "Nov 1 10:00 z", "Nov 2 10:00 b", "Nov 2 10:00 a");
    }

    @Test
    void leadingBlanksBelongToTheFirstField() {
        // without -b a blank sorts before any letter
        assertThat(texts(LogcheckOrder.sortAndClean(lines("Nov", " Zed"), false)))
                .containsExactly(" Zed", "Nov");
    }

    @Test
    void stripsTrailingWhiteSpaceAfterSorting() {
        assertThat(texts(LogcheckOrder.sortAndClean(lines("a b c \t\r", "a b c"), false)))
                .containsExactly("a b c", "a b c");
    }

    @Test
    void sortUniqRemovesExactDuplicatesBeforeStripping() {
        assertThat(texts(LogcheckOrder.sortAndClean(lines("b", "a ", "b", "a"), true)))
                .containsExactly("a", "a", "b");
    }

    @Test
    void orderEqualsGnuSortInTheCLocale() throws Exception {
        Path sort = Path.of("/usr/bin/sort");
        assumeTrue(Files.isExecutable(sort), "sort missing");
        Random random = new Random(3);
        List<InputLine> input = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        String[] parts = {"Nov", " 1", "Nov  2", "a", "\t", "  ", "b\u00e9", "Z", "10:00", "x y"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder line = new StringBuilder();
            int n = random.nextInt(6);
            for (int k = 0; k < n; k++) {
                line.append(parts[random.nextInt(parts.length)]);
                if (random.nextBoolean()) {
                    line.append(' ');
                }
            }
            line.append('#').append(i);
            input.add(new InputLine("t", i, line.toString()));
            file.append(line).append('\n');
        }
        Path in = work.resolve("in");
        Files.write(in, file.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (boolean uniq : new boolean[] {false, true}) {
            ProcessBuilder pb =
                    uniq
                            ? new ProcessBuilder(sort.toString(), "-u", in.toString())
                            : new ProcessBuilder(sort.toString(), "-k", "1,3", "-s", in.toString());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> expected = new ArrayList<>();
            for (String line : out.split("\n")) {
                expected.add(LogcheckOrder.stripTrailingSpace(line));
            }
            assertThat(texts(LogcheckOrder.sortAndClean(input, uniq))).isEqualTo(expected);
        }
    }
}
