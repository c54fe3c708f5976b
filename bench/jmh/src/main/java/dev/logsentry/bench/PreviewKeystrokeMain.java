package dev.logsentry.bench;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.check.preview.RuleMatches;
import dev.logsentry.core.check.preview.RulePreview;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * One edited rule's preview over a log held in memory, as the pattern editor computes it after a
 * keystroke: "cold" (a rule whose literals no earlier preview saw) and "typing" (the keystrokes of
 * the rule's tail, one preview each, sharing what earlier previews learnt, as one editing session
 * does). Runs against the classes of any commit: where the preview takes no literal cache (before
 * the cache), every keystroke is a cold one. Prints one "name wall_ms cpu_ms" line per
 * measurement.
 *
 * <p>Usage: PreviewKeystrokeMain LOG RUNS THREADS
 */
public final class PreviewKeystrokeMain {
    private static final String H = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";
    private static final String RULE =
            H
                    + "sshd\\[[[:digit:]]+\\]: Accepted publickey for [^[:space:]]+ from"
                    + " [^[:space:]]+ port [[:digit:]]+ ssh2$";

    public static void main(String[] args) throws Exception {
        String[] raw =
                new String(Files.readAllBytes(Path.of(args[0])), StandardCharsets.ISO_8859_1)
                        .split("\n");
        for (int i = 0; i < raw.length; i++) {
            raw[i] = CheckLines.prepare(raw[i], Profile.LOGCHECK_1_4);
        }
        CheckLines lines = CheckLines.of(raw);
        int runs = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path file = Path.of("/etc/logcheck/ignore.d.server/ssh");
        Method cached = cachedMatches();
        System.out.println("lines " + lines.size() + " literal_cache " + (cached != null));
        for (int w = 0; w < 3; w++) {
            match(rule(RULE, file), lines, threads, cached, newHits(lines, cached));
        }
        for (int r = 0; r < runs; r++) {
            // cold: the rule's literals are new to this editing session
            Rule rule = rule(RULE.replace("ssh2$", "ssh" + r + "?$"), file);
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            int n = match(rule, lines, threads, cached, newHits(lines, cached));
            System.out.println(
                    "cold_ms " + ms(t0) + " cpu_ms " + (cpu() - cpu0) / 1_000_000 + " n " + n);
            // typing the rule's tail from "Accepted": one preview per keystroke that compiles
            Object hits = newHits(lines, cached);
            int from = RULE.indexOf("Accepted") + 2;
            for (int end = from; end <= RULE.length(); end++) {
                Rule typed;
                try {
                    typed = rule(RULE.substring(0, end), file);
                } catch (EreSyntaxException e) {
                    continue; // the editor shows the error, no preview
                }
                cpu0 = cpu();
                t0 = System.nanoTime();
                n = match(typed, lines, threads, cached, hits);
                System.out.println(
                        "key_ms " + ms(t0) + " cpu_ms " + (cpu() - cpu0) / 1_000_000 + " n " + n);
            }
        }
    }

    private static Rule rule(String pattern, Path file) throws EreSyntaxException {
        return RulePreview.rule(pattern, Category.IGNORE, file, 1);
    }

    /** RulePreview.matches with a literal cache, or null in classes from before it. */
    private static Method cachedMatches() throws Exception {
        try {
            Class<?> hits = Class.forName("dev.logsentry.core.check.preview.LiteralHits");
            return RulePreview.class.getMethod(
                    "matches", Rule.class, CheckLines.class, int.class, BooleanSupplier.class, hits);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Object newHits(CheckLines lines, Method cached) throws Exception {
        return cached == null
                ? null
                : cached.getParameterTypes()[4].getConstructor(int.class).newInstance(lines.size());
    }

    private static int match(Rule rule, CheckLines lines, int threads, Method cached, Object hits)
            throws Exception {
        RuleMatches m =
                cached == null
                        ? RulePreview.matches(rule, lines, threads, CancelToken.NEVER)
                        : (RuleMatches) cached.invoke(null, rule, lines, threads, CancelToken.NEVER, hits);
        return m.count();
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private PreviewKeystrokeMain() {}

}
