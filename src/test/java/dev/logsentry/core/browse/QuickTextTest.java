package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuickTextTest {

    @Test
    void matchingRawBytesAgreesWithMatchingTheDecodedLine() {
        Random random = new Random(9);
        byte[] alphabet = "aAbBsSHhDd [ ]:.\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] hostile = {(byte) 0xc3, (byte) 0xff, (byte) 0x80, (byte) 0xe2, (byte) 0x82};
        List<QuickText> queries =
                List.of(
                        QuickText.plain("sshd"),
                        QuickText.plain("SsHd ["),
                        new QuickText("sshd", false, true),
                        new QuickText("Ab", false, true),
                        QuickText.plain("\u00e9"),
                        QuickText.plain("\u00c9"),
                        new QuickText("s+h", true, false),
                        QuickText.plain("a"));
        for (int n = 0; n < 20_000; n++) {
            byte[] line = new byte[random.nextInt(30)];
            for (int i = 0; i < line.length; i++) {
                line[i] =
                        random.nextInt(10) == 0
                                ? hostile[random.nextInt(hostile.length)]
                                : alphabet[random.nextInt(alphabet.length)];
            }
            String decoded = new String(line, StandardCharsets.UTF_8);
            for (QuickText q : queries) {
                assertThat(q.matches(line, 0, line.length))
                        .as("%s in %s", q, decoded)
                        .isEqualTo(q.matches(decoded));
                assertThat(q.spans(decoded).isEmpty())
                        .as("spans of %s in %s", q, decoded)
                        .isEqualTo(!q.matches(decoded));
            }
        }
    }

    @Test
    void plainTextIsNotARegex() {
        QuickText q = QuickText.plain("a.c[1]");
        assertThat(q.error()).isEmpty();
        assertThat(q.matches("xA.C[1]y")).isTrue();
        assertThat(q.matches("abc1")).isFalse();
        assertThat(q.spans("a.c[1] A.C[1]")).containsExactly(new int[] {0, 6}, new int[] {7, 13});
    }

    @Test
    void caseSensitivityIsHonouredForRegexes() {
        assertThat(new QuickText("Fail(ed)?", true, true).matches("failed")).isFalse();
        assertThat(new QuickText("Fail(ed)?", true, false).matches("failed")).isTrue();
        assertThat(QuickText.plain("\u00e9t\u00e9").matches("\u00c9T\u00c9")).isTrue();
    }

    @Test
    void invalidRegexNamesTheProblemAndPosition() {
        QuickText q = new QuickText("(unclosed", true, false);
        assertThat(q.error()).get().asString().startsWith("Invalid regular expression at position");
        assertThat(q.error().get()).contains("Unclosed group");
        assertThat(q.matches("(unclosed")).isFalse();
        assertThat(new QuickText("(unclosed", false, false).error()).isEmpty();
    }
}
