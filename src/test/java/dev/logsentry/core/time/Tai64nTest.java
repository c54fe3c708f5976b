package dev.logsentry.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Tai64nTest {

    @Test
    void decodesLikeTai64nlocal() throws Exception {
        Path tool = Path.of("/usr/bin/tai64nlocal");
        assumeTrue(Files.isExecutable(tool), "daemontools is not installed (.ci/run installs it)");
        Random rnd = new Random(3);
        List<String> lines = new ArrayList<>();
        lines.add("@4000000063f1a2b30c1d2e3f hello");
        lines.add("@400000000000000000000000 epoch minus ten");
        lines.add("not a label, left alone");
        // around the 2026 DST changes in Berlin, and random instants 1990-2035
        for (long t : new long[] {1774746000L, 1774746000L - 1, 1792890000L, 1792890000L + 3599}) {
            lines.add(Tai64n.format(Instant.ofEpochSecond(t, 5)) + " dst");
        }
        for (int i = 0; i < 200; i++) {
            long secs = 631152000L + (long) (rnd.nextDouble() * 1_450_000_000L);
            lines.add(
                    Tai64n.format(Instant.ofEpochSecond(secs, rnd.nextInt(1_000_000_000))) + " r");
        }
        for (String tz : new String[] {"UTC", "Europe/Berlin", "America/New_York"}) {
            List<String> expected = run(tool, tz, lines);
            List<String> actual = new ArrayList<>();
            for (String l : lines) {
                actual.add(Tai64n.toLocal(l, ZoneId.of(tz)));
            }
            assertThat(actual).as(tz).isEqualTo(expected);
        }
    }

    private static List<String> run(Path tool, String tz, List<String> lines)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(tool.toString());
        pb.environment().put("TZ", tz);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream()
                .write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().toList();
    }

    @Test
    void formatIsTheInverseOfParse() {
        Instant t = Instant.parse("2026-11-25T07:33:43.123456789Z");
        assertThat(Tai64n.parse(Tai64n.format(t))).contains(t);
        assertThat(Tai64n.parse("@4000000063f1a2b3")).isEmpty();
        // tai64nlocal itself crashes on these (a segfault in Debian 12's daemontools); we keep them
        assertThat(Tai64n.toLocal("@40000000zzzzzzzz00000000 bad", ZoneId.of("UTC")))
                .isEqualTo("@40000000zzzzzzzz00000000 bad");
    }
}
