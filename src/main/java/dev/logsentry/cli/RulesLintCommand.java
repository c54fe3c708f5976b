package dev.logsentry.cli;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.health.HealthFinding;
import dev.logsentry.core.check.health.RuleHealth;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.edit.RuleDiagnostic.Severity;
import dev.logsentry.core.rules.edit.RuleLint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logsentry rules lint DIR}: every rule validated; with logs, the rule set's health. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Validate every rule of a logcheck tree as grep -E reads it.",
            "Reports syntax errors with their column, Perl habits that mean",
            "something else in POSIX (\\d, (?:...), *?), ignore rules without",
            "^ or $, unescaped dots, empty rules, files logcheck skips.",
            "With --log, also the rule set's health against those lines:",
            "rules matching nothing, duplicates, shadowed rules, ignore rules",
            "hiding attacks or security events, rules matching almost every",
            "line, the most expensive rules (cracking.ignore.d evaluated as",
            "with SUPPORT_CRACKING_IGNORE=1)."
        },
        footer = {
            "",
            "Findings are printed as FILE:LINE[:COLUMN]: severity: message.",
            "Exit codes: 0 no errors (warnings allowed); 1 a rule does not",
            "compile, or with --log a cracking.ignore.d rule hides an attack,",
            "a rule matches almost every line or exhausts its time budget, or",
            "with --strict any warning; 2 usage error or unreadable DIR or log."
        })
public final class RulesLintCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the rule tree (e.g. /etc/logcheck)")
    Path dir;

    @Option(names = "--log", paramLabel = "FILE", description = "log files for the health check")
    List<Path> logs = List.of();

    @Option(
            names = "--level",
            defaultValue = "workstation",
            converter = RulesCommand.LevelConverter.class,
            description =
                    "level for the health check (default: ${DEFAULT-VALUE}, all ignore files)")
    Level level;

    @Option(
            names = "--overlay",
            paramLabel = "DIR",
            description = "your overlay tree, laid over DIR")
    Path overlay;

    @Option(names = "--strict", description = "warnings fail the lint too")
    boolean strict;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int errors = 0;
        int warnings = 0;
        try {
            for (Path root : overlay == null ? List.of(dir) : List.of(dir, overlay)) {
                for (RuleLint.Finding f : RuleLint.lint(root)) {
                    out.println(f.describe());
                    errors += f.severity() == Severity.ERROR ? 1 : 0;
                    warnings += f.severity() == Severity.WARNING ? 1 : 0;
                }
            }
            if (!logs.isEmpty()) {
                RulesCommand.Loaded loaded = RulesCommand.readLogs(logs);
                RuleTree tree = RuleTreeLoader.load(dir, overlay, level);
                List<HealthFinding> health =
                        RuleHealth.check(
                                tree,
                                CheckOptions.defaults(Profile.LOGCHECK_1_4)
                                        .withSupportCrackingIgnore(true),
                                loaded.prepared(),
                                CancelToken.NEVER);
                for (HealthFinding h : health) {
                    if (h.kind() == HealthFinding.Kind.DOES_NOT_COMPILE) {
                        continue; // already reported by the lint, with its column
                    }
                    out.println(h.describe() + examples(h, loaded));
                    errors += h.kind().serious() ? 1 : 0;
                }
                out.println(
                        "health: "
                                + tree.rules().size()
                                + " rules at level "
                                + level.configName()
                                + " against "
                                + loaded.lines().size()
                                + " lines");
            }
        } catch (IOException e) {
            err.println("logsentry rules lint: " + e.getMessage());
            return RulesCommand.USAGE;
        }
        out.println(errors + " error(s), " + warnings + " warning(s)");
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? RulesCommand.FINDINGS : RulesCommand.OK;
    }

    private static String examples(HealthFinding h, RulesCommand.Loaded loaded) {
        if (h.examples().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i : h.examples()) {
            b.append("\n    e.g. ").append(loaded.lines().get(i).displayText());
        }
        return b.toString();
    }
}
