package dev.logsentry.bench;

import dev.logsentry.core.index.IndexResult;
import dev.logsentry.core.index.IndexedFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Opens and indexes one file, printing one line of key=value numbers: time to the first screen
 * (open + reading 50 lines), time to the full index, lines, MB/s, heap used after a GC with the
 * index alive, and the time to read the last line. Run with -Xmx256m by bench/index-speed.sh.
 */
public final class IndexBench {
    private IndexBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        try (IndexedFile f = IndexedFile.open(file)) {
            long n = Math.min(50, f.lineCount());
            long chars = 0;
            for (long i = 0; i < n; i++) {
                chars += f.line(i).length();
            }
            long t1 = System.nanoTime();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long c1 = threads.getCurrentThreadCpuTime();
            IndexResult r = f.index((done, total, lines) -> {}, () -> false);
            long t2 = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - c1;
            String last = f.line(f.lineCount() - 1);
            long t3 = System.nanoTime();
            System.gc();
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            long heap = mem.getHeapMemoryUsage().getUsed();
            double secs = (t2 - t0) / 1e9;
            System.out.printf(
                    "first_screen_ms=%.1f full_index_s=%.3f lines=%d bytes=%d mb_per_s=%.0f"
                            + " heap_used_mb=%.1f index_mb=%.1f last_line_ms=%.2f index_cpu_s=%.3f"
                            + " chk=%d%n",
                    (t1 - t0) / 1e6,
                    secs,
                    r.lines(),
                    r.bytes(),
                    r.bytes() / 1e6 / secs,
                    heap / 1e6,
                    f.indexMemoryBytes() / 1e6,
                    (t3 - t2) / 1e6,
                    cpu / 1e9,
                    chars + last.length());
        }
    }
}
