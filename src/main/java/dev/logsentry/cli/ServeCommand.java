package dev.logsentry.cli;

import dev.logsentry.core.checkrun.CheckConfig;
import dev.logsentry.core.checkrun.ConfigException;
import dev.logsentry.core.checkrun.ConfigFiles;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.remote.AlertSettings;
import dev.logsentry.core.remote.Fingerprints;
import dev.logsentry.core.remote.ReceiverSettings;
import dev.logsentry.core.remote.RemoteService;
import dev.logsentry.core.remote.SenderSnippets;
import dev.logsentry.core.remote.ServerIdentity;
import dev.logsentry.core.remote.StatusFile;
import dev.logsentry.core.report.delivery.SmtpDelivery;
import dev.logsentry.core.report.delivery.SmtpSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logsentry serve}: receives servers' logs over TLS (RFC 5425), spools them per host and
 * day, classifies them live with the rules of {@code check} and mails attacks. A thin adapter over
 * {@link RemoteService}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Receive syslog over TLS (RFC 5425) from servers, write each host's lines to",
            "SPOOL/HOST/YYYY-MM-DD.log, classify them live with the rules of 'check' and",
            "mail attack lines within seconds. Runs until stopped (systemd: logsentry-serve)."
        },
        footer = {
            "",
            "Examples:",
            "  logsentry serve --fingerprint            # certificate + rsyslog lines for servers",
            "  logsentry serve --mail-to admin@example.org --smtp-host mail.example.org",
            "  logsentry serve --status",
            "  logsentry serve --permit SHA256:AB:CD:...  # mutual TLS: only these senders",
            "",
            "Exit codes: 0 stopped normally, 1 status unavailable, 2 usage or configuration",
            "error, 3 could not start (port, certificate, spool)."
        })
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SmtpOptions smtpOptions = new SmtpOptions();

    @Option(
            names = "--fingerprint",
            description =
                    "Print the certificate's fingerprints and the rsyslog lines for senders, then exit.")
    boolean fingerprint;

    @Option(names = "--status", description = "Show the running service's counters, then exit.")
    boolean status;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 6514).")
    int port = ReceiverSettings.DEFAULT_PORT;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default 0.0.0.0).")
    String bind = "0.0.0.0";

    @Option(
            names = "--spool",
            paramLabel = "DIR",
            description = "Spool root (default /var/log/logsentry).")
    Path spool = ReceiverSettings.DEFAULT_SPOOL;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description =
                    "State directory: generated certificate (tls/) and status file (default as for check).")
    Path state;

    @Option(
            names = "--cert",
            paramLabel = "FILE",
            description = "PEM certificate (chain) to use instead of a generated one; with --key.")
    Path cert;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "PEM private key (unencrypted, mode 0600) for --cert.")
    Path key;

    @Option(
            names = "--pkcs12",
            paramLabel = "FILE",
            description = "PKCS#12 store with the key and certificate.")
    Path pkcs12;

    @Option(
            names = "--pkcs12-password-file",
            paramLabel = "FILE",
            description = "File whose first line is the PKCS#12 password.")
    Path pkcs12PasswordFile;

    @Option(
            names = "--cert-name",
            paramLabel = "NAME",
            split = ",",
            description =
                    "Host names for a generated certificate's SAN (default: this host's names).")
    List<String> certNames;

    @Option(
            names = "--permit",
            paramLabel = "FINGERPRINT",
            split = ",",
            description =
                    "Require client certificates and accept only these (SHA256:.. or SHA1:..; repeatable).")
    List<String> permit;

    @Option(
            names = "--max-frame",
            paramLabel = "BYTES",
            description = "Largest message accepted (default 65536).")
    int maxFrame = 64 * 1024;

    @Option(
            names = "--max-connections",
            paramLabel = "N",
            description = "Open connections in all (default 1024).")
    int maxConnections = 1024;

    @Option(
            names = "--max-per-address",
            paramLabel = "N",
            description = "Open connections from one address (default 64).")
    int maxPerAddress = 64;

    @Option(
            names = "--max-hosts",
            paramLabel = "N",
            description =
                    "Host directories the spool may hold; lines of further hosts are refused"
                            + " (default 1000).")
    int maxHosts = ReceiverSettings.DEFAULT_MAX_HOSTS;

    @Option(
            names = "--handshake-timeout",
            paramLabel = "MS",
            description = "Time to finish the TLS handshake (default 30000).")
    int handshakeMillis = 30_000;

    @Option(
            names = "--frame-timeout",
            paramLabel = "MS",
            description = "Time to finish a started message (default 30000).")
    int frameMillis = 30_000;

    @Option(
            names = "--fsync-interval",
            paramLabel = "MS",
            description =
                    "Spool lines reach the disk within MS (default 1000; 0 = before they count).")
    long fsyncMillis = 1_000;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "check's YAML or JSON settings: rules and mail sections are used.")
    Path config;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "Rule directory (default /etc/logcheck when present).")
    String rules;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "workstation, server (default) or paranoid.")
    String level;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description = "logcheck (default) or classic.")
    String profile;

    @Option(
            names = "--alert-delay",
            paramLabel = "SECONDS",
            description =
                    "An alert mail leaves this long after its first line; later lines join it (default 30).")
    long alertDelay = 30;

    @Option(
            names = "--alert-max-mails",
            paramLabel = "N",
            description = "Alert mails per hour; beyond, one digest (default 6).")
    int alertMaxMails = 6;

    @Option(
            names = "--alert-violations",
            description = "Mail security violations too, not only attacks.")
    boolean alertViolations;

    @Option(
            names = {"-m", "--mail-to"},
            paramLabel = "ADDRESS",
            split = ",",
            description = "Mail alerts to ADDRESS (repeatable).")
    List<String> mailTo;

    @Option(
            names = "--mail-from",
            paramLabel = "ADDRESS",
            description = "Sender (default logcheck@HOST).")
    String mailFrom;

    private final SettingsResolver resolver;
    private final CountDownLatch stop;

    public ServeCommand() {
        this(null, null);
    }

    /** For tests: the machine's defaults, and a latch that stops the service. */
    ServeCommand(SettingsResolver resolver, CountDownLatch stop) {
        this.resolver = resolver;
        this.stop = stop;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SettingsResolver r = resolver != null ? resolver : SettingsResolver.forThisMachine();
        Path stateDir = state != null ? state : r.defaultStateDir();
        if (status) {
            return showStatus(stateDir.resolve(StatusFile.NAME), out, err);
        }
        RemoteService.Config c;
        try {
            c = config(r, stateDir);
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("logsentry serve: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (fingerprint) {
            try {
                ServerIdentity id = c.identity().load();
                printFingerprints(out, id, r.hostName(), !c.permittedClients().isEmpty());
                return 0;
            } catch (IOException e) {
                err.println("logsentry serve: " + e.getMessage());
                err.flush();
                return 3;
            }
        }
        RemoteService service;
        try {
            service = RemoteService.start(c, m -> log(err, m));
        } catch (IOException e) {
            err.println("logsentry serve: cannot start: " + e.getMessage());
            err.flush();
            return 3;
        }
        CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            service.close();
                            done.countDown();
                        },
                        "logsentry-serve-stop");
        if (stop == null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stop != null) {
            service.close();
        }
        return 0;
    }

    private static synchronized void log(PrintWriter err, String message) {
        err.println("logsentry serve: " + message);
        err.flush();
    }

    private int showStatus(Path file, PrintWriter out, PrintWriter err) {
        try {
            out.print(StatusFile.render(StatusFile.read(file), Instant.now()));
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println(
                    "logsentry serve: no status at "
                            + file
                            + "; is 'logsentry serve' running (with the same --state)?");
        } catch (IOException e) {
            err.println("logsentry serve: " + e.getMessage());
        }
        err.flush();
        return 1;
    }

    private void printFingerprints(
            PrintWriter out, ServerIdentity id, String host, boolean mutual) {
        out.print(SenderSnippets.sheet(id.certificate(), host, port, mutual));
        out.flush();
    }

    RemoteService.Config config(SettingsResolver r, Path stateDir)
            throws ConfigException, IOException {
        CheckConfig layered = CheckConfig.empty();
        if (config != null) {
            layered = layered.overriddenBy(ConfigFiles.readConfig(config));
        }
        layered =
                layered.overriddenBy(
                        new CheckConfig(
                                new CheckConfig.Rules(
                                        rules, level, profile, null, null, null, null, null, null),
                                null,
                                null,
                                null,
                                new CheckConfig.Mail(
                                        mailTo,
                                        mailFrom,
                                        smtpOptions.host,
                                        smtpOptions.port,
                                        smtpOptions.security,
                                        smtpOptions.user,
                                        smtpOptions.passwordFile,
                                        smtpOptions.passwordEnv,
                                        null,
                                        smtpOptions.trust)));
        RuleSetup rc = r.rules(layered);
        SmtpSettings smtp = r.mail(layered, r.hostName());
        Set<String> permitted = new LinkedHashSet<>();
        for (String p : permit == null ? List.<String>of() : permit) {
            permitted.add(Fingerprints.normalize(p));
        }
        char[] password = null;
        if (pkcs12PasswordFile != null) {
            List<String> lines = Files.readAllLines(pkcs12PasswordFile, StandardCharsets.UTF_8);
            password = (lines.isEmpty() ? "" : lines.get(0)).toCharArray();
        }
        List<String> names =
                certNames != null && !certNames.isEmpty()
                        ? certNames
                        : List.of(r.hostName(), "localhost");
        ReceiverSettings rs =
                ReceiverSettings.defaults(spool)
                        .withListen(bind, port)
                        .withLimits(maxFrame, maxConnections, maxPerAddress)
                        .withTimeouts(handshakeMillis, frameMillis, 0)
                        .withQueue(64, fsyncMillis)
                        .withMaxHosts(maxHosts);
        return new RemoteService.Config(
                rs,
                new RemoteService.Identity(
                        cert, key, pkcs12, password, stateDir.resolve("tls"), names),
                permitted,
                rc,
                stateDir,
                new AlertSettings(
                        alertViolations, Duration.ofSeconds(alertDelay), alertMaxMails, 200),
                smtp == null ? null : new SmtpDelivery(smtp),
                r.hostName());
    }
}
