package dev.logsentry.core.rules.automata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lazily built DFA is shared by threads that walk it without a lock while others add states,
 * grow its tables and flush it: every thread's answers stay the regexes' answers.
 */
class SharedDfaTest {
    @TempDir Path tmp;

    @Test
    void threadsSharingOneDfaAnswerAsTheRegexesWhileItGrowsAndIsFlushed() throws Exception {
        BundledRules.extractTo(tmp);
        RuleTree tree = RuleTreeLoader.load(BundledRules.logcheckTree(tmp), Level.WORKSTATION);
        List<Rule> rules = tree.rules();
        SyslogCorpus corpus = new SyslogCorpus(23, tree, true);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(new String(corpus.nextLine(), StandardCharsets.ISO_8859_1));
        }
        long[][] expected = new long[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            expected[i] = new long[(rules.size() + 63) >>> 6];
            for (Rule r : rules) {
                if (r.matches(lines.get(i))) {
                    expected[i][r.id() >>> 6] |= 1L << r.id();
                }
            }
        }
        List<GroupMatcher.Entry> entries = new ArrayList<>();
        for (Rule r : rules) {
            entries.add(GroupMatcher.Entry.whole(r, r.id()));
        }
        // a bound a few hundred states reach: flushed many times while the others walk
        for (long cache : new long[] {64L << 20, 200_000}) {
            GroupMatcher m = GroupMatcher.of(entries, rules.size(), false, cache);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t * 701;
                    Callable<List<String>> walk =
                            () -> {
                                GroupMatcher.Session s = m.newSession();
                                List<String> wrong = new ArrayList<>();
                                for (int k = 0; k < lines.size(); k++) {
                                    int i = (k + offset) % lines.size();
                                    long[] bits = s.match(lines.get(i));
                                    if (!java.util.Arrays.equals(bits, expected[i])) {
                                        wrong.add(lines.get(i));
                                    }
                                }
                                return wrong;
                            };
                    results.add(pool.submit(walk));
                }
                for (Future<List<String>> f : results) {
                    assertThat(f.get()).as("lines answered unlike the regexes").isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
            if (cache < 1 << 20) {
                assertThat(m.diagnostics()).as("flushed").doesNotContain(" 0 flushes");
            }
        }
    }
}
