package dev.logsentry.core.rules.automata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole-line prefilter may only skip lines no rule matches: checked against the rules' own
 * regexes, on Debian's unanchored cracking rules and corpus lines sampled from them.
 */
class LinePrefilterTest {

    @Test
    void aLineWithoutAnyRulesLiteralIsSkippedAndEveryMatchingLineIsNot() throws Exception {
        List<Rule> rules =
                List.of(
                        rule("kernel: Oversized packet received from", false, 0),
                        rule("tftpd\\[[0-9]+\\]: refused connect from", false, 1));
        LinePrefilter p = LinePrefilter.of(entries(rules), false);
        assertThat(p.active()).isTrue();
        assertThat(p.mayMatch("Dec  5 h sshd[1]: Accepted publickey for root")).isFalse();
        assertThat(p.mayMatch("Dec  5 h kernel: Oversized packet received from 1.2.3.4")).isTrue();
        assertThat(p.mayMatch("Dec  5 h in.tftpd[12]: refused connect from 1.2.3.4")).isTrue();
    }

    @Test
    void noPrefilterWhenARuleHasNoLiteralIsCaseBlindOrIsARest() throws Exception {
        Rule plain = rule("refused connect from", false, 0);
        assertThat(
                        LinePrefilter.of(entries(List.of(plain, rule("^.*$", false, 1))), false)
                                .active())
                .isFalse();
        assertThat(
                        LinePrefilter.of(
                                        entries(List.of(plain, rule("oversized packet", true, 1))),
                                        false)
                                .active())
                .isFalse();
        assertThat(LinePrefilter.of(entries(List.of(plain)), true).active()).isFalse();
        assertThat(LinePrefilter.of(entries(List.of(plain)), true).mayMatch("anything")).isTrue();
    }

    @Test
    void neverSkipsALineARuleMatchesOnDebiansRaisingRules() {
        Path etc = Path.of("/etc/logcheck");
        assumeTrue(Files.isDirectory(etc.resolve("cracking.d")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(etc, Level.SERVER);
        List<Rule> rules = new ArrayList<>();
        for (Category c : List.of(Category.CRACKING, Category.VIOLATIONS)) {
            tree.files(c).forEach(f -> rules.addAll(f.rules()));
        }
        LinePrefilter p = LinePrefilter.of(entries(rules), false);
        assertThat(p.active()).as("every raising rule names a literal").isTrue();
        SyslogCorpus corpus = new SyslogCorpus(7, tree, true);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            String line = new String(corpus.nextLine(), StandardCharsets.ISO_8859_1);
            boolean any = false;
            for (Rule r : rules) {
                any |= r.matches(line);
            }
            if (any) {
                matched++;
                assertThat(p.mayMatch(line)).as(line).isTrue();
            }
        }
        assertThat(matched).isPositive();
    }

    @Test
    void everyFileAnswersAsItsRulesRegexesWhereThePrefilterIsOn() {
        // the trees where it is on with Debian's rules: paranoid (its whole-line rules all name
        // literals) and the raising rules of every level; each file's answer against its regexes
        Path etc = Path.of("/etc/logcheck");
        assumeTrue(
                Files.isDirectory(etc.resolve("ignore.d.paranoid")), "logcheck-database missing");
        RuleTree paranoid = RuleTreeLoader.load(etc, Level.PARANOID);
        RuleTree server = RuleTreeLoader.load(etc, Level.SERVER);
        for (RuleTree tree : List.of(paranoid, server.withoutIgnoreRules())) {
            RuleFileMatcher matcher = RuleFileMatcher.of(tree, f -> false);
            assertThat(matcher.wholeLinePrefilter().active()).isTrue();
            RuleFileMatcher.Session session = matcher.newSession();
            SyslogCorpus corpus = new SyslogCorpus(3, tree, true);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                String line = new String(corpus.nextLine(), StandardCharsets.ISO_8859_1);
                session.reset(line);
                for (int f = 0; f < matcher.files().size(); f++) {
                    boolean expected = false;
                    for (Rule r : matcher.files().get(f).rules()) {
                        expected |= r.matches(line);
                    }
                    if (session.matches(f) != expected) {
                        failures.add(matcher.files().get(f).name() + ": " + line);
                    }
                }
            }
            assertThat(failures).isEmpty();
        }
    }

    private static List<GroupMatcher.Entry> entries(List<Rule> rules) {
        List<GroupMatcher.Entry> out = new ArrayList<>();
        for (Rule r : rules) {
            out.add(GroupMatcher.Entry.whole(r, 0));
        }
        return out;
    }

    private static Rule rule(String pattern, boolean ignoreCase, int id) throws EreSyntaxException {
        return new Rule(
                Category.CRACKING,
                "test",
                Path.of("test"),
                id + 1,
                EreTranslator.compile(pattern, ignoreCase),
                id);
    }
}
