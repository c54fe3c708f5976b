package dev.logsentry;

import dev.logsentry.cli.BoundedHeapCheck;
import dev.logsentry.cli.FastCheckArgs;
import dev.logsentry.cli.LogSentryCommand;
import dev.logsentry.cli.SummaryCommand;
import dev.logsentry.ui.workbench.WorkbenchLauncher;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The single entry point. Without arguments (or with only workbench options such as {@code
 * --samples} or file names) it opens the workbench; with a subcommand, {@code --help} or {@code
 * --version} it runs the command line interface.
 *
 * <p>This is a plain class on purpose: a main class that extends {@code
 * javafx.application.Application} fails with "JavaFX runtime components are missing" when JavaFX is
 * on the class path.
 */
public final class Main {
    private static final Set<String> CLI_FLAGS = Set.of("--help", "-h", "--version", "-V");

    /** Set in the workbench's child JVM: it never starts another. */
    static final String WORKBENCH_CHILD = "logsentry.workbench.child";

    /**
     * The workbench child's JVM options: a heap bounded at 512 MB with the serial collector, which
     * keeps no per-thread GC structures and grows the heap only when the live data needs it, and C1
     * only (C2 compilations took 40 MB of RSS at their peak; classification took the same CPU
     * time); measured in docs/PERFORMANCE.md. A 1 GB log open and classified needs well under 192
     * MB (the index takes about 2.3 bytes a line, verdicts one), but the index, verdicts and
     * filters of several large logs must not run out: 512 MB holds about 100 million lines.
     */
    static final List<String> WORKBENCH_OPTIONS =
            List.of(
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-D" + WORKBENCH_CHILD + "=1");

    private Main() {}

    public static void main(String[] args) {
        // A plain `check` (cron's) is read without building picocli's model, which costs about
        // 0.3 s of CPU; anything else, help and errors included, goes through picocli.
        int fast = FastCheckArgs.run(args);
        if (fast >= 0) {
            System.exit(fast);
        }
        if (args.length > 0 && args[0].equals("summary")) {
            SummaryCommand.preload(); // the service files load while picocli builds
        }
        // The command line is built once (picocli reads every option's annotations, a good part
        // of a short run's start-up) and only when the arguments can be a command.
        CommandLine cli = args.length == 0 ? null : LogSentryCommand.commandLine();
        if (cli != null && isCommandLine(args, cli.getSubcommands().keySet())) {
            System.exit(cli.execute(args));
        }
        if (BoundedHeapCheck.heapUnbounded(WORKBENCH_CHILD)) {
            // `java -jar` without -Xmx: G1 grows the heap to gigabytes with a large log open
            // (docs/PERFORMANCE.md), so the workbench runs in a child JVM with a bounded heap
            int code = BoundedHeapCheck.runChild(WORKBENCH_OPTIONS, Arrays.asList(args));
            if (code >= 0) {
                System.exit(code);
            }
        }
        WorkbenchLauncher.launch(args);
    }

    static boolean isCommandLine(String[] args) {
        return args.length > 0
                && isCommandLine(args, LogSentryCommand.commandLine().getSubcommands().keySet());
    }

    private static boolean isCommandLine(String[] args, Set<String> subcommands) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return CLI_FLAGS.contains(first)
                || subcommands.contains(first)
                || Arrays.asList(args).contains("--help");
    }
}
