package dev.logsentry.cli;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.health.RuleSetTest;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logsentry rules test DIR --log FILE}: what each rule matches; the samples verified. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what each rule matches; verify '# sample:' comments.",
            "For each rule of the tree DIR: how many lines of the --log files",
            "it matches, and the first one. Every '# sample: <line>' comment",
            "must be matched by the rule below it (logcheck drops comment",
            "lines, so samples cost it nothing); a sample with a timestamp is",
            "also tried in the other format (classic syslog vs RFC 3339) and",
            "a rule that misses it there gets a warning."
        },
        footer = {
            "",
            "Exit codes: 0 every sample matches its rule and every rule",
            "compiles; 1 a sample does not match (or its rule does not compile",
            "or exhausts its time budget) or a rule does not compile; 2 usage",
            "error or unreadable DIR or log."
        })
public final class RulesTestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the rule tree (e.g. /etc/logcheck)")
    Path dir;

    @Option(names = "--log", paramLabel = "FILE", description = "log files (plain or .gz)")
    List<Path> logs = List.of();

    @Option(
            names = "--level",
            defaultValue = "workstation",
            converter = RulesCommand.LevelConverter.class,
            description = "report level (default: ${DEFAULT-VALUE}, all ignore files)")
    Level level;

    @Option(
            names = "--overlay",
            paramLabel = "DIR",
            description = "your overlay tree, laid over DIR")
    Path overlay;

    @Option(names = "--all", description = "also list the rules that match no line")
    boolean all;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("logsentry rules test: " + dir + " is not a directory");
            return RulesCommand.USAGE;
        }
        RuleSetTest.Result result;
        RulesCommand.Loaded loaded = null;
        RuleTree tree = RuleTreeLoader.load(dir, overlay, level);
        try {
            CheckLines lines = CheckLines.of(new String[0]);
            if (!logs.isEmpty()) {
                loaded = RulesCommand.readLogs(logs);
                lines = loaded.prepared();
            }
            result =
                    RuleSetTest.run(
                            tree,
                            CheckOptions.defaults(Profile.LOGCHECK_1_4),
                            lines,
                            Year.now().getValue(),
                            CancelToken.NEVER);
        } catch (IOException e) {
            err.println("logsentry rules test: " + e.getMessage());
            return RulesCommand.USAGE;
        }
        int used = 0;
        if (loaded != null) {
            for (Rule r : result.rules()) {
                int n = result.matched()[r.id()];
                used += n > 0 ? 1 : 0;
                if (n > 0 || all) {
                    out.println(r.location() + ": " + n + " line(s)" + first(r, result, loaded));
                }
            }
        }
        for (RuleProblem p : tree.problems()) {
            out.println(p.file() + ":" + p.line() + ": error: " + p.message());
        }
        for (RuleSetTest.SampleResult s : result.samples()) {
            String where = s.file() + ":" + s.sampleLine() + ": ";
            if (!s.passed()) {
                out.println(
                        where
                                + "FAIL: "
                                + (s.problem() != null
                                        ? s.problem()
                                        : "the rule on line " + s.ruleLine() + " does not match")
                                + ": "
                                + s.sample());
            } else if (Boolean.FALSE.equals(s.otherFormatMatched())) {
                out.println(
                        where
                                + "warning: matches, but not in the other timestamp format (classic"
                                + " syslog vs RFC 3339): use the two-format prefix");
            }
        }
        if (loaded != null) {
            out.println(
                    used
                            + " of "
                            + result.rules().size()
                            + " rules match some of the "
                            + loaded.lines().size()
                            + " lines");
        }
        long failed = result.failedSamples();
        out.println(
                "samples: "
                        + (result.samples().size() - failed)
                        + " passed, "
                        + failed
                        + " failed");
        out.flush();
        return failed > 0 || !tree.problems().isEmpty() ? RulesCommand.FINDINGS : RulesCommand.OK;
    }

    private static String first(Rule r, RuleSetTest.Result result, RulesCommand.Loaded loaded) {
        int i = result.firstMatch()[r.id()];
        return i < 0 ? "" : ", first: " + loaded.lines().get(i).displayText();
    }
}
