package dev.logsentry.core.rules.automata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lazy DFA must answer exactly what the translated java.util.regex patterns answer (which
 * {@code GrepDifferentialTest} holds to GNU grep): rule by rule on every shipped rule, group by
 * group, after cache flushes, and on patterns with anchors, word boundaries and back-references.
 */
class GroupMatcherTest {

    private static final Path ETC = Path.of("/etc/logcheck");

    @Test
    void everyShippedRuleAnswersAsItsRegexOnHostileCorpusLines() {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(ETC, Level.WORKSTATION);
        List<String> lines = corpus(tree, 3_000);
        assertSameAsRegex(tree.rules(), lines, GroupMatcher.MAX_CACHE_BYTES);
    }

    @Test
    void smallCacheIsFlushedAndRebuiltWithoutChangingAnswers() {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(ETC, Level.SERVER);
        List<String> lines = corpus(tree, 1_000);
        assertSameAsRegex(tree.rules(), lines, 1_000_000);
    }

    @Test
    void fileMatcherAnswersPerFileAsTheRegexesDoWithTheHeaderSplitOff() {
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(ETC, Level.WORKSTATION);
        RuleFileMatcher matcher =
                RuleFileMatcher.of(tree, f -> f.category() == Category.VIOLATIONS);
        List<RuleFile> files = matcher.files();
        RuleFileMatcher.Session session = matcher.newSession();
        List<String> lines = corpus(tree, 2_000);
        int matched = 0;
        for (int k = 0; k + 1 < lines.size(); k += 2) {
            // alternately one line at a time and two at once
            if (k % 4 == 0) {
                session.resetPair(lines.get(k), lines.get(k + 1));
            }
            for (int which = 0; which < 2; which++) {
                String line = lines.get(k + which);
                if (k % 4 == 0) {
                    session.select(which);
                } else {
                    session.reset(line);
                }
                for (int f = 0; f < files.size(); f++) {
                    Rule first =
                            files.get(f).rules().stream()
                                    .filter(r -> r.matches(line))
                                    .findFirst()
                                    .orElse(null);
                    assertThat(session.matches(f))
                            .as("%s on '%s'", files.get(f).name(), line)
                            .isEqualTo(first != null);
                    assertThat(session.firstRule(f)).isEqualTo(first);
                    matched += first != null ? 1 : 0;
                }
            }
        }
        assertThat(matched).isGreaterThan(500);
    }

    @Test
    void syslogHeaderEndsWhereEveryRuleSeesIt() {
        String[] lines = {
            "Nov 25 10:00:00 host sshd[1]: x",
            "Nov  5 10:00:00 a.b-c_d prog: x",
            "2026-11-25T10:00:00.123456+01:00 host prog[2]: y",
            "Nov 25 10:00:00 host",
            "Nov 25 10:00:00  host x",
            "Nov 25 10:00:00 ho/st x",
            "Nov-25 10:00:00 host x",
            "Nov",
            "",
            "2026-11-25T10:00:00.123456+01:00  host x"
        };
        int[] expected = {21, 24, 38, -1, -1, -1, -1, -1, -1, -1};
        for (int i = 0; i < lines.length; i++) {
            byte[] b = lines[i].getBytes(StandardCharsets.ISO_8859_1);
            assertThat(SyslogHeader.restStart(b, 0, b.length)).as(lines[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void anchorsWordBoundariesIntervalsAndBackReferences() {
        String[] patterns = {
            "a{",
            "^*a",
            "a|*b",
            "a**",
            "a+?",
            "()",
            "a|",
            "[]a]",
            "[^]a]",
            "x\\Ba",
            "(a)\\1",
            "(x|xy)z\\2",
            "a\\b",
            "\\bx",
            "\\<ab\\>",
            "\\w+\\>",
            "\\<\\>",
            "^\\<",
            "\\>$",
            "a$",
            "^$",
            "^ *$",
            "(ab|a)(bc|c)$",
            "(^a|b)c",
            "a(b|$)",
            "x(^|y)z",
            "(a*)*b",
            "(a|b?)+c",
            "a{2,4}b",
            "(ab){2}",
            "a{0}b",
            "[[:upper:]][[:lower:]]+",
            "\\`a",
            "a\\'",
            "[^[:print:]]",
            "foo.*bar",
            "^foo|bar$",
            "\\bfoo\\B"
        };
        String[] words = {
            "a", "b", "ab", "x", "y", "z", "foo", "bar", " ", "c", "A", "\u00e9", "_"
        };
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("", " ", "a", "ab", "aab", "xyz", "xz"));
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(6);
            for (int k = 0; k < n; k++) {
                b.append(words[random.nextInt(words.length)]);
            }
            lines.add(b.toString());
        }
        for (boolean ignoreCase : new boolean[] {false, true}) {
            List<Rule> rules = new ArrayList<>();
            for (String p : patterns) {
                try {
                    rules.add(rule(p, ignoreCase, rules.size()));
                } catch (EreSyntaxException e) {
                    // grep rejects it too (GrepDifferentialTest); nothing to compare
                }
            }
            assertSameAsRegex(rules, lines, GroupMatcher.MAX_CACHE_BYTES);
            assertSameAsRegex(rules, lines, 4_000);
        }
    }

    @Test
    void backReferencesRunBesideTheAutomaton() throws Exception {
        List<Rule> rules = List.of(rule("(ab|cd)x\\1", false, 0), rule("^foo", false, 1));
        GroupMatcher matcher = GroupMatcher.of(rules, new int[] {0, 1}, 2);
        assertThat(matcher.verifiedRules()).extracting(Rule::source).containsExactly("(ab|cd)x\\1");
        assertThat(matcher.sideRules()).isEmpty();
        GroupMatcher.Session s = matcher.newSession();
        assertThat(s.match("zabxab")[0]).isEqualTo(1L);
        assertThat(s.match("zabxcd")[0]).isEqualTo(0L);
        assertThat(s.match("foo cdxcd")[0]).isEqualTo(3L);
    }

    @Test
    void bytesAndStringsGiveTheSameAnswer() throws Exception {
        List<Rule> rules =
                List.of(rule("caf..[[:space:]]", false, 0), rule("[^[:print:]]", false, 1));
        GroupMatcher.Session s = GroupMatcher.of(rules, new int[] {0, 1}, 2).newSession();
        byte[] bytes = "x caf\u00e9 \u0001y".getBytes(StandardCharsets.UTF_8);
        long fromBytes = s.match(bytes, 2, bytes.length)[0];
        long fromString =
                s.match(new String(bytes, 2, bytes.length - 2, StandardCharsets.ISO_8859_1))[0];
        assertThat(fromBytes).isEqualTo(fromString).isEqualTo(3L);
    }

    private static Rule rule(String pattern, boolean ignoreCase, int id) throws EreSyntaxException {
        return new Rule(
                Category.IGNORE,
                "test",
                Path.of("test"),
                id + 1,
                EreTranslator.compile(pattern, ignoreCase),
                id);
    }

    private static List<String> corpus(RuleTree tree, int count) {
        SyslogCorpus corpus = new SyslogCorpus(11, tree, true);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(new String(corpus.nextLine(), StandardCharsets.ISO_8859_1));
        }
        return lines;
    }

    /** Each rule its own group; every line's bits must equal the regexes' answers. */
    private static void assertSameAsRegex(List<Rule> rules, List<String> lines, long cache) {
        int[] groupOf = new int[rules.size()];
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = i;
        }
        GroupMatcher.Session session =
                GroupMatcher.of(rules, groupOf, rules.size()).newSession(cache);
        List<String> failures = new ArrayList<>();
        long hits = 0;
        for (String line : lines) {
            long[] bits = session.match(line);
            for (Rule rule : rules) {
                boolean expected = rule.matches(line);
                boolean actual = (bits[rule.id() >>> 6] & (1L << rule.id())) != 0;
                hits += actual ? 1 : 0;
                if (expected != actual && failures.size() < 20) {
                    failures.add(
                            rule.location()
                                    + " "
                                    + rule.source()
                                    + " on '"
                                    + line
                                    + "': regex "
                                    + expected
                                    + ", dfa "
                                    + actual);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(hits).isPositive();
    }
}
