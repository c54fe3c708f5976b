package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.source.SyslogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SimpleRegex} answers as {@code java.util.regex} does, or says it cannot tell. */
class SimpleRegexTest {
    @TempDir Path dir;

    @Test
    void onlyPatternsWithOneWayToMatchAreTaken() {
        assertThat(SimpleRegex.compile("^connect from (?<client>\\S+)$")).isNotNull();
        assertThat(SimpleRegex.compile("^(?<qid>\\w+): client=(?<client>[^,\\s]+)")).isNotNull();
        assertThat(SimpleRegex.compile("^(?<qid>\\w+): from=<(?<from>[^>]*)>, size=(?<size>\\d+)"))
                .isNotNull();
        for (String no :
                List.of(
                        "connect from (?<client>\\S+)", // not anchored
                        "^FAILED SU \\(to (?<target>\\S+)\\) (?<user>\\S+)", // ) is in \S
                        "^(?<unit>\\S+): Failed", // : is in \S
                        "^a(?<u>.*?) from", // lazy
                        "^(?:a|b) c", // alternation
                        "^(?<x>\\d{3}) ", // counted
                        "^(?<=x)a",
                        "^(?<x>\\S+)(?<y>\\d+)",
                        "^a? b",
                        "^\\bword",
                        "^[[a]]+ x",
                        "^[a&&b]+ x",
                        "^[]a]+ x",
                        "^[^]a]+ x",
                        "^(?<x>\\S+?) x",
                        "^(?<x>\\S++) x",
                        "^x\\)? y")) {
            assertThat(SimpleRegex.compile(no)).as(no).isNull();
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
                        "^(?<a>[^\\S]*)z");
        List<String> texts =
                List.of(
                        "a",
                        "ab",
                        "ab\n",
                        "ab\r\n",
                        "ab\r",
                        "ab\u2028",
                        "ab\u0085",
                        "ab c",
                        "a\u00e9\ud83d\ude00",
                        "x\u00e9,b2_",
                        "x,",
                        ",x",
                        "abc\u00e9: 12",
                        "abc_9: x!",
                        "(root) CMD",
                        "() CMD",
                        "(r\u00f6\u00f6t) CMD (x)",
                        "x 12 \t y",
                        "x 12 y!?\n",
                        "x  12 y",
                        " \t z",
                        "z",
                        "");
        for (String p : patterns) {
            agree(p, texts);
        }
    }

    @Test
    void theBundledRulesAgreeWithJavaOnGeneratedAndDamagedMessages() throws Exception {
        SyslogGenerator.write(dir, 3000, 7L);
        SyslogLine.Parser parser = new SyslogLine.Parser(Instant.now(), ZoneOffset.UTC);
        Set<String> messages = new LinkedHashSet<>();
        for (String f : List.of("auth.log", "syslog", "mail.log", "messages")) {
            for (String l : Files.readAllLines(dir.resolve(f))) {
                messages.add(parser.parse(l).message());
            }
        }
        List<String> rules = new ArrayList<>();
        for (ServiceLoader.LoadedService s : ServiceLoader.load(List.of()).services().values()) {
            for (ServiceDefinition.Rule r : s.definition().rules()) {
                rules.add(r.pattern());
            }
            for (ServiceDefinition.Sample sample : s.definition().samples()) {
                messages.add(parser.parse(sample.line()).message());
            }
        }
        List<String> texts = new ArrayList<>();
        for (String m : messages) {
            texts.add(m);
            texts.add(m + "\n");
            texts.add(m + "\r");
            texts.add(m + "\u2028");
            texts.add(m.substring(0, m.length() / 2));
            texts.add(m.substring(0, m.length() / 2) + "\u00e9" + m.substring(m.length() / 2));
            texts.add(m.replace(" ", "  "));
            texts.add(m.replace(":", ""));
        }
        int simple = 0;
        for (String p : rules) {
            if (SimpleRegex.compile(p) != null) {
                simple++;
                agree(p, texts);
            }
        }
        assertThat(simple).as("rules of the simple form among the bundled ones").isGreaterThan(8);
    }

    private static void agree(String pattern, List<String> texts) {
        SimpleRegex s = SimpleRegex.compile(pattern);
        assertThat(s).as(pattern).isNotNull();
        SimpleRegex.State st = s.state();
        Pattern p = Pattern.compile(pattern);
        for (String t : texts) {
            int v = st.lookingAt(t);
            Matcher m = p.matcher(t);
            boolean java = m.lookingAt();
            if (v == SimpleRegex.UNSURE) {
                assertThat(pattern).as("only $ leaves a doubt").endsWith("$");
                continue;
            }
            String what = pattern + " on '" + t + "'";
            assertThat(v == SimpleRegex.MATCH).as(what).isEqualTo(java);
            if (java) {
                assertThat(st.groupCount()).as(what).isEqualTo(m.groupCount());
                for (int g = 0; g <= m.groupCount(); g++) {
                    assertThat(st.start(g)).as(what + " start " + g).isEqualTo(m.start(g));
                    assertThat(st.end(g)).as(what + " end " + g).isEqualTo(m.end(g));
                    assertThat(st.group(g)).as(what + " group " + g).isEqualTo(m.group(g));
                }
            }
        }
    }
}
