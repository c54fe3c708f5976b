package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines as the summary's splitter hands them on: every line once, in order, without its newline,
 * and a line said to be plain (ASCII without {@code \r}, found while looking for the newline) is
 * plain whatever the position of a non-ASCII byte or {@code \r} in its last eight bytes.
 */
class LineChunksTest {
    @TempDir Path dir;

    @Test
    void linesSaidToBePlainArePlainAndTheLinesAreAllThere() throws Exception {
        Random rnd = new Random(16);
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 0; n < 60_000; n++) {
            byte[] l = new byte[rnd.nextInt(n % 100 == 0 ? 3000 : 40)];
            for (int k = 0; k < l.length; k++) {
                l[k] = (byte) ('a' + rnd.nextInt(26));
            }
            int odd = rnd.nextInt(4); // 0: plain; else a non-ASCII byte or a CR somewhere
            if (odd > 0 && l.length > 0) {
                int at = rnd.nextInt(4) == 0 ? l.length - 1 : rnd.nextInt(l.length);
                l[at] = odd == 1 ? (byte) 0xc3 : odd == 2 ? (byte) '\r' : (byte) 0x80;
            }
            lines.add(l);
            out.writeBytes(l);
            out.write('\n');
        }
        byte[] all = out.toByteArray();
        Path f = Files.write(dir.resolve("log"), all);
        List<byte[]> seen = new ArrayList<>();
        int[] flagged = new int[1];
        LineChunks.ByteConsumer check =
                (b, off, len, no, plain) -> {
                    byte[] l = Arrays.copyOfRange(b, off, off + len);
                    seen.add(l);
                    if (plain) {
                        flagged[0]++;
                        assertThat(ByteRegex.plain(b, off, off + len)).as("line " + no).isTrue();
                    }
                };
        LineChunks.read(new ByteArrayInputStream(all), check, () -> false);
        assertLines(seen, lines);
        int plainLines = (int) lines.stream().filter(l -> ByteRegex.plain(l, 0, l.length)).count();
        assertThat(flagged[0]).isGreaterThan(plainLines * 9 / 10).isLessThanOrEqualTo(plainLines);
        seen.clear();
        flagged[0] = 0;
        for (long[] r : LineChunks.ranges(all.length, 3)) {
            LineChunks.read(f, r[0], r[1], check, () -> false);
        }
        assertLines(seen, lines);
        assertThat(flagged[0]).isGreaterThan(plainLines * 9 / 10);
    }

    private static void assertLines(List<byte[]> seen, List<byte[]> lines) {
        assertThat(seen).hasSameSizeAs(lines);
        for (int i = 0; i < lines.size(); i++) {
            byte[] want = lines.get(i);
            if (want.length > 0 && want[want.length - 1] == '\r') {
                want = Arrays.copyOf(want, want.length - 1); // CRLF: the CR is dropped
            }
            assertThat(seen.get(i)).as("line " + (i + 1)).isEqualTo(want);
        }
    }
}
