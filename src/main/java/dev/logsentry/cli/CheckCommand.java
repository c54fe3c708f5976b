package dev.logsentry.cli;

import dev.logsentry.core.checkrun.AutomataCacheFile;
import dev.logsentry.core.checkrun.Backlog;
import dev.logsentry.core.checkrun.CheckConfig;
import dev.logsentry.core.checkrun.CheckOutcome;
import dev.logsentry.core.checkrun.CheckService;
import dev.logsentry.core.checkrun.CheckSettings;
import dev.logsentry.core.checkrun.ConfigException;
import dev.logsentry.core.checkrun.ConfigFiles;
import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.rules.automata.AutomataStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logsentry check}: a logcheck-compatible check for cron. Parses options into a {@link
 * CheckConfig} layer and hands the run to {@link CheckService}; all behaviour lives in core.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check what is new in log files and the systemd journal against logcheck",
            "rules and report it as logcheck does: no line is reported twice, and none",
            "is lost to rotation, compression, truncation or a failed delivery.",
            "Settings: --config FILE, then --logcheck-conf FILE, then these options."
        },
        footer = {
            "",
            "Examples:",
            "  logsentry check /var/log/syslog /var/log/auth.log",
            "  logsentry check --level workstation --journal '/var/log/*.log'",
            "  logsentry check --logcheck-conf /etc/logcheck/logcheck.conf \\",
            "      --logfiles /etc/logcheck/logcheck.logfiles",
            "  logsentry check -t --format json --output /tmp/report.json /var/log/syslog",
            "  logsentry check --mail-to admin@example.org --smtp-host mail.example.org \\",
            "      --smtp-security starttls --smtp-user logs \\",
            "      --smtp-password-file /etc/logsentry/smtp.pw /var/log/syslog",
            "  logsentry check --config /etc/logsentry/check.yaml",
            "",
            "Cron (/etc/cron.d/logsentry, hourly like logcheck):",
            "  2 * * * * root logsentry check --config /etc/logsentry/check.yaml",
            "",
            "Exit codes:",
            "  0  checked; the report was delivered, or there was nothing to report",
            "  1  checked, but some log files could not be read (see stderr/report)",
            "  2  usage or configuration error; nothing was read",
            "  3  the report could not be delivered (mail refused, full disk, closed",
            "     pipe); state unchanged, so the same lines are reported next run",
            "  4  another check holds the lock of the state directory; nothing read",
            "  5  the state could not be read (nothing checked) or not saved after",
            "     delivery (the lines are reported once more next run)",
            " 70  internal error or out of memory: one line naming a file with the",
            "     details (--debug: on stderr); state unchanged"
        })
public final class CheckCommand implements Callable<Integer> {
    static final int EXIT_SOURCE_ERRORS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_DELIVERY = 3;
    static final int EXIT_LOCK = 4;
    static final int EXIT_STATE = 5;
    static final int EXIT_INTERNAL = 70;

    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "LOGFILE",
            arity = "0..*",
            description = "Log files or globs to check.")
    List<String> files;

    @Mixin SmtpOptions smtpOptions = new SmtpOptions();

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Rule directory (default /etc/logcheck when present).")
    String rules;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "Report level: workstation, server (default) or paranoid.")
    String level;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description =
                    "logcheck (Debian logcheck 1.4, default) or classic (the 1996 logcheck.sh).")
    String profile;

    @Option(
            names = "--logfiles",
            paramLabel = "FILE",
            description =
                    "Read log file names from FILE (logcheck.logfiles format; 'journal' = the journal).")
    String logfiles;

    @Option(
            names = "--logcheck-conf",
            paramLabel = "FILE",
            description =
                    "Read REPORTLEVEL, SENDMAILTO, MAILASATTACH, SORTUNIQ, SUPPORT_CRACKING_IGNORE,"
                            + " INTRO, FQDN, ADDTAG, RULEDIR and *SUBJECT from a logcheck.conf (never executed).")
    Path logcheckConf;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML or JSON file with the same settings.")
    Path config;

    @Option(names = "--journal", description = "Also check the systemd journal (journalctl).")
    Boolean journal;

    @Option(
            names = "--journalctl-arg",
            paramLabel = "ARG",
            description =
                    "Extra journalctl argument, e.g. --journalctl-arg=--file=/x.journal (repeatable).")
    List<String> journalctlArgs;

    @Option(
            names = "--journal-since",
            paramLabel = "WHEN",
            description =
                    "First run only: journal entries since WHEN (default -5h like logcheck; 'all').")
    String journalSince;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description =
                    "State directory (default /var/lib/logsentry as root, else ~/.local/state/logsentry).")
    String state;

    @Option(
            names = {"-t", "--dry-run"},
            description = "Check and report, but keep no state (logcheck -t).")
    Boolean dryRun;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (logcheck's report, default) or json.")
    String format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Write the report to FILE (mode 0600) instead of standard output.")
    String output;

    @Option(
            names = "--stdout",
            description =
                    "Print the report on standard output and send no mail, even when a config"
                            + " or logcheck.conf names recipients (logcheck -o).")
    Boolean toStdout;

    @Option(
            names = "--host",
            paramLabel = "NAME",
            description = "Host name for the subject (default: short host name).")
    String host;

    @Option(
            names = {"-R", "--reboot"},
            description = "Prefix the subject with 'Reboot: ' (logcheck -R).")
    Boolean reboot;

    @Option(names = "--sort-uniq", description = "Remove duplicate lines (SORTUNIQ=1).")
    Boolean sortUniq;

    @Option(
            names = "--support-cracking-ignore",
            description = "Use cracking.ignore.d (SUPPORT_CRACKING_IGNORE=1).")
    Boolean crackingIgnore;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "N",
            description = "Bytes of one line kept for checking and reporting (default 65536).")
    Integer maxLineBytes;

    @Option(
            names = {"-m", "--mail-to"},
            paramLabel = "ADDRESS",
            split = ",",
            description = "Mail the report to ADDRESS (repeatable). Nothing to report: no mail.")
    List<String> mailTo;

    @Option(
            names = "--mail-from",
            paramLabel = "ADDRESS",
            description = "Sender (default logcheck@HOST).")
    String mailFrom;

    @Option(
            names = "--mail-attach",
            description = "Attach the report instead of inlining it (MAILASATTACH=1).")
    Boolean mailAttach;

    @Option(
            names = "--automata-cache",
            description =
                    "Keep the compiled rules between runs in a cache (beside the state as root,"
                            + " else in ~/.cache/logsentry); off by default (ADR 0014).")
    boolean automataCache;

    @Option(
            names = "--no-cache",
            description =
                    "Compile the rules afresh: neither read nor write the cache of compiled rules"
                            + " (the default; overrides --automata-cache).")
    boolean noCache;

    @Option(
            names = "--debug",
            description =
                    "On an internal error, print its stack trace here instead of to a file;"
                            + " say why the cache of compiled rules was not used.")
    boolean debug;

    private final OutputStream stdout;
    private final SettingsResolver resolver;
    private final List<String> configWarnings = new java.util.ArrayList<>();

    public CheckCommand() {
        // Not System.out: a PrintStream hides write errors, and a report written to a full disk
        // or a closed pipe must count as not delivered.
        this(new FileOutputStream(FileDescriptor.out), null);
    }

    /** For tests: the report stream and the machine's defaults. */
    CheckCommand(OutputStream stdout, SettingsResolver resolver) {
        this.stdout = stdout;
        this.resolver = resolver;
    }

    /** Set when the arguments were read without picocli ({@link FastCheckArgs}). */
    private PrintWriter directErr;

    private List<String> directArgs;

    @Override
    public Integer call() throws IOException {
        try {
            return check();
        } catch (RuntimeException | Error e) {
            // A bug or exhausted memory, not bad input: one line, the trace where it can be
            // fetched for a bug report. The state was not saved (it is written last): nothing is
            // lost.
            return InternalFailure.report(e, err(), debug);
        }
    }

    /**
     * Runs the command whose options {@link FastCheckArgs} set, as picocli's {@code execute} would
     * (its error stream, its exit code 1 for an exception that escapes {@link #call}).
     *
     * @param args every argument of the process, {@code check} first
     */
    int callDirect(String[] args) {
        String encoding = System.getProperty("sun.stderr.encoding");
        java.nio.charset.Charset charset = null;
        try {
            charset = encoding == null ? null : java.nio.charset.Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            // picocli, too, falls back to the platform's encoding
        }
        directErr =
                charset == null
                        ? new PrintWriter(System.err, true)
                        : new PrintWriter(
                                new java.io.BufferedWriter(
                                        new java.io.OutputStreamWriter(System.err, charset)),
                                true);
        directArgs = List.of(args);
        try {
            return call();
        } catch (Exception e) {
            e.printStackTrace(directErr);
            directErr.flush();
            return 1;
        }
    }

    private PrintWriter err() {
        return directErr != null ? directErr : spec.commandLine().getErr();
    }

    private int check() throws IOException {
        PrintWriter err = err();
        CheckConfig layered;
        CheckSettings settings;
        SettingsResolver r = resolver != null ? resolver : SettingsResolver.forThisMachine();
        try {
            layered = layers();
            settings = r.settings(layered);
        } catch (ConfigException e) {
            printConfigWarnings(err);
            err.println("logsentry check: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        String childReason =
                resolver == null && BoundedHeapCheck.heapUnbounded()
                        ? BoundedHeapCheck.reason(Backlog.newBytes(settings))
                        : null;
        if (childReason != null) {
            if (debug) {
                err.println(
                        "logsentry check: debug: checking in a child JVM (" + childReason + ")");
                err.flush();
            }
            // the child reads the same configuration and prints its warnings
            int exit =
                    BoundedHeapCheck.run(
                            directArgs != null
                                    ? directArgs
                                    : spec.root().commandLine().getParseResult().originalArgs(),
                            settings.maxLineBytes());
            if (exit >= 0) {
                return exit;
            }
        }
        printConfigWarnings(err);
        CheckOutcome outcome;
        try {
            outcome =
                    new CheckService(
                                    java.time.Clock.systemDefaultZone(),
                                    QuickJit::installInBackground,
                                    automataCache(r, err))
                            .run(settings, r.deliveries(layered, settings.host(), stdout));
        } catch (ConfigException e) {
            err.println("logsentry check: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        for (String m : outcome.messages()) {
            err.println("logsentry check: " + m);
        }
        err.flush();
        return switch (outcome.status()) {
            case OK -> 0;
            case SOURCE_ERRORS -> EXIT_SOURCE_ERRORS;
            case DELIVERY_FAILED -> EXIT_DELIVERY;
            case LOCK_HELD -> EXIT_LOCK;
            case STATE_ERROR -> EXIT_STATE;
        };
    }

    /**
     * The cache of compiled rules (only with --automata-cache, none with --no-cache); its warnings
     * only with --debug. Off by default: measured, it saved no time on cron-sized runs (ADR 0014).
     */
    private java.util.function.Function<CheckSettings, AutomataStore> automataCache(
            SettingsResolver r, PrintWriter err) {
        if (noCache || !automataCache) {
            return s -> AutomataStore.NONE;
        }
        java.util.function.Consumer<String> warn =
                debug
                        ? m -> {
                            err.println("logsentry check: " + m);
                            err.flush();
                        }
                        : m -> {};
        return s -> {
            try {
                return AutomataCacheFile.forRun(r.automataCacheDir(s), s, warn);
            } catch (IOException e) {
                warn.accept("automata cache not used: " + e.getMessage());
                return AutomataStore.NONE;
            }
        };
    }

    private void printConfigWarnings(PrintWriter err) {
        for (String w : configWarnings) {
            err.println("logsentry check: warning: " + w);
        }
    }

    /** Config file, then logcheck.conf, then the options given here. */
    CheckConfig layers() throws ConfigException {
        CheckConfig c = CheckConfig.empty();
        if (config != null) {
            c = c.overriddenBy(ConfigFiles.readConfig(config));
        }
        if (logcheckConf != null) {
            ConfigFiles.LogcheckConf conf =
                    ConfigFiles.readLogcheckConf(logcheckConf, System.getenv());
            configWarnings.addAll(conf.warnings());
            c = c.overriddenBy(ConfigFiles.fromLogcheckConf(conf.vars()));
        }
        return c.overriddenBy(fromOptions());
    }

    private CheckConfig fromOptions() {
        List<String> journalCommand = null;
        if (journalctlArgs != null) {
            journalCommand = new java.util.ArrayList<>();
            journalCommand.add("journalctl");
            journalCommand.addAll(journalctlArgs);
        }
        return new CheckConfig(
                new CheckConfig.Rules(
                        rules, level, profile, sortUniq, crackingIgnore, null, null, null, null),
                new CheckConfig.Sources(
                        files == null || files.isEmpty() ? null : files,
                        logfiles,
                        journal,
                        journalCommand,
                        journalSince,
                        maxLineBytes),
                new CheckConfig.State(state, dryRun),
                new CheckConfig.Report(format, output, toStdout, host, null, null, reboot),
                new CheckConfig.Mail(
                        mailTo,
                        mailFrom,
                        smtpOptions.host,
                        smtpOptions.port,
                        smtpOptions.security,
                        smtpOptions.user,
                        smtpOptions.passwordFile,
                        smtpOptions.passwordEnv,
                        mailAttach,
                        smtpOptions.trust));
    }
}
