package dev.logsentry;

import dev.logsentry.cli.FastCheckArgs;
import dev.logsentry.cli.LogSentryCommand;
import dev.logsentry.ui.workbench.WorkbenchLauncher;
import java.util.Arrays;
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

    private Main() {}

    public static void main(String[] args) {
        // A plain `check` (cron's) is read without building picocli's model, which costs about
        // 0.3 s of CPU; anything else, help and errors included, goes through picocli.
        int fast = FastCheckArgs.run(args);
        if (fast >= 0) {
            System.exit(fast);
        }
        // The command line is built once (picocli reads every option's annotations, a good part
        // of a short run's start-up) and only when the arguments can be a command.
        CommandLine cli = args.length == 0 ? null : LogSentryCommand.commandLine();
        if (cli != null && isCommandLine(args, cli.getSubcommands().keySet())) {
            System.exit(cli.execute(args));
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
