package dev.logsentry.core.check.health;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.check.preview.LineTest;
import dev.logsentry.core.check.preview.RuleMatches;
import dev.logsentry.core.check.preview.RulePreview;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.edit.RuleDocument;
import dev.logsentry.core.rules.edit.RuleFileSnapshot;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A rule set testing itself: every {@code # sample: <line>} comment is matched against the rule
 * below it (as logcheck would match it: trailing white space removed) and, as a warning, in the
 * other timestamp format too; and, given log lines, how many lines each rule matches. The headless
 * half of {@code logsentry rules test}.
 */
public final class RuleSetTest {

    /**
     * One sample checked.
     *
     * @param file the rule file
     * @param sampleLine the sample comment's line
     * @param ruleLine the rule's line
     * @param sample the sample log line
     * @param matched whether the rule matches it
     * @param otherFormatMatched whether it matches the sample in the other timestamp format; null
     *     when the sample has no timestamp
     * @param verdict the whole tree's verdict on the sample
     * @param problem why the rule could not be tried (it does not compile or ran out of time), else
     *     null
     */
    public record SampleResult(
            Path file,
            int sampleLine,
            int ruleLine,
            String sample,
            boolean matched,
            Boolean otherFormatMatched,
            Verdict verdict,
            String problem) {

        public boolean passed() {
            return matched && problem == null;
        }
    }

    /**
     * The outcome.
     *
     * @param samples every sample, in tree order
     * @param rules every rule of the tree, in tree order
     * @param matched lines each rule matches, by rule id (all 0 without lines)
     * @param firstMatch the first line each rule matches, by rule id, or -1
     */
    public record Result(
            List<SampleResult> samples, List<Rule> rules, int[] matched, int[] firstMatch) {

        public long failedSamples() {
            return samples.stream().filter(s -> !s.passed()).count();
        }
    }

    private RuleSetTest() {}

    /** Tests the samples of every file of {@code tree} and counts each rule's matches in lines. */
    public static Result run(
            RuleTree tree,
            CheckOptions options,
            CheckLines lines,
            int year,
            BooleanSupplier cancelled)
            throws IOException {
        Classifier classifier = new Classifier(tree, options);
        List<SampleResult> samples = new ArrayList<>();
        Set<Path> sources = new LinkedHashSet<>();
        for (Category c : Category.values()) {
            for (RuleFile f : tree.files(c)) {
                sources.addAll(f.sources());
            }
        }
        for (Path source : sources) {
            RuleDocument doc = RuleDocument.open(source);
            RuleFileSnapshot snap = doc.snapshot();
            Category category = doc.category();
            for (RuleFileSnapshot.Entry e : snap.rules()) {
                for (int k = 0; k < e.samples().size(); k++) {
                    samples.add(
                            sample(
                                    classifier,
                                    options.profile(),
                                    category,
                                    source,
                                    e,
                                    k,
                                    year,
                                    cancelled));
                }
            }
        }
        RuleHealth.Stats stats = RuleHealth.stats(tree, lines, cancelled);
        return new Result(samples, tree.rules(), stats.matched(), stats.first());
    }

    private static SampleResult sample(
            Classifier classifier,
            Profile profile,
            Category category,
            Path source,
            RuleFileSnapshot.Entry e,
            int k,
            int year,
            BooleanSupplier cancelled) {
        String sample = e.samples().get(k);
        int sampleLine = e.sampleLines().get(k);
        Verdict verdict = classifier.classify(new InputLine("sample", -1, sample)).verdict();
        Rule rule;
        try {
            rule = RulePreview.rule(e.pattern(), category, source, e.line());
        } catch (EreSyntaxException ex) {
            return new SampleResult(
                    source,
                    sampleLine,
                    e.line(),
                    sample,
                    false,
                    null,
                    verdict,
                    "the rule does not compile: " + ex.getMessage());
        }
        String other = LineTest.otherFormat(sample, year);
        List<String> texts = new ArrayList<>();
        texts.add(CheckLines.prepare(sample, profile));
        if (other != null) {
            texts.add(CheckLines.prepare(other, profile));
        }
        RuleMatches m =
                RulePreview.matches(
                        rule, CheckLines.of(texts.toArray(new String[0])), 1, cancelled);
        boolean first = m.count() > 0 && m.matching()[0] == 0;
        Boolean second = other == null ? null : m.count() > 0 && m.matching()[m.count() - 1] == 1;
        return new SampleResult(
                source, sampleLine, e.line(), sample, first, second, verdict, m.budgetHit());
    }
}
