package dev.logsentry.bench;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.LineVerdicts;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.check.preview.EditPreview;
import dev.logsentry.core.check.preview.RuleMatches;
import dev.logsentry.core.check.preview.RulePreview;
import dev.logsentry.core.check.preview.VerdictChanges;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the rule editor's previews on a log held in memory (as the workbench holds loaded
 * lines): one edited rule's matches, the verdict difference of one edited rule file, and the full
 * re-classification it avoids. Prints one "name ms" line per measurement, each a fresh pattern or
 * file content (a keystroke: nothing cached from the previous run but what the engine caches).
 *
 * <p>Usage: RulePreviewMain LOG RULES_DIR RUNS
 */
public final class RulePreviewMain {

    private static final String H = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        Path rules = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        String[] raw = text.split("\n");
        String[] prepared = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            prepared[i] = CheckLines.prepare(raw[i], Profile.LOGCHECK_1_4);
        }
        CheckLines lines = CheckLines.of(prepared);
        CheckOptions options = CheckOptions.defaults(Profile.LOGCHECK_1_4);
        RuleTree tree = RuleTreeLoader.load(rules, Level.SERVER);
        System.out.println("lines " + lines.size() + " rules " + tree.rules().size()
                + " threads " + options.threads());

        cpuStart = cpu();
        long t0 = System.nanoTime();
        EditPreview preview = EditPreview.baseline(tree, options, lines, CancelToken.NEVER);
        System.out.println("baseline_ms " + ms(t0));

        Path sshFile = rules.resolve("ignore.d.server/ssh");
        List<String> sshLines = Files.readAllLines(sshFile, StandardCharsets.ISO_8859_1);
        for (int r = 0; r < runs; r++) {
            // an anchored rule as the editor builds it, different at every keystroke
            String anchored =
                    H + "sshd\\[[[:digit:]]+\\]: Accepted publickey for [^[:space:]]+ from"
                            + " [^[:space:]]+ port [[:digit:]]+ ssh" + (r % 10) + "?$";
            Rule a = RulePreview.rule(anchored, Category.IGNORE, sshFile, 1);
            cpuStart = cpu();
            t0 = System.nanoTime();
            RuleMatches m = RulePreview.matches(a, lines, options.threads(), CancelToken.NEVER);
            System.out.println("rule_anchored_ms " + ms(t0) + " matches " + m.count());

            // an unanchored rule: tried at every position of every line
            String loose = "Failed password for (invalid user )?[a-z]{" + (1 + r % 5) + ",}";
            Rule l = RulePreview.rule(loose, Category.VIOLATIONS, sshFile, 1);
            cpuStart = cpu();
            t0 = System.nanoTime();
            m = RulePreview.matches(l, lines, options.threads(), CancelToken.NEVER);
            System.out.println("rule_unanchored_ms " + ms(t0) + " matches " + m.count());

            // the whole tree's verdict difference for an edit of one file
            List<String> edited = new ArrayList<>(sshLines);
            edited.add(anchored);
            cpuStart = cpu();
            t0 = System.nanoTime();
            dev.logsentry.core.rules.edit.TreeEdit.replaceSource(tree, sshFile, edited);
            System.out.println("tree_edit_ms " + ms(t0));
            cpuStart = cpu();
            t0 = System.nanoTime();
            VerdictChanges c = preview.ifFileWere(sshFile, edited, CancelToken.NEVER);
            System.out.println(
                    "tree_diff_ms " + ms(t0) + " reevaluated " + c.reevaluated() + " changed "
                            + c.size());
        }
        for (int r = 0; r < Math.min(runs, 3); r++) {
            cpuStart = cpu();
            t0 = System.nanoTime();
            LineVerdicts all =
                    LineVerdicts.compute(new Classifier(tree, options), lines, CancelToken.NEVER);
            System.out.println("full_reclassify_ms " + ms(t0) + " unusual "
                    + all.count(dev.logsentry.core.check.Verdict.UNUSUAL));
        }
        System.out.println("done " + Arrays.toString(new int[0]));
    }

    private static long cpuStart;

    /** Wall ms since {@code start}, then the process's CPU ms since the last call. */
    private static String ms(long start) {
        long wall = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpu();
        String out = wall + " cpu_ms " + (cpu - cpuStart) / 1_000_000;
        cpuStart = cpu();
        return out;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
