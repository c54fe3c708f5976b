package dev.logsentry.bench;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.ClassifyResult;
import dev.logsentry.core.browse.FilteredView;
import dev.logsentry.core.browse.LineFilter;
import dev.logsentry.core.browse.Progress;
import dev.logsentry.core.browse.QuickText;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Path;

/**
 * Measuring program for a whole real file, as the workbench does it: index, classify every line,
 * build filtered views, compute the timeline; prints wall times, throughput and the heap the
 * results take. Usage: {@code EventsFileMain LOG [RULES_DIR] [THREADS]}.
 */
public final class EventsFileMain {

    private EventsFileMain() {}

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        Path rules = Path.of(args.length > 1 ? args[1] : "/etc/logcheck");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Classifier classifier =
                new Classifier(
                        RuleTreeLoader.load(rules, Level.SERVER),
                        CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(threads));
        try (IndexedFile file = IndexedFile.open(log)) {
            long t0 = System.nanoTime();
            file.index(IndexProgress.NONE, () -> false);
            long lines = file.lineCount();
            long t1 = System.nanoTime();
            report("index", t1 - t0, lines);
            ClassifiedSource c = new ClassifiedSource(file, classifier, threads);
            ClassifyResult r = c.classify(Progress.NONE, () -> false);
            long t2 = System.nanoTime();
            report("classify", t2 - t1, r.classified());
            System.out.println("  counts " + c.counts() + ", verdict store " + c.memoryBytes() + " bytes");
            SourceClock clock = SourceClock.of(file);
            for (LineFilter f :
                    new LineFilter[] {
                        LineFilter.ALL.withIgnoredHidden(true),
                        LineFilter.ALL.withQuick(QuickText.plain("failed password")),
                        LineFilter.ALL.withQuick(new QuickText("port \\d+ ssh2$", true, true))
                    }) {
                long a = System.nanoTime();
                FilteredView v = new FilteredView(c, f, clock, threads);
                v.extend(Progress.NONE, () -> false);
                report("filter " + f.quick() + " verdicts " + f.verdicts().size(), System.nanoTime() - a, lines);
                System.out.println("  rows " + v.size() + ", " + v.memoryBytes() + " bytes");
            }
            long a = System.nanoTime();
            TimeHistogram h = TimeHistogram.compute(c, clock, threads, Progress.NONE, () -> false);
            report("timeline", System.nanoTime() - a, lines);
            System.out.println("  " + h.bucketCount() + " bars of " + h.bucketSize());
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    "heap used after GC: %d MB (index %d MB)%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20,
                    file.indexMemoryBytes() >> 20);
        }
    }

    private static void report(String what, long nanos, long lines) {
        System.out.printf(
                "%-40s %8.2f s  %,10.0f lines/s%n", what, nanos / 1e9, lines / (nanos / 1e9));
    }
}
