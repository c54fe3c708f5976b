package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: peak RSS of {@code logsentry check} stays at most 256 MB for a large backlog when the
 * JVM is started with no heap option at all (as README's {@code java -jar} does), because such a
 * run goes to a child JVM with a bounded heap ({@link BoundedHeapCheck}). Without it, 64 MB of new
 * lines took about 500 MB here (the JVM's default heap is a quarter of the RAM). The report must be
 * byte for byte the one of a run in a 192 MB heap, which checks in-process.
 */
class CheckHeapBoundTest {
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final long MEGABYTES = 64;
    private static final long BOUND_KIB = 256 * 1000 * 1000 / 1024;

    @TempDir Path tmp;

    @Test
    void aLargeBacklogWithTheDefaultHeapStaysUnder256MegabytesWithTheSameReport() throws Exception {
        assumeTrue(Files.isExecutable(TIME), "GNU time (/usr/bin/time) measures the peak RSS");
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]: closed\n");
        Path log = tmp.resolve("syslog");
        writeBacklog(log, MEGABYTES << 20);

        Run unbounded = check(List.of(), "default");
        assertThat(unbounded.exit).as(unbounded.err).isZero();
        Run bounded = check(List.of("-Xmx192m"), "xmx192m");
        assertThat(bounded.exit).as(bounded.err).isZero();

        assertThat(unbounded.peakKib)
                .as("peak RSS (KiB) of a %d MB backlog with no -Xmx", MEGABYTES)
                .isPositive()
                .isLessThanOrEqualTo(BOUND_KIB);
        long size = Files.size(unbounded.report);
        assertThat(size).as("the report holds the backlog's lines").isGreaterThan(MEGABYTES << 19);
        assertThat(Files.mismatch(unbounded.report, bounded.report)).isEqualTo(-1L);
    }

    @Test
    void theChildsExitCodeAndMessagesAreTheCommandsOnce() throws Exception {
        assumeTrue(Files.isExecutable(TIME), "GNU time (/usr/bin/time) runs the command");
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]: closed\n");
        writeBacklog(tmp.resolve("syslog"), BoundedHeapCheck.THRESHOLD_BYTES + (1 << 20));
        Path conf = tmp.resolve("logcheck.conf");
        Files.writeString(conf, "REPORTLEVEL=server\nWHEN=$(date)\n");
        Path missing = tmp.resolve("missing.log");

        Run run =
                check(
                        List.of(),
                        "exit",
                        List.of("--logcheck-conf", conf.toString(), missing.toString()));

        assertThat(run.exit).as(run.err).isEqualTo(CheckCommand.EXIT_SOURCE_ERRORS);
        assertThat(Files.readString(run.report, StandardCharsets.ISO_8859_1))
                .contains(missing.toString());
        assertThat(run.err.lines().filter(l -> l.contains("warning:") && l.contains(":2")))
                .as(run.err)
                .hasSize(1);
    }

    @Test
    void aSmallBacklogGoesToTheChildOnlyWhenThisJvmWouldCompileWithC2() throws Exception {
        assumeTrue(Files.isExecutable(TIME), "GNU time (/usr/bin/time) runs the command");
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]: closed\n");
        writeBacklog(tmp.resolve("syslog"), 50_000);

        Run tiered = check(List.of(), "tiered", List.of("--debug"));
        byte[] report = Files.readAllBytes(tiered.report);
        Run c1 = check(List.of("-XX:TieredStopAtLevel=1"), "c1", List.of("--debug"));
        // the same state again: nothing new
        Run nothing = check(List.of(), "tiered", List.of("--debug"));

        assertThat(tiered.exit).as(tiered.err).isZero();
        assertThat(c1.exit).as(c1.err).isZero();
        assertThat(tiered.err).contains("checking in a child JVM (C1 compiler only)");
        assertThat(c1.err).doesNotContain("child JVM");
        assertThat(nothing.err).doesNotContain("child JVM");
        assertThat(nothing.exit).as(nothing.err).isZero();
        assertThat(Files.readAllBytes(c1.report)).isNotEmpty().isEqualTo(report);
        assertThat(BoundedHeapCheck.reason(0, false)).isNull();
        assertThat(BoundedHeapCheck.reason(1, true)).isNull();
        assertThat(BoundedHeapCheck.reason(BoundedHeapCheck.THRESHOLD_BYTES + 1, true))
                .contains("bounded heap");
    }

    @Test
    void theChildsHeapMakesRoomForALongestLineKeptWhole() {
        assertThat(BoundedHeapCheck.heapMib(64 * 1024)).isEqualTo(160);
        assertThat(BoundedHeapCheck.heapMib(101 << 20)).isEqualTo(160 + 400);
    }

    private record Run(int exit, long peakKib, Path report, String err) {}

    private Run check(List<String> jvmOptions, String name) throws Exception {
        return check(jvmOptions, name, List.of());
    }

    private Run check(List<String> jvmOptions, String name, List<String> more) throws Exception {
        Path report = tmp.resolve(name + ".report");
        Path peak = tmp.resolve(name + ".rss");
        Path err = tmp.resolve(name + ".err");
        List<String> cmd = new ArrayList<>();
        cmd.addAll(List.of(TIME.toString(), "-f", "%M", "-o", peak.toString()));
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.logsentry.Main",
                        "check",
                        "--rules",
                        tmp.resolve("rules").toString(),
                        "--state",
                        tmp.resolve(name + ".state").toString(),
                        "--output",
                        report.toString(),
                        tmp.resolve("syslog").toString()));
        cmd.addAll(more);
        Process p =
                new ProcessBuilder(cmd)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile())
                        .start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String[] lines = Files.readString(peak).trim().split("\n");
        return new Run(
                p.exitValue(),
                Long.parseLong(lines[lines.length - 1].trim()),
                report,
                Files.readString(err));
    }

    /** Random syslog lines of several daemons, most of them reported as unusual. */
    private static void writeBacklog(Path log, long bytes) throws Exception {
        Random rnd = new Random(1);
        String[] progs = {"sshd", "CRON", "kernel", "postfix/smtpd", "systemd", "named", "sudo"};
        String[] words =
                ("connection from accepted publickey session opened closed for user root invalid"
                                + " port disconnect timeout refused query reply cached forwarded")
                        .split(" ");
        long written = 0;
        int sec = 0;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder();
            while (written < bytes) {
                sec += rnd.nextInt(3);
                int d = sec / 86400;
                int s = sec % 86400;
                line.setLength(0);
                line.append(
                        String.format(
                                "Nov %2d %02d:%02d:%02d gw %s[%d]:",
                                1 + d % 28,
                                s / 3600,
                                s / 60 % 60,
                                s % 60,
                                progs[rnd.nextInt(progs.length)],
                                100 + rnd.nextInt(32000)));
                for (int i = 3 + rnd.nextInt(16); i > 0; i--) {
                    line.append(' ').append(words[rnd.nextInt(words.length)]);
                }
                line.append('\n');
                w.append(line);
                written += line.length();
            }
        }
    }
}
