package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineDetailsTest {

    @TempDir Path dir;

    private static final String LOG =
            String.join(
                    "\n",
                    "Nov 25 07:33:40 web1 CRON[4242]: (root) CMD (   cd / && run-parts --report"
                            + " /etc/cron.hourly)",
                    "Nov 25 07:33:43 h\u00e9te kernel: Oversized packet received from 10.0.0.9",
                    "Nov 25 07:33:44 web1 frobnicator[17]: something nobody has a rule for",
                    "");

    private ClassifiedSource open(IndexedFile file, RuleTree tree) {
        return Fixtures.classified(file, tree, 1);
    }

    private static SourceClock clock() {
        return new SourceClock(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void attackNamesItsCrackingRuleWithTheMatchedSpanInTheDisplayedText() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        try (IndexedFile file =
                Fixtures.indexed(dir, "syslog", LOG.getBytes(StandardCharsets.UTF_8))) {
            ClassifiedSource c = open(file, tree);
            LineDetails d = LineDetails.of(c, 1, clock().parser());

            assertThat(d.verdict()).isEqualTo(Verdict.ATTACK);
            assertThat(d.lineNumber()).isEqualTo(2);
            assertThat(d.offset()).isEqualTo(file.offset(1));
            assertThat(d.sourceName()).isEqualTo("syslog");
            assertThat(d.fields().host()).isEqualTo("h\u00e9te");
            assertThat(d.fields().program()).isEqualTo("kernel");
            assertThat(d.fields().time()).isEqualTo(Instant.parse("2026-11-25T07:33:43Z"));
            RuleHit rule = d.decidingRule();
            assertThat(rule.category()).isEqualTo(Category.CRACKING);
            assertThat(rule.file()).isEqualTo(Fixtures.ETC.resolve("cracking.d/kernel"));
            assertThat(rule.fileLine()).isPositive();
            assertThat(rule.regex()).isEqualTo(rule.rule().source());
            assertThat(d.text().substring(rule.start(), rule.end()))
                    .isEqualTo("kernel: Oversized packet received from");
            assertThat(d.otherMatches()).doesNotContain(rule);
        }
    }

    @Test
    void ignoredLineNamesTheIgnoreRuleAndUnusualLineNone() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        try (IndexedFile file =
                Fixtures.indexed(dir, "syslog", LOG.getBytes(StandardCharsets.UTF_8))) {
            ClassifiedSource c = open(file, tree);
            LineDetails cron = LineDetails.of(c, 0, clock().parser());
            assertThat(cron.verdict()).isEqualTo(Verdict.IGNORED);
            assertThat(cron.decidingRule().category()).isEqualTo(Category.IGNORE);
            assertThat(cron.decidingRule().start()).isZero(); // logcheck ignore rules are anchored
            assertThat(cron.decidingRule().end()).isEqualTo(cron.text().length());
            assertThat(cron.fields().pid()).isEqualTo(4242);

            LineDetails odd = LineDetails.of(c, 2, clock().parser());
            assertThat(odd.verdict()).isEqualTo(Verdict.UNUSUAL);
            assertThat(odd.decidingRule()).isNull();
            assertThat(odd.otherMatches()).isEmpty();
            assertThat(odd.fields().message()).isEqualTo("something nobody has a rule for");
        }
    }

    @Test
    void otherMatchesListEveryOtherMatchingRuleWithItsSpan() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.WORKSTATION);
        byte[] log = Fixtures.corpus(3, 400);
        try (IndexedFile file = Fixtures.indexed(dir, "syslog", log)) {
            ClassifiedSource c = open(file, tree);
            int withOthers = 0;
            for (long i = 0; i < c.classifiedCount(); i++) {
                LineDetails d = LineDetails.of(c, i, clock().parser());
                assertThat(d.verdict()).isEqualTo(c.verdict(i));
                assertThat(d.decidingRule() == null ? null : d.decidingRule().rule())
                        .isEqualTo(c.rule(i));
                for (RuleHit h : d.otherMatches()) {
                    assertThat(h.rule()).isNotEqualTo(c.rule(i));
                    if (h.hasSpan()) {
                        assertThat(h.start()).isBetween(0, h.end());
                        assertThat(h.end()).isLessThanOrEqualTo(d.text().length());
                    }
                }
                withOthers += d.otherMatches().isEmpty() ? 0 : 1;
            }
            assertThat(withOthers).isPositive();
        }
    }

    @Test
    void detailsOfALineNotClassifiedYetAreComputedOnTheSpot() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        try (IndexedFile file =
                Fixtures.indexed(dir, "syslog", LOG.getBytes(StandardCharsets.UTF_8))) {
            ClassifiedSource c = new ClassifiedSource(file, Fixtures.classifier(tree, 1), 1);
            LineDetails d = LineDetails.of(c, 1, clock().parser());
            assertThat(d.verdict()).isEqualTo(Verdict.ATTACK);
            assertThat(d.decidingRule().category()).isEqualTo(Category.CRACKING);
        }
    }
}
