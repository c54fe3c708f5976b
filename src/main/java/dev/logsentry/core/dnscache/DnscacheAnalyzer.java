package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.Lame;
import dev.logsentry.core.dnscache.DnscacheEntry.Stats;
import dev.logsentry.core.dnscache.DnscacheEntry.Unparsed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The dnscache service: feeds entries to a {@link ResolutionTreeBuilder}, counts entry types, keeps
 * the unparsed lines and the {@code stats} counters, and produces a {@link DnscacheAnalysis}. Use
 * {@link #analyze} for files, or {@link #accept} line by line when following a log.
 */
public final class DnscacheAnalyzer implements Consumer<DnscacheEntry> {
    private final ResolutionTreeBuilder builder;

    /** Streaming only: statistics collected as the trees pass; null when every tree is kept. */
    private final DnscacheStats.Accumulator streamed;

    private final long[] counts = new long[EntryKind.values().length];
    private final List<Unparsed> unparsed = new ArrayList<>();
    private final List<Stats> counters = new ArrayList<>();
    private final Map<String, Long> lame = new HashMap<>();
    private long lines;

    public DnscacheAnalyzer() {
        this(t -> {});
    }

    /**
     * @param onComplete receives each tree as soon as it is complete (follow mode)
     */
    public DnscacheAnalyzer(Consumer<ResolutionTree> onComplete) {
        this.builder = new ResolutionTreeBuilder(onComplete);
        this.streamed = null;
    }

    private DnscacheAnalyzer(DnscacheStats.Accumulator stats, Consumer<ResolutionTree> out) {
        this.streamed = stats;
        this.builder =
                ResolutionTreeBuilder.streaming(
                        t -> {
                            stats.add(t);
                            out.accept(t);
                        });
    }

    /**
     * An analyzer that keeps no trees: each one goes to {@code inQueryOrder} as soon as it and the
     * ones before it are complete, and {@link #finish} returns an analysis without trees (counts
     * and statistics are complete). Memory then depends on the queries in flight, not on the log
     * size.
     */
    public static DnscacheAnalyzer streaming(Consumer<ResolutionTree> inQueryOrder) {
        return new DnscacheAnalyzer(new DnscacheStats.Accumulator(), inQueryOrder);
    }

    @Override
    public void accept(DnscacheEntry e) {
        lines++;
        counts[EntryKind.of(e).ordinal()]++;
        if (e instanceof Unparsed u) {
            unparsed.add(u);
        } else if (e instanceof Stats s) {
            counters.add(s);
        } else if (e instanceof Lame l) {
            lame.merge(l.server(), 1L, Long::sum);
        }
        builder.accept(e);
    }

    /** Finishes the trees (open queries become unfinished) and computes the statistics. */
    public DnscacheAnalysis finish(List<String> sources) {
        List<ResolutionTree> trees = builder.finish();
        Map<EntryKind, Long> byKind = new EnumMap<>(EntryKind.class);
        for (EntryKind k : EntryKind.values()) {
            if (counts[k.ordinal()] > 0) {
                byKind.put(k, counts[k.ordinal()]);
            }
        }
        return new DnscacheAnalysis(
                List.copyOf(sources),
                lines,
                List.copyOf(trees),
                byKind,
                List.copyOf(unparsed),
                List.copyOf(builder.unattributed()),
                streamed != null
                        ? streamed.result(counters, lame)
                        : DnscacheStats.of(trees, counters, lame));
    }

    /** Reads and analyses files or multilog directories. */
    public static DnscacheAnalysis analyze(List<Path> paths) throws IOException {
        return analyze(paths, DnscacheLogReader.Progress.NONE, () -> false);
    }

    /** Reads and analyses files or multilog directories, reporting progress, cancellable. */
    public static DnscacheAnalysis analyze(
            List<Path> paths, DnscacheLogReader.Progress progress, BooleanSupplier cancelled)
            throws IOException {
        List<Path> files = DnscacheLogReader.expandAll(paths);
        DnscacheAnalyzer a = new DnscacheAnalyzer();
        DnscacheLogReader.read(files, a, progress, cancelled);
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.toString());
        }
        return a.finish(names);
    }
}
