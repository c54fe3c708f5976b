package dev.logsentry.core.rules.automata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An automaton read back from its image (the automata cache, ADR 0014) answers exactly as the
 * regexes do, on the lines whose states it stored and on new ones, whole or cut to the states a
 * small budget keeps; an image that does not hold together is refused and the automaton built
 * instead.
 */
class AutomataImageTest {
    @TempDir Path tmp;

    @Test
    void aRestoredAutomatonAnswersAsTheRegexesWholeOrCutShort() throws IOException {
        List<Rule> rules = bundledRules();
        List<String> lines = corpus(tree, 1_500);
        List<GroupMatcher.Entry> entries = entries(rules);
        GroupMatcher built = GroupMatcher.of(entries, rules.size(), false, 64L << 20);
        GroupMatcher.Session s = built.newSession();
        for (String line : lines.subList(0, 750)) {
            s.match(line);
        }
        byte[] image = image(built, 64L << 20);
        for (long budget : new long[] {64L << 20, 200_000}) {
            List<String> problems = new ArrayList<>();
            GroupMatcher restored =
                    GroupMatcher.of(
                            entries,
                            rules.size(),
                            false,
                            budget,
                            ByteBuffer.wrap(image),
                            problems::add);
            assertThat(problems).isEmpty();
            assertThat(restored.restored()).isTrue();
            assertSameAsRegex(rules, lines, restored);
        }
    }

    @Test
    void anImageThatDoesNotHoldTogetherIsRefusedAndTheAutomatonBuilt() throws IOException {
        List<Rule> rules = bundledRules();
        List<String> lines = corpus(tree, 300);
        List<GroupMatcher.Entry> entries = entries(rules);
        GroupMatcher built = GroupMatcher.of(entries, rules.size(), false, 64L << 20);
        GroupMatcher.Session s = built.newSession();
        lines.forEach(s::match);
        byte[] image = image(built, 64L << 20);
        // the first NFA state's "out" points past the last state
        byte[] bad = image.clone();
        ByteBuffer.wrap(bad).putInt(8, Integer.MAX_VALUE);
        // cut in the middle of the DFA states
        byte[] cut = java.util.Arrays.copyOf(image, image.length - image.length / 4);
        for (byte[] broken : List.of(bad, cut, new byte[0])) {
            List<String> problems = new ArrayList<>();
            GroupMatcher m =
                    GroupMatcher.of(
                            entries,
                            rules.size(),
                            false,
                            64L << 20,
                            ByteBuffer.wrap(broken),
                            problems::add);
            assertThat(problems).hasSize(1);
            assertThat(m.restored()).isFalse();
            assertSameAsRegex(rules, lines, m);
        }
    }

    private RuleTree tree;

    private List<Rule> bundledRules() throws IOException {
        BundledRules.extractTo(tmp);
        tree = RuleTreeLoader.load(BundledRules.logcheckTree(tmp), Level.WORKSTATION);
        return tree.rules();
    }

    private static List<GroupMatcher.Entry> entries(List<Rule> rules) {
        List<GroupMatcher.Entry> entries = new ArrayList<>();
        for (Rule r : rules) {
            entries.add(GroupMatcher.Entry.whole(r, r.id()));
        }
        return entries;
    }

    private static byte[] image(GroupMatcher m, long maxBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        m.writeTo(out, maxBytes);
        out.flush();
        return bytes.toByteArray();
    }

    private static List<String> corpus(RuleTree tree, int count) {
        SyslogCorpus corpus = new SyslogCorpus(17, tree, true);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(new String(corpus.nextLine(), StandardCharsets.ISO_8859_1));
        }
        return lines;
    }

    private static void assertSameAsRegex(List<Rule> rules, List<String> lines, GroupMatcher m) {
        GroupMatcher.Session session = m.newSession();
        List<String> failures = new ArrayList<>();
        long hits = 0;
        for (String line : lines) {
            long[] bits = session.match(line);
            for (Rule rule : rules) {
                boolean expected = rule.matches(line);
                boolean actual = (bits[rule.id() >>> 6] & (1L << rule.id())) != 0;
                hits += actual ? 1 : 0;
                if (expected != actual && failures.size() < 20) {
                    failures.add(rule.location() + " on '" + line + "': regex " + expected);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(hits).isPositive();
    }
}
