package dev.logsentry.bench;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckInput;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.report.LogcheckTextReport;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measuring program for bench/check-vs-logcheck.sh: runs the check engine over one log file end
 * to end (load rules, read, sort, classify, write the logcheck text report to stdout), like
 * {@code logcheck -o -t -l FILE}. Timing goes to stderr.
 *
 * <p>Usage: {@code CheckFileMain LOG [RULES_DIR] [LEVEL] [THREADS]}
 */
public final class CheckFileMain {

    private CheckFileMain() {}

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path log = Path.of(args[0]);
        Path rules = Path.of(args.length > 1 ? args[1] : "/etc/logcheck");
        Level level = Level.parse(args.length > 2 ? args[2] : "server");
        CheckOptions options = CheckOptions.defaults(Profile.LOGCHECK_1_4);
        if (args.length > 3) {
            options = options.withThreads(Integer.parseInt(args[3]));
        }
        RuleTree tree = RuleTreeLoader.load(rules, level);
        CheckEngine engine = new CheckEngine(tree, options);
        long t1 = System.nanoTime();
        byte[] bytes = Files.readAllBytes(log);
        List<InputLine> lines = new ArrayList<>(bytes.length / 100);
        String name = log.toString();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(InputLine.ofBytes(name, start, bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(InputLine.ofBytes(name, start, bytes, start, bytes.length));
        }
        bytes = null;
        long t2 = System.nanoTime();
        CheckResult result = engine.run(CheckInput.of(lines));
        long t3 = System.nanoTime();
        if (result.reportable()) {
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            new LogcheckTextReport().write(result, out);
            out.flush();
        }
        long t4 = System.nanoTime();
        System.err.printf(
                "rules %d ms, read %d ms, check %d ms, report %d ms, total %d ms, %d lines%n",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000,
                (t4 - t0) / 1_000_000,
                lines.size());
        System.err.println(engine.classifier().diagnostics());
    }
}
