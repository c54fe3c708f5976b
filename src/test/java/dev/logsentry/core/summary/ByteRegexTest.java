package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.source.SyslogLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ByteRegex} finds the match {@code java.util.regex}'s {@code lookingAt()} finds, with the
 * same groups, on every plain (ASCII, no CR/LF) message, and declines the forms it does not take.
 */
class ByteRegexTest {
    @TempDir Path dir;

    @Test
    void theFormsItDoesNotTakeAreDeclined() {
        for (String no :
                List.of(
                        "^(?<=x)a",
                        "^(?=x)a",
                        "^(?!x)a",
                        "^(?i)abc",
                        "^(?>ab)c",
                        "^\\bword",
                        "^(a)\\1",
                        "^(?:ab)+ c",
                        "^(?:ab)* c",
                        "^(?:ab){2} c",
                        "^(?:ab)?? c",
                        "^[[a]]+ x",
                        "^[a&&b]+ x",
                        "^[]a]+ x",
                        "^[^]a]+ x",
                        "^(?<x>\\S++) x",
                        "^a*+b",
                        "^\\p{Alpha}+",
                        "^\\x41",
                        "^\\Qa.b\\E",
                        "^a^b",
                        "^caf\u00e9",
                        "^a{,3}",
                        "^a{3,1}",
                        "^(?<x>a",
                        "^a)",
                        "^[a-\\d]",
                        "^\\y")) {
            assertThat(ByteRegex.compile(no)).as(no).isNull();
        }
    }

    @Test
    void everyBundledRuleIsTaken() {
        for (ServiceLoader.LoadedService s : ServiceLoader.load(List.of()).services().values()) {
            for (ServiceDefinition.Rule r : s.definition().rules()) {
                assertThat(ByteRegex.compile(r.pattern())).as(r.pattern()).isNotNull();
            }
        }
    }

    @Test
    void handMadeCasesAgreeWithJava() {
        List<String> patterns =
                List.of(
                        "^a(?<x>\\S*)$",
                        "^a(?<x>\\S+)",
                        "^(?<q>[^,\\s]+),(?<r>[a-c0-2_-]*)$",
                        "^(?<w>\\w+): (?<d>\\D+)",
                        "^\\((?<u>[^)]+)\\) CMD",
                        "^x (?<n>\\d+) (?<s>\\s*)y(?<W>\\W*)$",
                        "^(?<a>[^\\S]*)z",
                        "^a(?<x>.*?)b(?<y>.*)$",
                        "^a(?<x>.*?)(?<y>b?)$",
                        "^(?:(?<p>ab|a)(?<q>bc|c))?(?<r>.*)",
                        "^(?<a>a|ab|abc)(?<b>c?)d",
                        "^(?:x(?<m>\\d+)|y(?<n>\\d+))+?",
                        "^(?<x>\\d{2,3})(?<y>\\d{1,}?)(?<z>\\d?)",
                        "^(\\w)(?:-(\\w+))? (?<k>.*?\\.?)$",
                        "^(?<a>[+-]) (?:(?<b>\\S+) )?(?<c>\\S+):(?<d>\\S+)$",
                        "^(?:a|)b",
                        "^|x",
                        "^a.?.??c",
                        // ambiguous runs: failures remembered, one-run groups fused
                        "^(?<a>[^,\\[]+)[^,]*, (?<b>.*?)x(?<c>y)?",
                        "^(?<a>\\S+?)(?<b>\\S*) ",
                        "^(?<a>a*)(?<b>a*?)(?<c>a)$",
                        "^(?<a>[ab]+)(?<b>b+)(?<c>.*?)c\\.?$",
                        "^(?:(?<a>\\w+) )?(?<b>\\w+)(?: (?<c>\\w+))?$",
                        "^(?<q>\\w+): rem",
                        "^(?<q>\\d{2})a",
                        "^\\d{2,}?b",
                        "^a\\S*: ",
                        "^x 1");
        List<String> texts =
                List.of(
                        "a",
                        "ab",
                        "ab c",
                        "x,",
                        ",x",
                        "abc_9: x!",
                        "(root) CMD",
                        "() CMD",
                        "x 12 \t y",
                        "x  12 y",
                        " \t z",
                        "z",
                        "",
                        "abcd",
                        "abbb",
                        "aXbYb",
                        "acd",
                        "abccd",
                        "12345",
                        "x1y2",
                        "a-bc d.",
                        "a done.",
                        "+ pts/0 root:alice",
                        "- root:alice",
                        "abc",
                        "aac",
                        "xb",
                        "aaaa",
                        "ab, cxy",
                        "a[b, x",
                        "a[b, cx, dxy",
                        "ab bc ",
                        "abbbc.",
                        "abbbxc",
                        "one two three",
                        "one two",
                        "12a",
                        "123a",
                        "123b",
                        "abc: x",
                        "a: ",
                        "x 12",
                        "x 2",
                        "q1: removed",
                        "q1:removed",
                        ": rem");
        for (String p : patterns) {
            if (p.contains(")+?")) { // a repeated group: declined, Java's
                assertThat(ByteRegex.compile(p)).isNull();
                continue;
            }
            agree(p, texts);
        }
    }

    @Test
    void theBundledRulesAgreeWithJavaOnGeneratedAndDamagedMessages() throws Exception {
        List<String> rules = new ArrayList<>();
        for (ServiceLoader.LoadedService s : ServiceLoader.load(List.of()).services().values()) {
            for (ServiceDefinition.Rule r : s.definition().rules()) {
                rules.add(r.pattern());
            }
        }
        List<String> texts = generatedAndDamaged();
        for (String p : rules) {
            agree(p, texts);
        }
    }

    /**
     * The rule a service chooses on the byte path (rules tried in order by {@link ByteRegex}, each
     * turned down early where it cannot start) is the first rule that matches in Java's order, with
     * the same fields, on every generated message, every sample and damaged variants.
     */
    @Test
    void eachServiceChoosesTheFirstRuleJavaMatches() throws Exception {
        List<String> texts = generatedAndDamaged();
        texts.add("");
        int compared = 0;
        for (ServiceLoader.LoadedService s : ServiceLoader.load(List.of()).services().values()) {
            if (s.definition().usesDnscache()) {
                continue;
            }
            for (String t : texts) {
                PatternService.Reading bytes = s.compiled().read(t);
                PatternService.Reading java = s.compiled().read(t, true);
                assertThat(bytes).as(s.from() + ": " + t).isEqualTo(java);
                compared += bytes.matched() ? 1 : 0;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    /** The generator's messages and the services' samples, each also damaged in several ways. */
    private List<String> generatedAndDamaged() throws Exception {
        SyslogGenerator.write(dir, 3000, 7L);
        SyslogLine.Parser parser = new SyslogLine.Parser(Instant.now(), ZoneOffset.UTC);
        Set<String> messages = new LinkedHashSet<>();
        for (String f : List.of("auth.log", "syslog", "mail.log", "messages")) {
            for (String l : Files.readAllLines(dir.resolve(f))) {
                messages.add(parser.parse(l).message());
            }
        }
        for (ServiceLoader.LoadedService s : ServiceLoader.load(List.of()).services().values()) {
            for (ServiceDefinition.Sample sample : s.definition().samples()) {
                messages.add(parser.parse(sample.line()).message());
                messages.add(sample.line());
            }
        }
        Random rnd = new Random(14);
        String alphabet = " :;=<>()[],./-_x0\t";
        List<String> texts = new ArrayList<>();
        for (String m : messages) {
            texts.add(m);
            texts.add(m.substring(0, m.length() / 2));
            texts.add(m.replace(" ", "  "));
            texts.add(m.replace(":", ""));
            texts.add(m.replace(" ; ", ";"));
            texts.add(m.replace("=", " "));
            texts.add(" " + m);
            texts.add(m + " ");
            texts.add(m + ")");
            for (int k = 0; k < 3 && !m.isEmpty(); k++) { // a byte changed, one dropped
                int at = rnd.nextInt(m.length());
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                texts.add(m.substring(0, at) + c + m.substring(at + 1));
                texts.add(m.substring(0, at) + m.substring(at + 1));
            }
            int cut = m.isEmpty() ? 0 : rnd.nextInt(m.length()); // a part of it repeated
            texts.add(m.substring(0, cut) + m.substring(cut / 2));
        }
        return texts;
    }

    @Test
    void theMemoOfFailedRunsSurvivesItsCounterWrappingAround() {
        String pattern = "^(?<a>[^,\\[]+)[^,]*, (?<b>.*?)x(?<c>y)?$";
        ByteRegex.Matcher m = ByteRegex.compile(pattern).matcher();
        m.gen = Integer.MAX_VALUE - 3; // the attempts below pass the wrap
        Pattern p = Pattern.compile(pattern);
        for (int k = 0; k < 8; k++) {
            for (String t : List.of("ab, cxy", "a[b, cx, dxy", "ab, c", "ab, xy, x")) {
                byte[] b = t.getBytes(StandardCharsets.US_ASCII);
                Matcher jm = p.matcher(t);
                boolean java = jm.lookingAt();
                assertThat(m.lookingAt(b, 0, b.length)).as(t).isEqualTo(java);
                if (java) {
                    for (int g = 0; g <= jm.groupCount(); g++) {
                        assertThat(m.start(g)).as(t + " " + g).isEqualTo(jm.start(g));
                        assertThat(m.end(g)).as(t + " " + g).isEqualTo(jm.end(g));
                    }
                }
            }
        }
        assertThat(m.gen).isPositive().isLessThan(100);
    }

    @Test
    void onlyPlainMessagesAreReadAsBytes() {
        assertThat(plain("sshd: Accepted password")).isTrue();
        assertThat(plain("")).isTrue();
        assertThat(plain("caf\u00e9")).isFalse();
        assertThat(plain("a\r")).isFalse();
        assertThat(plain("a\nb")).isFalse();
        assertThat(ByteRegex.plainBytes("a\u2028")).isNull();
        assertThat(ByteRegex.plainBytes("a\u0085")).isNull();
        assertThat(ByteRegex.plainBytes("a\tb")).containsExactly('a', '\t', 'b');
    }

    private static boolean plain(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ByteRegex.plain(b, 0, b.length);
    }

    private static void agree(String pattern, List<String> texts) {
        ByteRegex s = ByteRegex.compile(pattern);
        assertThat(s).as(pattern).isNotNull();
        ByteRegex.Matcher st = s.matcher();
        Pattern p = Pattern.compile(pattern);
        for (String t : texts) {
            byte[] b = ("<>" + t + "<>").getBytes(StandardCharsets.US_ASCII);
            if (!ByteRegex.plain(b, 0, b.length)) {
                continue;
            }
            boolean bytes = st.lookingAt(b, 2, b.length - 2); // a subject inside a bigger array
            Matcher m = p.matcher(t);
            boolean java = m.lookingAt();
            String what = pattern + " on '" + t + "'";
            assertThat(bytes).as(what).isEqualTo(java);
            if (!s.canStart(b, 2, b.length - 2)) {
                assertThat(java).as("turned down before matching: " + what).isFalse();
            }
            if (java) {
                assertThat(st.groupCount()).as(what).isEqualTo(m.groupCount());
                for (int g = 0; g <= m.groupCount(); g++) {
                    int start = st.start(g) < 0 ? -1 : st.start(g) - 2;
                    int end = st.end(g) < 0 ? -1 : st.end(g) - 2;
                    assertThat(start).as(what + " start " + g).isEqualTo(m.start(g));
                    assertThat(end).as(what + " end " + g).isEqualTo(m.end(g));
                }
            }
        }
    }
}
