package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB line must not exhaust memory: {@code logsentry check} runs in a child JVM whose heap (48
 * MB) is far smaller than the line, and still checks the lines before and after it.
 */
class CheckMemoryTest {
    @TempDir Path tmp;

    @Test
    void aHundredMegabyteLineIsCutNotHeldAndTheRestIsChecked() throws Exception {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]:\n");
        Path log = tmp.resolve("syslog");
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write("Mar  5 04:05:06 web1 before: first\n".getBytes(StandardCharsets.US_ASCII));
            out.write("Mar  5 04:05:07 web1 huge: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.write("\nMar  5 04:05:08 web1 after: last\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path report = tmp.resolve("report.txt");
        Process p = checkInChild("-Xmx48m", rules, log, report);
        String childOut = Files.readString(tmp.resolve("child.out"));
        assertThat(p.exitValue()).as(childOut).isZero();
        String text = Files.readString(report, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("before: first").contains("after: last").contains("huge: xxx");
        assertThat(text.length()).isLessThan(1 << 20);
        assertThat(text).contains("longer than 65536 bytes");
    }

    @Test
    void aReportNearTheInMemoryLimitGoesToAFileInASmallHeap() throws Exception {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]:\n");
        Path log = tmp.resolve("syslog");
        String filler = "y".repeat(62_000);
        try (OutputStream out = Files.newOutputStream(log)) {
            for (int i = 0; i < 120; i++) {
                out.write(
                        String.format("Mar  5 04:05:%02d web1 app: %d %s%n", i % 60, i, filler)
                                .getBytes(StandardCharsets.US_ASCII));
            }
        }
        Path report = tmp.resolve("report.txt");
        Process p = checkInChild("-Xmx20m", rules, log, report);
        String childOut = Files.readString(tmp.resolve("child.out"));
        // a 7.4 MB report in a 20 MB heap: an 8 MiB in-memory buffer ran out of memory
        assertThat(p.exitValue()).as(childOut).isZero();
        String text = Files.readString(report, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("app: 0 yyy").contains("app: 119 yyy");
        assertThat(text.lines().filter(l -> l.contains(" web1 app: ")).count()).isEqualTo(120);
    }

    /** Runs {@code logsentry check} in a child JVM with {@code heap}; waits up to two minutes. */
    private Process checkInChild(String heap, Path rules, Path log, Path report) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        heap,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        "dev.logsentry.Main",
                                        "check",
                                        "--rules",
                                        rules.toString(),
                                        "--state",
                                        tmp.resolve("state").toString(),
                                        "--output",
                                        report.toString(),
                                        log.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("child.out").toFile())
                        .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p;
    }
}
