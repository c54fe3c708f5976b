package dev.logsentry.core.browse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real rules, real files: what the tests of this package are built on. */
final class Fixtures {

    static final Path ETC = Path.of("/etc/logcheck");

    private static final Map<Level, RuleTree> TREES = new ConcurrentHashMap<>();

    private Fixtures() {}

    /** Debian's installed rules at {@code level}; the test is skipped without them. */
    static RuleTree debianRules(Level level) {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck rules missing");
        return TREES.computeIfAbsent(level, l -> RuleTreeLoader.load(ETC, l));
    }

    static Classifier classifier(RuleTree tree, int threads) {
        return new Classifier(
                tree, CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(threads));
    }

    /** A generated syslog corpus of {@code lines} lines exercising every rule directory. */
    static byte[] corpus(long seed, int lines) {
        return new SyslogCorpus(seed, debianRules(Level.WORKSTATION)).lines(lines);
    }

    /** Writes {@code bytes} to {@code dir/name} and opens it fully indexed. */
    static IndexedFile indexed(Path dir, String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        IndexedFile f = IndexedFile.open(file);
        f.index(IndexProgress.NONE, () -> false);
        return f;
    }

    /** Classifies {@code source} completely with {@code threads} workers. */
    static ClassifiedSource classified(IndexedFile source, RuleTree tree, int threads) {
        ClassifiedSource c = new ClassifiedSource(source, classifier(tree, threads), threads);
        ClassifyResult r = c.classify(Progress.NONE, () -> false);
        if (!r.complete()) {
            throw new AssertionError("classification incomplete: " + r);
        }
        return c;
    }
}
