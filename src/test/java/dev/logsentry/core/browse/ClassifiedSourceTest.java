package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckInput;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClassifiedSourceTest {

    @TempDir Path dir;

    /** One engine, one truth: the viewer's verdicts are the sections of the check report. */
    @ParameterizedTest
    @EnumSource(Level.class)
    void verdictsEqualTheSectionsOfTheCheckReport(Level level) throws Exception {
        RuleTree tree = Fixtures.debianRules(level);
        byte[] log = Fixtures.corpus(600 + level.ordinal(), 8000);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", log)) {
            ClassifiedSource viewer = Fixtures.classified(file, tree, 2);
            assertThat(viewer.counts().attack()).as("the corpus has attacks").isPositive();
            assertSameAsCheck(viewer, tree, log);
        }
    }

    /** The same with LogSentry's bundled starter rules, their samples and lines made from them. */
    @ParameterizedTest
    @EnumSource(Level.class)
    void verdictsEqualTheCheckReportWithTheBundledStarterRules(Level level) throws Exception {
        Path rules = BundledRules.logcheckTree(BundledRules.extractTo(dir.resolve("bundled")));
        RuleTree tree = RuleTreeLoader.load(rules, level);
        assertThat(tree.problems()).isEmpty();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (InputStream samples =
                getClass().getResourceAsStream("/dev/logsentry/rules/bundled-samples.log")) {
            log.writeBytes(samples.readAllBytes());
        }
        log.writeBytes(new SyslogCorpus(level.ordinal(), tree).lines(4000));
        byte[] bytes = log.toByteArray();
        for (boolean crackingIgnore : new boolean[] {false, true}) {
            CheckOptions options =
                    CheckOptions.defaults(Profile.LOGCHECK_1_4)
                            .withSupportCrackingIgnore(crackingIgnore)
                            .withThreads(2);
            try (IndexedFile file = Fixtures.indexed(dir, "bundled-" + crackingIgnore, bytes)) {
                ClassifiedSource viewer =
                        new ClassifiedSource(file, new Classifier(tree, options), 2);
                assertThat(viewer.classify(Progress.NONE, () -> false).complete()).isTrue();
                assertThat(viewer.counts().attack()).isPositive();
                assertSameAsCheck(viewer, tree, bytes, options);
            }
        }
    }

    /** The classic 1996 profile (bundled classic rules): no trailing-space removal, log order. */
    @Test
    void verdictsEqualTheClassicCheckReport() throws Exception {
        Path rules = BundledRules.classicDir(BundledRules.extractTo(dir.resolve("bundled")));
        RuleTree tree = RuleTreeLoader.loadClassic(rules);
        byte[] log = new SyslogCorpus(1996, tree).lines(5000);
        CheckOptions options = CheckOptions.defaults(Profile.CLASSIC_1996).withThreads(2);
        try (IndexedFile file = Fixtures.indexed(dir, "classic", log)) {
            ClassifiedSource viewer = new ClassifiedSource(file, new Classifier(tree, options), 2);
            viewer.classify(Progress.NONE, () -> false);
            assertThat(viewer.counts().reportable()).isPositive();
            assertSameAsCheck(viewer, tree, log, options);
        }
    }

    /**
     * Without any attack in the run, lines matching both a cracking rule (suppressed by
     * cracking.ignore.d) and a violations rule stay violations; the check agrees.
     */
    @Test
    void verdictsEqualTheCheckReportWhenTheRunHasNoAttack() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        byte[] all = Fixtures.corpus(77, 6000);
        ClassifiedSource probe;
        try (IndexedFile f = Fixtures.indexed(dir, "all", all)) {
            probe = Fixtures.classified(f, tree, 1);
        }
        ByteArrayOutputStream noAttack = new ByteArrayOutputStream();
        List<InputLine> lines = split(all);
        for (int i = 0; i < lines.size(); i++) {
            if (probe.verdict(i) != Verdict.ATTACK) {
                noAttack.writeBytes(lines.get(i).bytes());
                noAttack.write('\n');
            }
        }
        byte[] log = noAttack.toByteArray();
        try (IndexedFile file = Fixtures.indexed(dir, "quiet", log)) {
            ClassifiedSource viewer = Fixtures.classified(file, tree, 2);
            assertThat(viewer.attackSeen()).isFalse();
            assertThat(viewer.counts().violation()).isPositive();
            assertSameAsCheck(viewer, tree, log);
        }
    }

    private static void assertSameAsCheck(ClassifiedSource viewer, RuleTree tree, byte[] log) {
        assertSameAsCheck(viewer, tree, log, CheckOptions.defaults(Profile.LOGCHECK_1_4));
    }

    private static void assertSameAsCheck(
            ClassifiedSource viewer, RuleTree tree, byte[] log, CheckOptions options) {
        List<InputLine> lines = split(log);
        CheckResult report = new CheckEngine(tree, options).run(CheckInput.of(lines));
        Map<Long, Integer> lineByOffset = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            lineByOffset.put(lines.get(i).offset(), i);
        }
        assertThat(viewer.classifiedCount()).isEqualTo(lines.size());
        // the most severe section each line is reported in, and the rule of the first one
        Verdict[] expected = new Verdict[lines.size()];
        Rule[] expectedRule = new Rule[lines.size()];
        for (Section s : report.sections()) {
            for (ReportedLine r : s.lines()) {
                int i = lineByOffset.get(r.line().offset());
                if (expected[i] == null || s.kind().compareTo(expected[i]) < 0) {
                    expected[i] = s.kind();
                    expectedRule[i] = r.rule();
                }
            }
        }
        EnumMap<Verdict, Long> counted = new EnumMap<>(Verdict.class);
        for (int i = 0; i < lines.size(); i++) {
            Verdict want = expected[i] == null ? Verdict.IGNORED : expected[i];
            assertThat(viewer.verdict(i))
                    .as("line %d: %s", i + 1, lines.get(i).latin1())
                    .isEqualTo(want);
            if (want != Verdict.IGNORED) {
                assertThat(viewer.rule(i)).as("rule of line %d", i + 1).isEqualTo(expectedRule[i]);
            }
            counted.merge(want, 1L, Long::sum);
        }
        for (Verdict v : Verdict.values()) {
            assertThat(viewer.counts().get(v)).as(v.name()).isEqualTo(counted.getOrDefault(v, 0L));
        }
    }

    @Test
    void ignoredLinesNameTheRuleThatIgnoredThem() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        byte[] log = Fixtures.corpus(5, 3000);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", log)) {
            ClassifiedSource c = Fixtures.classified(file, tree, 1);
            int checked = 0;
            for (long i = 0; i < c.classifiedCount(); i++) {
                if (c.verdict(i) == Verdict.IGNORED) {
                    Rule rule = c.rule(i);
                    assertThat(rule).as("line %d", i + 1).isNotNull();
                    String text = new String(file.rawLine(i), StandardCharsets.ISO_8859_1);
                    assertThat(rule.matches(stripTrailingSpace(text)))
                            .as("line %d", i + 1)
                            .isTrue();
                    checked++;
                } else if (c.verdict(i) == Verdict.UNUSUAL) {
                    assertThat(c.rule(i)).isNull();
                }
            }
            assertThat(checked).isPositive();
        }
    }

    @Test
    void parallelAndSequentialRunsAgree() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.WORKSTATION);
        byte[] log = Fixtures.corpus(11, 40_000);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", log)) {
            ClassifiedSource one = Fixtures.classified(file, tree, 1);
            ClassifiedSource two = Fixtures.classified(file, tree, 2);
            assertThat(two.counts()).isEqualTo(one.counts());
            for (long i = 0; i < one.classifiedCount(); i++) {
                assertThat(two.verdict(i)).isEqualTo(one.verdict(i));
                assertThat(two.ruleId(i)).isEqualTo(one.ruleId(i));
            }
            assertThat(one.memoryBytes()).isLessThan(2L * one.classifiedCount() + 200_000);
            long[] byRule = new long[tree.rules().size()];
            for (long i = 0; i < one.classifiedCount(); i++) {
                if (one.ruleId(i) >= 0) {
                    byRule[one.ruleId(i)]++;
                }
            }
            assertThat(two.ruleCounts()).isEqualTo(byRule);
            assertThat(java.util.Arrays.stream(byRule).sum()).isPositive();
        }
    }

    @Test
    void continuesWhenTheSourceGrowsAndMatchesAFreshRun() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        byte[] log = Fixtures.corpus(21, 30_000);
        int cut = log.length / 3;
        while (log[cut - 1] != '\n') {
            cut++;
        }
        // the first part ends in the middle of a line, which the next part completes
        int half = cut + 10;
        Path path = dir.resolve("growing");
        Files.write(path, java.util.Arrays.copyOf(log, half));
        try (IndexedFile file = IndexedFile.open(path)) {
            file.index(IndexProgress.NONE, () -> false);
            ClassifiedSource growing = new ClassifiedSource(file, Fixtures.classifier(tree, 2), 2);
            assertThat(growing.classify(Progress.NONE, () -> false).complete()).isTrue();
            long firstCount = growing.classifiedCount();
            Files.write(
                    path,
                    java.util.Arrays.copyOfRange(log, half, log.length),
                    StandardOpenOption.APPEND);
            assertThat(growing.upToDate()).isTrue(); // not indexed yet
            file.index(IndexProgress.NONE, () -> false);
            assertThat(growing.upToDate()).isFalse();
            ClassifyResult second = growing.classify(Progress.NONE, () -> false);
            assertThat(second.complete()).isTrue();
            assertThat(growing.classifiedCount()).isGreaterThan(firstCount);

            try (IndexedFile whole = Fixtures.indexed(dir, "whole", log)) {
                ClassifiedSource fresh = Fixtures.classified(whole, tree, 1);
                assertSameVerdicts(growing, fresh);
            }
        }
    }

    @Test
    void cancelledRunKeepsAPrefixAndTheNextRunFinishes() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        byte[] log = Fixtures.corpus(31, 50_000);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", log)) {
            ClassifiedSource c = new ClassifiedSource(file, Fixtures.classifier(tree, 2), 2);
            AtomicInteger polls = new AtomicInteger();
            List<long[]> progress = new ArrayList<>();
            ClassifyResult first =
                    c.classify(
                            (done, total) -> progress.add(new long[] {done, total}),
                            () -> polls.incrementAndGet() > 80);
            assertThat(first.cancelled()).isTrue();
            assertThat(first.classified()).isLessThan(file.lineCount());
            assertThat(c.classifiedCount()).isEqualTo(first.classified());
            assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(file.lineCount()));

            ClassifyResult rest = c.classify(Progress.NONE, () -> false);
            assertThat(rest.complete()).isTrue();
            assertSameVerdicts(c, Fixtures.classified(file, tree, 1));
        }
    }

    @Test
    void lookupsFromAnotherThreadDuringARunSeeFinalResults() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        byte[] log = Fixtures.corpus(41, 40_000);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", log)) {
            ClassifiedSource c = new ClassifiedSource(file, Fixtures.classifier(tree, 2), 2);
            List<long[]> seen = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader =
                    new Thread(
                            () -> {
                                try {
                                    while (!c.upToDate()) {
                                        long n = c.classifiedCount();
                                        if (n > 0) {
                                            long i = n - 1;
                                            seen.add(
                                                    new long[] {
                                                        i, c.verdict(i).ordinal(), c.ruleId(i)
                                                    });
                                            c.counts();
                                        }
                                        Thread.onSpinWait();
                                    }
                                } catch (Throwable t) {
                                    failure.set(t);
                                }
                            });
            reader.start();
            c.classify(Progress.NONE, () -> false);
            reader.join();
            assertThat(failure.get()).isNull();
            for (long[] s : seen) {
                if (!c.attackSeen() || c.verdict(s[0]) != Verdict.IGNORED) {
                    assertThat(c.verdict(s[0]).ordinal()).isEqualTo((int) s[1]);
                }
            }
        }
    }

    @Test
    void askingBeyondTheClassifiedLinesFails() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", Fixtures.corpus(1, 10))) {
            ClassifiedSource c = new ClassifiedSource(file, Fixtures.classifier(tree, 1), 1);
            assertThat(c.classifiedCount()).isZero();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.verdict(0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(c.counts()).isEqualTo(VerdictCounts.ZERO);
        }
    }

    static void assertSameVerdicts(ClassifiedSource actual, ClassifiedSource expected) {
        assertThat(actual.classifiedCount()).isEqualTo(expected.classifiedCount());
        for (long i = 0; i < expected.classifiedCount(); i++) {
            assertThat(actual.verdict(i)).as("line %d", i + 1).isEqualTo(expected.verdict(i));
            assertThat(actual.ruleId(i)).as("rule of line %d", i + 1).isEqualTo(expected.ruleId(i));
        }
        assertThat(actual.counts()).isEqualTo(expected.counts());
    }

    /** logcheck's {@code sed 's/[[:space:]]\\+$//'}. */
    static String stripTrailingSpace(String s) {
        int end = s.length();
        while (end > 0
                && (s.charAt(end - 1) == ' '
                        || (s.charAt(end - 1) >= 9 && s.charAt(end - 1) <= 13))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Lines as a check run reads them (a last line without newline is a line too). */
    static List<InputLine> split(byte[] log) {
        List<InputLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                lines.add(InputLine.ofBytes("syslog", start, log, start, i));
                start = i + 1;
            }
        }
        if (start < log.length) {
            lines.add(InputLine.ofBytes("syslog", start, log, start, log.length));
        }
        return lines;
    }
}
