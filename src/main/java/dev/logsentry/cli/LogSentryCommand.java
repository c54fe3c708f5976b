package dev.logsentry.cli;

import dev.logsentry.core.AppInfo;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line interface; each subcommand is a thin adapter over core services. */
@Command(
        name = "logsentry",
        mixinStandardHelpOptions = true,
        versionProvider = LogSentryCommand.Version.class,
        description = {
            "Log analyzer for system administrators: a workbench (run without arguments)",
            "and a logcheck-compatible checker for cron."
        },
        subcommands = {CommandLine.HelpCommand.class},
        footer = {
            "",
            "Run without arguments to open the workbench; 'logsentry --samples' opens it on the"
                    + " bundled sample logs.",
            "Exit codes: 0 success, 1 findings or failure as documented per command, 2 usage error."
        })
public final class LogSentryCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LogSentryCommand());
        // Subcommands are registered here, one line each, as the issues add them.
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new DnscacheCommand());
        cl.addSubcommand(new ServeCommand());
        cl.addSubcommand(new SummaryCommand());
        cl.addSubcommand(new RulesCommand());
        return cl;
    }

    public static Set<String> subcommandNames() {
        return commandLine().getSubcommands().keySet();
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Reports the version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"LogSentry " + AppInfo.version()};
        }
    }
}
