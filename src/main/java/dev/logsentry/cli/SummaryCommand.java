package dev.logsentry.cli;

import dev.logsentry.core.checkrun.CheckConfig;
import dev.logsentry.core.checkrun.ConfigException;
import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.DeliveryException;
import dev.logsentry.core.report.delivery.FileDelivery;
import dev.logsentry.core.report.delivery.FinishedReport;
import dev.logsentry.core.report.delivery.SmtpDelivery;
import dev.logsentry.core.report.delivery.StreamDelivery;
import dev.logsentry.core.summary.ServiceLoader;
import dev.logsentry.core.summary.SummaryRequest;
import dev.logsentry.core.summary.SummaryService;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logsentry summary}: logwatch's digest with logwatch's command line. Parses the options
 * into a {@link SummaryRequest}, runs {@link SummaryService} and delivers the reports; the SMTP
 * settings are those of {@code check}.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Summarise logs per service the way logwatch does (sshd, sudo, su, pam_unix, cron,",
            "postfix, kernel, systemd, dnscache), with logwatch's options."
        },
        footer = {
            "",
            "Examples:",
            "  logsentry summary --range yesterday --detail Med",
            "  logsentry summary --service sshd --service sudo --range '-3 days'",
            "  logsentry summary --service dnscache --range today --detail 10 \\",
            "      --logdir /service/dnscache/log --logfile main",
            "  logsentry summary --range 'between 11/01/2026 and 11/03/2026' --format html \\",
            "      --output file --filename /tmp/digest.html",
            "  logsentry summary --output mail --mailto admin@example.org --smtp-host mail",
            "",
            "Services are files: bundled, /etc/logsentry/services/NAME.yaml,",
            "$XDG_CONFIG_HOME/logsentry/services/NAME.yaml (later ones win).",
            "",
            "Exit codes: 0 done, 1 some logs could not be read, 2 usage error, 3 delivery failed."
        })
public final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SmtpOptions smtpOptions = new SmtpOptions();

    @Option(
            names = "--service",
            paramLabel = "NAME",
            description =
                    "Service to report (repeatable; All, or -NAME to leave one out). Default All.")
    List<String> services = new ArrayList<>();

    @Option(
            names = "--range",
            paramLabel = "RANGE",
            description =
                    "Yesterday (default), Today, All, '-3 days', 'since 2 hours ago for those hours', 'between -7 days and -1 days', '2026/11/25', 'between 11/01/2026 and 11/03/2026'.")
    String range = "yesterday";

    @Option(
            names = "--detail",
            paramLabel = "LEVEL",
            description = "Low (default), Med, High, or 0-10.")
    String detail = "Low";

    @Option(
            names = "--output",
            paramLabel = "WHERE",
            description = "stdout (default), file or mail.")
    String output = "stdout";

    @Option(
            names = "--filename",
            paramLabel = "FILE",
            description = "The file for --output file (written 0600, atomically).")
    Path filename;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (default) or html. Mail always carries both.")
    String format = "text";

    @Option(
            names = "--logdir",
            paramLabel = "DIR",
            description = "Where the logs are (default /var/log).")
    Path logdir = Path.of("/var/log");

    @Option(
            names = "--logfile",
            paramLabel = "NAME",
            description =
                    "A log file or multilog directory: in --logdir, unless absolute or starting with ./ or ../; repeatable. Default: every log in --logdir.")
    List<String> logfiles = new ArrayList<>();

    @Option(names = "--journal", description = "Also read the systemd journal.")
    boolean journal;

    @Option(
            names = "--journalctl-arg",
            paramLabel = "ARG",
            description =
                    "Extra journalctl argument, e.g. --journalctl-arg=--file=/x.journal (repeatable).")
    List<String> journalArgs = new ArrayList<>();

    @Option(
            names = "--hostformat",
            paramLabel = "FORMAT",
            description = "none (default), split (a part per host) or splitmail (a mail per host).")
    String hostFormat = "none";

    @Option(
            names = "--hostname",
            paramLabel = "NAME",
            description = "Host name for the header and subject.")
    String hostName;

    @Option(
            names = "--numeric",
            description =
                    "Accepted for logwatch compatibility: LogSentry never resolves addresses.")
    boolean numeric;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Readers for large files (default: the number of CPUs).")
    Integer threads;

    @Option(
            names = "--mailto",
            paramLabel = "ADDRESS",
            split = ",",
            description = "Recipient for --output mail (repeatable).")
    List<String> mailTo;

    @Option(
            names = "--mailfrom",
            paramLabel = "ADDRESS",
            description = "Sender (default logsentry@HOST).")
    String mailFrom;

    private final OutputStream stdout;
    private final Map<String, String> env;
    private final Clock clock;

    public SummaryCommand() {
        this(System.out, System.getenv(), Clock.systemDefaultZone());
    }

    /**
     * Starts loading the service files for a {@code summary} run of this process's environment
     * while the command line is being built (see {@link ServiceLoader#preload}).
     */
    public static void preload() {
        ServiceLoader.preload(ServiceLoader.folders(System.getenv()));
    }

    /** For tests: the report stream, the environment and "now". */
    SummaryCommand(OutputStream stdout, Map<String, String> env, Clock clock) {
        this.stdout = stdout;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String host = hostName != null ? hostName : shortHostName();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("html")) {
            return usage(err, "--format must be text or html, not '" + format + "'");
        }
        Delivery delivery;
        try {
            delivery = delivery(host);
        } catch (ConfigException | IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        SummaryRequest req =
                new SummaryRequest(
                        services,
                        range,
                        detail,
                        fmt.equals("html"),
                        logdir,
                        logfiles,
                        journal,
                        journalArgs,
                        hostFormat.toLowerCase(Locale.ROOT),
                        host,
                        threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                        ZoneId.systemDefault());
        SummaryService.Result result;
        try {
            result = new SummaryService(env, clock).run(req, () -> false);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        int status = 0;
        for (String w : result.warnings()) {
            err.println("logsentry summary: " + w);
            if (!w.endsWith("; not used")) {
                status = 1;
            }
        }
        for (FinishedReport r : result.reports()) {
            try {
                delivery.deliver(r);
            } catch (DeliveryException e) {
                err.println("logsentry summary: " + e.getMessage());
                err.flush();
                return 3;
            }
        }
        err.flush();
        return status;
    }

    private Delivery delivery(String host) throws ConfigException {
        switch (output.toLowerCase(Locale.ROOT)) {
            case "stdout":
                return new StreamDelivery(stdout, "standard output");
            case "file":
                if (filename == null) {
                    throw new ConfigException("--output file needs --filename FILE");
                }
                return new FileDelivery(filename);
            case "mail":
                if (mailTo == null || mailTo.isEmpty()) {
                    throw new ConfigException("--output mail needs --mailto ADDRESS");
                }
                CheckConfig.Mail m =
                        new CheckConfig.Mail(
                                mailTo,
                                mailFrom != null ? mailFrom : "logsentry@" + host,
                                smtpOptions.host,
                                smtpOptions.port,
                                smtpOptions.security,
                                smtpOptions.user,
                                smtpOptions.passwordFile,
                                smtpOptions.passwordEnv,
                                false,
                                smtpOptions.trust);
                return new SmtpDelivery(
                        new SettingsResolver(env, null, Path.of("."), host).smtp(m, host));
            default:
                throw new ConfigException(
                        "--output must be stdout, file or mail, not '" + output + "'");
        }
    }

    private int usage(PrintWriter err, String message) {
        err.println("logsentry summary: " + message);
        err.flush();
        return 2;
    }

    private static String shortHostName() {
        try {
            String h = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            int dot = h.indexOf('.');
            return dot > 0 ? h.substring(0, dot) : h;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
