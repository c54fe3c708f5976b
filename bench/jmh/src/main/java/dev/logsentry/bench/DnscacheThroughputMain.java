package dev.logsentry.bench;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheLogReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end dnscache throughput on a file (read + parse + trees + statistics, what `logsentry
 * dnscache` does), with wall and CPU time of the working thread: on a shared machine the CPU time
 * is the steadier figure. Usage: java -cp target/benchmarks.jar
 * dev.logsentry.bench.DnscacheThroughputMain FILE [RUNS]
 */
public final class DnscacheThroughputMain {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long proc0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            DnscacheAnalysis a =
                    DnscacheAnalyzer.analyze(List.of(file), DnscacheLogReader.Progress.NONE, () -> false);
            long wall = System.nanoTime() - t0;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long proc = os.getProcessCpuTime() - proc0;
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %d lines, %d queries, wall %.3f s = %.0f lines/s, thread cpu %.3f s = %.0f"
                            + " lines/s, process cpu (with GC) %.3f s%n",
                    r + 1,
                    a.lines(),
                    a.trees().size(),
                    wall / 1e9,
                    a.lines() / (wall / 1e9),
                    cpu / 1e9,
                    a.lines() / (cpu / 1e9),
                    proc / 1e9);
        }
    }
}
