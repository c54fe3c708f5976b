package dev.logsentry.core.check.preview;

import static dev.logsentry.core.check.preview.PreviewFixture.H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.automata.RegexBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePreviewTest {

    @TempDir Path root;

    private static Rule rule(String pattern) throws Exception {
        return RulePreview.rule(pattern, Category.IGNORE, Path.of("ignore.d.server/x"), 1);
    }

    @Test
    void countsTheMatchingLinesAndHighlightsTheMatch() throws Exception {
        CheckLines lines = PreviewFixture.lines(PreviewFixture.LOG);
        Rule r = rule("CRON\\[[0-9]+\\]: ");
        RuleMatches m = RulePreview.matches(r, lines, 2, CancelToken.NEVER);
        assertThat(m.matching()).containsExactly(4, 5);
        assertThat(m.complete()).isTrue();
        List<int[]> spans = RulePreview.spans(r, lines.latin1(4));
        assertThat(spans).hasSize(1);
        assertThat(lines.latin1(4).substring(spans.get(0)[0], spans.get(0)[1]))
                .isEqualTo("CRON[13]: ");
        Rule anchored = rule(H + "CRON");
        assertThat(RulePreview.matches(anchored, lines, 1, CancelToken.NEVER).matching())
                .containsExactly(4, 5);
    }

    @Test
    void typingARuleNarrowsTheSearchToLinesWithItsEarlierLiteralAndFindsTheSameLines()
            throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            texts.add(
                    "Dec  4 10:00:00 gw sshd["
                            + i
                            + "]: "
                            + (i % 97 == 0 ? "Accepted publickey for u" + (i % 5) : "noise " + i)
                            + " from 192.0.2."
                            + (i % 250)
                            + " port "
                            + i);
        }
        CheckLines lines = PreviewFixture.lines(texts);
        LiteralHits hits = new LiteralHits(lines.size());
        // keystrokes: the longest literal grows, then shrinks again (backspace), then changes
        String[] typed = {
            "Accepted pu",
            "Accepted publ",
            "Accepted publickey for u3",
            "Accepted publickey for u",
            "Accepted publickey for u[0-9] from 192\\.0\\.2\\.1[0-9]+ port",
            "noise 1[0-9]*7 from",
            "Accepted publ",
        };
        for (String pattern : typed) {
            Rule r = rule(pattern);
            int[] plain = RulePreview.matches(r, lines, 2, CancelToken.NEVER).matching();
            int[] narrowed = RulePreview.matches(r, lines, 2, CancelToken.NEVER, hits).matching();
            assertThat(narrowed).as(pattern).containsExactly(plain);
            assertThat(plain).as(pattern).isNotEmpty();
        }
        assertThat(hits.exact("Accepted publ")).as("remembered").isNotNull();
        assertThat(hits.narrowest("Accepted publickey for u7"))
                .as("a longer literal is bounded by a remembered part of it")
                .hasSizeLessThanOrEqualTo(40_000 / 97 + 1);
        assertThat(hits.exact("noise 1")).as("too common to remember").isNull();
    }

    @Test
    void manyLinesInChunksOnTwoThreadsKeepLineOrder() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            texts.add("Dec  4 10:00:00 gw app[" + i + "]: value " + (i % 7));
        }
        RuleMatches m =
                RulePreview.matches(
                        rule("value 3$"), PreviewFixture.lines(texts), 2, CancelToken.NEVER);
        assertThat(m.count()).isEqualTo(50_000 / 7 + (50_000 % 7 > 3 ? 1 : 0));
        for (int k = 0; k < m.count(); k++) {
            assertThat(m.matching()[k] % 7).isEqualTo(3);
            if (k > 0) {
                assertThat(m.matching()[k]).isGreaterThan(m.matching()[k - 1]);
            }
        }
    }

    /** Patterns that make a backtracking engine hang run on the automaton, in linear time. */
    @Test
    void pathologicalPatternsRunOnTheAutomaton() throws Exception {
        String as = "a".repeat(100_000);
        CheckLines lines = PreviewFixture.lines(List.of(as + "b", as, "x".repeat(50_000) + "a"));
        assertThat(RulePreview.matches(rule("(a+)+$"), lines, 1, CancelToken.NEVER).matching())
                .containsExactly(1, 2); // line 0 ends in b; (a+)+ needs no ^
        assertThat(RulePreview.matches(rule("^(a+)+$"), lines, 1, CancelToken.NEVER).matching())
                .containsExactly(1);
        assertThat(RulePreview.matches(rule("(.*a){20}"), lines, 1, CancelToken.NEVER).matching())
                .containsExactly(0, 1);
    }

    /** A back-reference needs the backtracking regex: it runs under a budget that names it. */
    @Test
    void aBackReferenceRuleThatExplodesIsStoppedAndNamed() throws Exception {
        CheckLines lines = PreviewFixture.lines(List.of("xx", "a".repeat(60) + "c", "abab"));
        Rule bomb = rule("^(a|aa)+\\1b$");
        RuleMatches m = RulePreview.matches(bomb, lines, 1, CancelToken.NEVER);
        assertThat(m.complete()).isFalse();
        assertThat(m.budgetHit()).contains("ignore.d.server/x:1").contains("line 2");
        Rule fine = rule("^(ab)\\1$");
        assertThat(RulePreview.matches(fine, lines, 1, CancelToken.NEVER).matching())
                .containsExactly(2);
        assertThatThrownBy(() -> RulePreview.spans(bomb, lines.latin1(1)))
                .isInstanceOf(RegexBudget.Exceeded.class)
                .hasMessageContaining("ignore.d.server/x:1");
    }

    @Test
    void theTestPaneShowsBothTimestampFormatsAndEveryMatchingRule() throws Exception {
        PreviewFixture.tree(root);
        PreviewFixture.write(
                root,
                "ignore.d.server/classic-only",
                "^\\w{3} [ :0-9]{11} [a-z]+ ntpd\\[[0-9]+\\]: .*$\n");
        var tree = RuleTreeLoader.load(root, Level.SERVER);
        LineTest pane = new LineTest(new Classifier(tree, PreviewFixture.options()), 2026);
        List<LineTest.Form> forms = pane.test(PreviewFixture.LOG.get(4));
        assertThat(forms)
                .extracting(LineTest.Form::format)
                .containsExactly("classic syslog", "RFC 3339");
        assertThat(forms.get(1).line())
                .isEqualTo(
                        "2026-12-04T10:00:05.000000+00:00 gw CRON[13]: (root) CMD (run-parts"
                                + " /etc/cron.hourly)");
        for (LineTest.Form f : forms) {
            assertThat(f.classification().verdict()).isEqualTo(Verdict.IGNORED);
            assertThat(f.matching()).extracting(Rule::fileName).containsExactly("cron");
        }
        List<LineTest.Form> ntp = pane.test(PreviewFixture.LOG.get(7));
        assertThat(ntp.get(0).classification().verdict()).isEqualTo(Verdict.IGNORED);
        assertThat(ntp.get(1).classification().verdict()).isEqualTo(Verdict.UNUSUAL);
        List<LineTest.Form> iso = pane.test(PreviewFixture.LOG.get(5));
        assertThat(iso.get(1).line()).startsWith("Dec  4 10:00:06 gw CRON[14]");
        assertThat(pane.test("no timestamp"))
                .extracting(LineTest.Form::format)
                .containsExactly("as given");
    }

    /** The preview selects exactly the lines grep -E selects, for a range of rules. */
    @Test
    void previewMatchesWhatGrepSelects(@TempDir Path work) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dev.logsentry.core.rules.edit.GrepRunner.available(), "grep missing");
        List<String> log = new ArrayList<>(PreviewFixture.LOG);
        log.add("Dec  4 10:00:09 gw sshd[16]: Accepted publickey for alice\tfrom x");
        log.add("x".repeat(5000) + "sshd[1]: end");
        log.add("");
        List<String> patterns =
                List.of(
                        H + "sshd\\[[0-9]+\\]: Accepted publickey for [a-z]+ from",
                        "CRON\\[[0-9]+\\]: \\(root\\) CMD \\(run-parts /etc/cron\\.hourly\\)$",
                        "\\<gw\\>.*[[:digit:]]$",
                        "^$",
                        "(a|b|c)+d?",
                        "port \\d+",
                        "^(x+)+s",
                        "(.)\\1",
                        "[[:upper:]]{3,}\\[");
        List<String> problems = new ArrayList<>();
        for (String p : patterns) {
            Rule r = rule(p);
            int[] ours =
                    RulePreview.matches(r, PreviewFixture.lines(log), 2, CancelToken.NEVER)
                            .matching();
            List<String> mine = new ArrayList<>();
            for (int i : ours) {
                mine.add(log.get(i));
            }
            List<String> grep = dev.logsentry.core.rules.edit.GrepRunner.select(p, log, work);
            if (!mine.equals(grep)) {
                problems.add(p + ": ours " + mine + " grep " + grep);
            }
        }
        assertThat(problems).isEmpty();
    }
}
