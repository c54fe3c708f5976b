package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process-level faults of {@code logsentry check}, driven in a child JVM as cron runs it: a report
 * that cannot be written is not delivered (exit 3, state kept, the lines come again), and running
 * out of memory is one clear line (exit 70), never a stack trace.
 */
class CheckFaultsTest {
    @TempDir Path tmp;
    Path rules;
    Path state;
    Path log;

    @BeforeEach
    void setUp() throws IOException {
        rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]:\n");
        state = tmp.resolve("state");
        log = tmp.resolve("syslog");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("Mar  5 04:05:06 web1 app[1]: event number ").append(i).append('\n');
        }
        Files.writeString(log, b.toString());
    }

    private List<String> command(String... extra) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m"));
        cmd.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.logsentry.Main",
                        "check",
                        "--rules",
                        rules.toString(),
                        "--state",
                        state.toString()));
        cmd.addAll(List.of(extra));
        cmd.add(log.toString());
        return cmd;
    }

    private record Ended(int exit, String stderr) {}

    private Ended run(ProcessBuilder pb, boolean closeStdout) throws Exception {
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        Process p = pb.redirectError(err.toFile()).start();
        if (closeStdout) {
            p.getInputStream().close(); // the reader went away: writes fail with EPIPE
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ended(p.exitValue(), Files.readString(err));
    }

    @Test
    void aReportWrittenToAFullDiskIsNotDeliveredAndTheStateIsKept() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Ended e = run(new ProcessBuilder(command()).redirectOutput(new File("/dev/full")), false);
        assertThat(e.exit()).as(e.stderr()).isEqualTo(3);
        assertThat(e.stderr()).contains("could not write the report to standard output");
        assertThat(e.stderr()).doesNotContain("\tat ");
        assertThat(state.resolve("state.json")).doesNotExist();

        // the lines come again in the next run that can deliver them
        Path out = tmp.resolve("out.txt");
        Ended ok = run(new ProcessBuilder(command()).redirectOutput(out.toFile()), false);
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        assertThat(Files.readString(out)).contains("event number 0").contains("event number 4999");
        assertThat(state.resolve("state.json")).exists();
    }

    @Test
    void aReportWrittenToAClosedPipeIsNotDelivered() throws Exception {
        Ended e = run(new ProcessBuilder(command()), true);
        assertThat(e.exit()).as(e.stderr()).isEqualTo(3);
        assertThat(e.stderr()).contains("standard output").doesNotContain("\tat ");
        assertThat(state.resolve("state.json")).doesNotExist();
    }

    @Test
    void aPipeToHeadThatStopsReadingIsAFailedDelivery() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash) && Files.isExecutable(Path.of("/usr/bin/head")));
        StringBuilder cmd = new StringBuilder();
        for (String a : command()) {
            cmd.append('\'').append(a.replace("'", "'\\''")).append("' ");
        }
        // the report (about 250 KB) is larger than a pipe's buffer: head's exit breaks the write
        ProcessBuilder pb =
                new ProcessBuilder(
                        bash.toString(),
                        "-c",
                        cmd + "| head -1 > /dev/null; exit ${PIPESTATUS[0]}");
        Ended e = run(pb, false);
        assertThat(e.exit()).as(e.stderr()).isEqualTo(3);
        assertThat(state.resolve("state.json")).doesNotExist();
    }

    @Test
    void anOutputPathThatCanNeverWorkIsAUsageErrorBeforeTheRun() throws Exception {
        for (String bad :
                List.of("/dev/null", tmp.toString(), tmp.resolve("missing/dir/r.txt").toString())) {
            Ended e = run(new ProcessBuilder(command("--output", bad)), false);
            assertThat(e.exit()).as(bad + ": " + e.stderr()).isEqualTo(2);
            assertThat(e.stderr()).contains("--output").doesNotContain("\tat ");
        }
        assertThat(state).doesNotExist();
    }

    @Test
    void runningOutOfMemoryIsOneClearLineAndExit70WithTheTraceInAFile() throws Exception {
        // one line of 64 MB kept whole (--max-line-bytes) cannot fit a 32 MB heap
        try (var out = Files.newOutputStream(log)) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        List<String> cmd = command("--max-line-bytes", Integer.toString(100 << 20));
        cmd.set(1, "-Xmx32m");
        Ended e = run(new ProcessBuilder(cmd).redirectOutput(tmp.resolve("o").toFile()), false);
        assertThat(e.exit()).as(e.stderr()).isEqualTo(70);
        assertThat(e.stderr().strip().lines()).singleElement().asString().contains("out of memory");
        String trace = e.stderr().replaceAll("(?s).*details in (\\S+).*", "$1").strip();
        assertThat(Files.readString(Path.of(trace), StandardCharsets.UTF_8))
                .contains("OutOfMemoryError");
        Files.delete(Path.of(trace));
        assertThat(state.resolve("state.json")).doesNotExist();
    }

    @Test
    void aBacklogFarLargerThanTheHeapCompletesWithTheWholeReport() throws Exception {
        // 24 MB of new lines, all reported, under a 48 MB heap (held in memory they needed about
        // five times their size)
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(log))) {
            for (int i = 0; i < 400_000; i++) {
                out.write(
                        ("Mar  5 04:05:06 web1 app[1]: backlog line " + i + " of the soak\n")
                                .getBytes(StandardCharsets.US_ASCII));
            }
        }
        List<String> cmd = command("--output", tmp.resolve("report.txt").toString());
        cmd.set(1, "-Xmx48m");
        Ended e = run(new ProcessBuilder(cmd), false);
        assertThat(e.exit()).as(e.stderr()).isZero();
        long lines;
        try (var s = Files.lines(tmp.resolve("report.txt"))) {
            lines = s.filter(l -> l.contains("backlog line")).count();
        }
        assertThat(lines).isEqualTo(400_000);
        try (var s = Files.list(state)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("no temp file left beside the state")
                    .containsExactlyInAnyOrder("state.json", "lock");
        }
    }
}
