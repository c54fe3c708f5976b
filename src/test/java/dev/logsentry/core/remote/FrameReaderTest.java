package dev.logsentry.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static List<String> frames(String stream, int max) throws IOException {
        FrameReader r =
                new FrameReader(
                        new ByteArrayInputStream(stream.getBytes(StandardCharsets.ISO_8859_1)),
                        max);
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(new String(r.buffer(), r.start(), r.length(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    @Test
    void octetCountedFramesMayContainLineFeeds() throws IOException {
        assertThat(frames("5 <1>ab7 <2>c\nde", 2048)).containsExactly("<1>ab", "<2>c\nde");
    }

    @Test
    void lineFramingIsRecognisedByTheFirstByteAndMixesWithCounts() throws IOException {
        assertThat(frames("<1>one\n<2>two\r\n5 <3>xy<4>last\n", 2048))
                .containsExactly("<1>one", "<2>two", "<3>xy", "<4>last");
    }

    @Test
    void strayNewlinesBetweenFramesAreSkipped() throws IOException {
        assertThat(frames("\n\r\n5 <1>ab\n", 2048)).containsExactly("<1>ab");
    }

    @Test
    void aCountAboveTheMaximumIsRefusedBeforeReadingIt() {
        assertThatThrownBy(() -> frames("99999 <1>x", 2048))
                .isInstanceOfSatisfying(
                        FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(Rejection.FRAME_TOO_LARGE))
                .hasMessageContaining("99999");
    }

    @Test
    void aHugeLengthPrefixIsMalformed() {
        assertThatThrownBy(() -> frames("123456789012345 <1>x", 2048))
                .isInstanceOfSatisfying(
                        FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(Rejection.BAD_LENGTH));
    }

    @Test
    void aLengthNotFollowedBySpaceIsMalformed() {
        assertThatThrownBy(() -> frames("12x <1>x", 2048))
                .isInstanceOfSatisfying(
                        FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(Rejection.BAD_LENGTH));
    }

    @Test
    void aLineLongerThanTheMaximumIsRefused() {
        assertThatThrownBy(() -> frames("<1>" + "x".repeat(5000) + "\n", 2048))
                .isInstanceOfSatisfying(
                        FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(Rejection.FRAME_TOO_LARGE));
    }

    @Test
    void binaryGarbageIsNamedWithItsFirstBytes() {
        assertThatThrownBy(() -> frames("\u0001\u00ff\u0000garbage", 2048))
                .isInstanceOfSatisfying(
                        FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(Rejection.GARBAGE))
                .hasMessageContaining("\\x01\\xff");
    }

    @Test
    void anEndOfStreamInsideAFrameIsReportedAsTruncated() {
        assertThatThrownBy(() -> frames("5 <1>ab10 <2>", 2048))
                .isInstanceOfSatisfying(
                        FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(Rejection.TRUNCATED));
    }

    @Test
    void aFrameOfExactlyTheMaximumIsAccepted() throws IOException {
        String body = "<1>" + "y".repeat(2045);
        assertThat(frames("2048 " + body, 2048)).containsExactly(body);
    }
}
