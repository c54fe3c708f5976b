package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's whole rule tree under the bounded child's heap: its lazy DFAs grow far more states than
 * a small rule file, and once ran the child out of memory (exit 70) on 20 MB of new lines. The
 * caches now flush within an eighth of the heap; the report must equal a large heap's.
 */
class CheckSmallHeapRealRulesTest {
    private static final Path RULES = Path.of("/etc/logcheck");

    @Test
    void debiansRulesOnTwentyMegabytesFitA160MegabyteHeap(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(RULES.resolve("ignore.d.server")), "Debian's logcheck rules");
        Path log = tmp.resolve("syslog");
        // the corpus bench/check-sweep.sh uses: lines sampled from the rules themselves
        Process gen =
                new ProcessBuilder(
                                ProcessHandle.current().info().command().orElse("java"),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.logsentry.core.check.SyslogCorpus",
                                "20261125",
                                "20",
                                log.toString(),
                                RULES.toString(),
                                "ascii")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertThat(gen.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).isZero();

        Path small = run(tmp, log, "small", "-Xmx160m", "-XX:+UseSerialGC");
        // a dry run keeps its automata cache in an existing state directory (ADR 0014)
        Path largeState = Files.createDirectories(tmp.resolve("large.state"), PRIVATE);
        Path large = run(tmp, log, "large", "-Xmx1g", "-XX:+UseParallelGC");
        assertThat(Files.mismatch(small, large)).isEqualTo(-1L);
        assertThat(Files.size(small)).isPositive();

        // the large heap's cache read under the small heap: only the states its budget allows
        Path cache = largeState.resolve("automata.cache");
        assertThat(cache).exists();
        Path cachedState = Files.createDirectories(tmp.resolve("small-cached.state"), PRIVATE);
        Files.copy(cache, cachedState.resolve("automata.cache"));
        Path smallCached = run(tmp, log, "small-cached", "-Xmx160m", "-XX:+UseSerialGC");
        assertThat(Files.mismatch(smallCached, large)).isEqualTo(-1L);
    }

    private static final java.nio.file.attribute.FileAttribute<?> PRIVATE =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

    private static Path run(Path tmp, Path log, String name, String heap, String gc)
            throws Exception {
        Path report = tmp.resolve(name + ".txt");
        Path err = tmp.resolve(name + ".err");
        Process p =
                new ProcessBuilder(
                                List.of(
                                        ProcessHandle.current().info().command().orElse("java"),
                                        heap,
                                        gc,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        "dev.logsentry.Main",
                                        "check",
                                        "--rules",
                                        RULES.toString(),
                                        "--level",
                                        "server",
                                        "--dry-run",
                                        "--automata-cache",
                                        "--stdout",
                                        "--state",
                                        tmp.resolve(name + ".state").toString(),
                                        log.toString()))
                        .redirectOutput(report.toFile())
                        .redirectError(err.toFile())
                        .start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(name + ": " + Files.readString(err)).isZero();
        return report;
    }
}
