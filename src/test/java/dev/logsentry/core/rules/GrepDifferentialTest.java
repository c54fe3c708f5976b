package dev.logsentry.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreSampler;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our translation against the real {@code grep -E --text} (LC_ALL=C): every shipped logcheck rule
 * on generated matching lines, near misses and lines of other rules, plus a list of tricky
 * patterns. Any difference names the rule file and line.
 */
class GrepDifferentialTest {

    private static final Path ETC = Path.of("/etc/logcheck");
    private static final Path GREP = Path.of("/usr/bin/grep");

    @TempDir Path work;

    @Test
    void everyShippedRuleMatchesExactlyWhatGrepMatches() throws Exception {
        assumeTrue(Files.isExecutable(GREP), "grep missing");
        assumeTrue(Files.isDirectory(ETC.resolve("ignore.d.server")), "logcheck-database missing");
        RuleTree tree = RuleTreeLoader.load(ETC, Level.WORKSTATION);
        Random random = new Random(42);
        EreSampler sampler = new EreSampler(random, 0.05);
        List<String> pool = new ArrayList<>();
        for (Rule rule : tree.rules()) {
            pool.add(sampler.sample(rule.source()));
        }
        List<String> failures = new ArrayList<>();
        for (Rule rule : tree.rules()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String s = sampler.sample(rule.source());
                lines.add(s);
                lines.add(mutate(s, random));
            }
            for (int i = 0; i < 6; i++) {
                lines.add(pool.get(random.nextInt(pool.size())));
            }
            compare(rule.source(), false, lines, rule.location(), failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void trickyPatternsMatchExactlyWhatGrepMatches() throws Exception {
        assumeTrue(Files.isExecutable(GREP), "grep missing");
        String[] patterns = {
            "a{",
            "a{1",
            "a{1,2}",
            "{1}a",
            "*a",
            "^*a",
            "a|*b",
            "a**",
            "a+?",
            "()",
            "a|",
            "[a\\]",
            "[]a]",
            "[^]a]",
            "\\d",
            "\\s+x",
            "a{,2}b",
            "x\\Ba",
            "(a)\\1",
            "\\:",
            "[[.-.]]",
            "[[=a=]]",
            ")",
            "a)",
            "\\W",
            "x{1}{2}",
            "(+a)",
            "a{1}*",
            "\\n",
            "[%--]",
            "[--/]",
            "a\\b",
            "\\bx",
            "\\<ab\\>",
            "\\w+\\>",
            "[[:alpha:]-]",
            "[^[:space:]x]",
            "a.b",
            "a$",
            "^$",
            "^ *$",
            "[[:upper:]][[:lower:]]+",
            "(ab|a)(bc|c)$",
            "(x|xy)z\\2",
            "[[:cntrl:]]",
            "[^[:print:]]",
            "[[:graph:]]",
            "\\`a",
            "a\\'",
            "\\.\\*\\[",
            "[.]",
            "[*+?{]"
        };
        String[] lines = {
            "a{",
            "a{1",
            "aa",
            "{1}a",
            "a",
            "*a",
            "b*a",
            "*b",
            "b",
            "x",
            "zzz",
            "\\",
            "]",
            "d",
            " x",
            "a{,2}",
            "xa",
            "aa",
            ":",
            "-",
            ")",
            "a)",
            "xx",
            "+",
            "n",
            ",",
            ".",
            "y x",
            "ab",
            "abc",
            "word",
            "A",
            "Abc",
            "abbc",
            "xyzy",
            "xzx",
            "\u0001",
            "\u00e9",
            "a\u0000b",
            "a\rb",
            "a\r",
            "",
            "   ",
            "a\u0085",
            ".*[",
            "?",
            "{",
            "\u00ff\u00fe",
            "foo bar"
        };
        List<String> failures = new ArrayList<>();
        for (String pattern : patterns) {
            compare(pattern, false, List.of(lines), pattern, failures);
            compare(pattern, true, List.of(lines), "-i " + pattern, failures);
        }
        assertThat(failures).isEmpty();
    }

    private void compare(
            String pattern,
            boolean ignoreCase,
            List<String> lines,
            String where,
            List<String> failures)
            throws IOException, InterruptedException {
        BitSet grep = grep(pattern, ignoreCase, lines);
        CompiledEre ere;
        try {
            ere = EreTranslator.compile(pattern, ignoreCase);
        } catch (EreSyntaxException e) {
            if (grep != null) {
                failures.add(where + ": we reject (" + e.getMessage() + "), grep accepts");
            }
            return;
        }
        if (grep == null) {
            failures.add(where + ": grep rejects, we accept");
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            boolean ours = ere.pattern().matcher(lines.get(i)).find();
            if (ours != grep.get(i)) {
                failures.add(
                        where
                                + ": line '"
                                + lines.get(i)
                                + "' grep="
                                + grep.get(i)
                                + " ours="
                                + ours);
            }
        }
    }

    /** Line indexes grep -E matches, or null when grep rejects the pattern. */
    private BitSet grep(String pattern, boolean ignoreCase, List<String> lines)
            throws IOException, InterruptedException {
        Path input = work.resolve("lines");
        Path patternFile = work.resolve("pattern");
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        Files.write(input, text.toString().getBytes(StandardCharsets.ISO_8859_1));
        Files.write(patternFile, (pattern + "\n").getBytes(StandardCharsets.ISO_8859_1));
        List<String> command = new ArrayList<>(List.of(GREP.toString(), "-E", "--text", "-n"));
        if (ignoreCase) {
            command.add("-i");
        }
        command.addAll(List.of("-f", patternFile.toString(), input.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("LC_ALL", "C");
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("grep hung on " + pattern);
        }
        if (p.exitValue() == 2) {
            return null;
        }
        BitSet matched = new BitSet();
        for (String line : new String(out, StandardCharsets.ISO_8859_1).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                matched.set(Integer.parseInt(line.substring(0, colon)) - 1);
            }
        }
        return matched;
    }

    private static String mutate(String s, Random random) {
        if (s.isEmpty()) {
            return "x";
        }
        StringBuilder b = new StringBuilder(s);
        int at = random.nextInt(b.length());
        switch (random.nextInt(4)) {
            case 0 -> b.setCharAt(at, (char) ('a' + random.nextInt(26)));
            case 1 -> b.deleteCharAt(at);
            case 2 -> b.insert(at, random.nextBoolean() ? " " : "\u00e9");
            default -> b.setCharAt(at, Character.toUpperCase(b.charAt(at)));
        }
        return b.toString();
    }
}
