package dev.logsentry.bench;

import dev.logsentry.core.index.NewlineScanner;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Counts the newlines of a 4 MiB block of syslog-like text: the SWAR scanner against a byte loop.
 * Throughput in blocks per second; multiply by 4 MiB for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NewlineScanBenchmark {
    static final int SIZE = 4 << 20;

    @Param({"100", "400"})
    int lineLength;

    byte[] block;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        StringBuilder sb = new StringBuilder(SIZE + 1000);
        while (sb.length() < SIZE) {
            int len = Math.max(20, lineLength / 2 + rnd.nextInt(lineLength));
            sb.append("Nov 25 07:33:43 gw sshd[1234]: ");
            while (sb.length() % 1_000_000 != 0 && len-- > 0) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
            sb.append('\n');
        }
        block = sb.substring(0, SIZE).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public int swar() {
        int count = 0;
        int i = 0;
        int nl;
        while ((nl = NewlineScanner.indexOf(block, i, block.length)) >= 0) {
            count++;
            i = nl + 1;
        }
        return count;
    }

    int[] ends = new int[SIZE];

    @Benchmark
    public int lineEndsBlock() {
        return NewlineScanner.lineEnds(block, 0, block.length, ends);
    }

    @Benchmark
    public int byteLoop() {
        int count = 0;
        int i = 0;
        int nl;
        while ((nl = NewlineScanner.indexOfSimple(block, i, block.length)) >= 0) {
            count++;
            i = nl + 1;
        }
        return count;
    }
}
