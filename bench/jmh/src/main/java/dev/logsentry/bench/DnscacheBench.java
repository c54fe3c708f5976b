package dev.logsentry.bench;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * dnscache parse-and-build throughput: the bundled real dnscache sample (multilog-labelled)
 * repeated to {@value #LINES} lines, parsed and turned into resolution trees and statistics.
 * Scores are lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DnscacheBench {
    static final int LINES = 200_000;

    private List<String> lines;

    @Setup
    public void load() throws IOException {
        List<String> sample = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                DnscacheBench.class.getResourceAsStream(
                                        "/dev/logsentry/samples/dnscache/current"),
                                StandardCharsets.ISO_8859_1))) {
            String l;
            while ((l = r.readLine()) != null) {
                sample.add(l);
            }
        }
        lines = new ArrayList<>(LINES);
        while (lines.size() < LINES) {
            lines.addAll(sample.subList(0, Math.min(sample.size(), LINES - lines.size())));
        }
    }

    /** Decoding only. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parse(Blackhole bh) {
        DnscacheParser p = new DnscacheParser("bench");
        long n = 0;
        for (String l : lines) {
            bh.consume(p.parse(l, ++n));
        }
    }

    /** Decoding, resolution trees, counts and statistics: what the CLI and the view do. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public DnscacheAnalysis parseAndBuild() {
        DnscacheParser p = new DnscacheParser("bench");
        DnscacheAnalyzer a = new DnscacheAnalyzer();
        long n = 0;
        for (String l : lines) {
            a.accept(p.parse(l, ++n));
        }
        return a.finish(List.of("bench"));
    }
}
