package dev.logsentry.core.remote;

import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.report.delivery.Delivery;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Everything {@code logsentry serve} runs, wired once so the workbench can start the same: the
 * server identity (loaded or generated), TLS, the rules of {@code check} with its engine, the
 * receiver, the alert mailer, and the status file.
 */
public final class RemoteService implements Closeable {

    /**
     * Where the identity comes from: PEM files, a PKCS#12 store, or generated into (and reused
     * from) a directory.
     *
     * @param certFile PEM certificate (chain), with {@code keyFile}
     * @param keyFile PEM private key
     * @param pkcs12 a PKCS#12 store instead
     * @param password the store's password
     * @param generatedDir where a generated identity lives when no files are given
     * @param hostNames names put in a generated certificate's subjectAltName
     */
    public record Identity(
            Path certFile,
            Path keyFile,
            Path pkcs12,
            char[] password,
            Path generatedDir,
            List<String> hostNames) {

        /**
         * Loads (or, the first time, generates) the identity.
         *
         * @throws IOException whose message names the file and what is wrong with it
         */
        public ServerIdentity load() throws IOException {
            try {
                return loadFiles();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IOException(e.getFile() + " does not exist", e);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new IOException("cannot read " + e.getFile() + ": permission denied", e);
            }
        }

        private ServerIdentity loadFiles() throws IOException {
            if (pkcs12 != null) {
                return ServerIdentity.fromPkcs12(pkcs12, password == null ? new char[0] : password);
            }
            if (certFile != null || keyFile != null) {
                if (certFile == null || keyFile == null) {
                    throw new IOException("give both the certificate and the key file");
                }
                return ServerIdentity.fromPem(certFile, keyFile);
            }
            return ServerIdentity.loadOrGenerate(generatedDir, hostNames);
        }
    }

    /**
     * A service to start.
     *
     * @param receiver listening, spool and limits
     * @param identity the server's certificate
     * @param permittedClients canonical client fingerprints; empty for no mutual TLS
     * @param rules the rules, chosen as {@code check} chooses them
     * @param stateDir where the status file goes
     * @param alerts when alerts are mailed, or null for none
     * @param alertDelivery where alerts go (SMTP), or null for none
     * @param hostName this machine's name, for alert subjects
     */
    public record Config(
            ReceiverSettings receiver,
            Identity identity,
            Set<String> permittedClients,
            RuleSetup rules,
            Path stateDir,
            AlertSettings alerts,
            Delivery alertDelivery,
            String hostName) {}

    private final ServerIdentity identity;
    private final SyslogReceiver receiver;
    private final AlertMailer alerts;
    private final ScheduledExecutorService statusTimer;
    private final Path statusFile;
    private final Consumer<String> log;

    private RemoteService(
            ServerIdentity identity,
            SyslogReceiver receiver,
            AlertMailer alerts,
            Path statusFile,
            Consumer<String> log) {
        this.identity = identity;
        this.receiver = receiver;
        this.alerts = alerts;
        this.statusFile = statusFile;
        this.log = log;
        this.statusTimer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "logsentry-status");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Loads the identity and rules, binds the port, and starts receiving. */
    public static RemoteService start(Config c, Consumer<String> log) throws IOException {
        return start(c, null, log);
    }

    /**
     * As {@link #start(Config, Consumer)}, judging with {@code rules} when given (the workbench
     * passes the classifier its views already use, so the rules are compiled once), else with the
     * rules of {@code c}.
     */
    public static RemoteService start(Config c, Classifier rules, Consumer<String> log)
            throws IOException {
        ServerIdentity id = c.identity().load();
        if (id.generated()) {
            log.accept(
                    "generated a new key and self-signed certificate in "
                            + c.identity().generatedDir()
                            + "; senders must pin "
                            + Fingerprints.sha256(id.certificate()));
        }
        TlsSetup tls = new TlsSetup(id, c.permittedClients());
        // the TLS warm-up (JIT of the record crypto) runs while the rules load
        String[] warmUp = new String[1];
        Thread warm = new Thread(() -> warmUp[0] = tls.warmUp(), "logsentry-tls-warm-up");
        warm.setDaemon(true);
        warm.start();
        Classifier classifier =
                rules != null
                        ? rules
                        : new Classifier(c.rules().load(), c.rules().options().withThreads(1));
        try {
            warm.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while starting");
        }
        if (warmUp[0] != null) {
            log.accept(warmUp[0]);
        }
        SyslogReceiver receiver =
                new SyslogReceiver(
                        c.receiver(), tls, Fingerprints.sha256(id.certificate()), classifier, log);
        AlertMailer mailer = null;
        if (c.alerts() != null && c.alertDelivery() != null) {
            mailer =
                    new AlertMailer(
                            c.alerts(), c.alertDelivery(), c.hostName(), log, Clock.systemUTC());
            receiver.addListener(mailer);
        }
        Path status = null;
        if (c.stateDir() != null) {
            SafeFiles.ensureDirectory(c.stateDir());
            status = c.stateDir().resolve(StatusFile.NAME);
        }
        RemoteService s = new RemoteService(id, receiver, mailer, status, log);
        try {
            receiver.start();
        } catch (IOException e) {
            // a port in use: nothing of this service may stay behind (threads, spool files)
            s.statusTimer.shutdownNow();
            receiver.close();
            if (mailer != null) {
                mailer.close();
            }
            throw new IOException(
                    "cannot listen on "
                            + c.receiver().bindAddress()
                            + ":"
                            + c.receiver().port()
                            + ": "
                            + Connection.describe(e),
                    e);
        }
        if (status != null) {
            s.statusTimer.scheduleWithFixedDelay(s::writeStatus, 0, 2, TimeUnit.SECONDS);
        }
        return s;
    }

    /** The receiver, for listeners and status. */
    public SyslogReceiver receiver() {
        return receiver;
    }

    /** The server's identity (for fingerprints). */
    public ServerIdentity identity() {
        return identity;
    }

    private void writeStatus() {
        try {
            StatusFile.write(statusFile, receiver.status());
        } catch (IOException | RuntimeException e) {
            log.accept(
                    "cannot write the status file " + statusFile + ": " + Connection.describe(e));
        }
    }

    @Override
    public void close() {
        // a status write under way finishes: interrupting it failed the write with a
        // ClosedByInterruptException, logged as "cannot write the status file ...: null"
        statusTimer.shutdown();
        try {
            if (!statusTimer.awaitTermination(5, TimeUnit.SECONDS)) {
                statusTimer.shutdownNow();
            }
        } catch (InterruptedException e) {
            statusTimer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        receiver.close();
        if (alerts != null) {
            alerts.close();
        }
        if (statusFile != null) {
            writeStatus();
        }
    }
}
