package dev.logsentry.core.remote;

import static dev.logsentry.core.remote.TestReceivers.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.io.SafeFiles;
import java.io.File;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's rsyslog as a real sender: a separate rsyslogd with its own configuration, pid file and
 * work directory takes lines on a plain loopback TCP input and forwards them over TLS with the
 * GnuTLS driver, pinning the receiver's certificate fingerprint as {@code serve --fingerprint}
 * tells administrators to.
 */
class RsyslogSenderTest {
    @TempDir Path dir;

    @BeforeAll
    static void needsRsyslogWithGnutls() {
        Assumptions.assumeTrue(
                new File("/usr/sbin/rsyslogd").canExecute(), "rsyslog not installed");
        Assumptions.assumeTrue(
                Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so"))
                        || Files.exists(Path.of("/usr/lib/rsyslog/lmnsd_gtls.so")),
                "rsyslog-gnutls not installed");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process rsyslog(int inPort, int outPort, String extraGlobal) throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        Path ca = dir.resolve("receiver.pem");
        SafeFiles.writeAtomically(
                ca, out -> ServerIdentity.writePem(out, TestReceivers.IDENTITY.certificate()));
        String conf =
                "global(workDirectory=\""
                        + work
                        + "\" DefaultNetstreamDriverCAFile=\""
                        + ca
                        + "\""
                        + extraGlobal
                        + ")\n"
                        + "module(load=\"imtcp\")\n"
                        + "input(type=\"imtcp\" port=\""
                        + inPort
                        + "\" address=\"127.0.0.1\")\n"
                        + "*.* action(type=\"omfwd\" target=\"127.0.0.1\" port=\""
                        + outPort
                        + "\" protocol=\"tcp\" StreamDriver=\"gtls\" StreamDriverMode=\"1\""
                        + " StreamDriverAuthMode=\"x509/fingerprint\" StreamDriverPermittedPeers=\""
                        + Fingerprints.sha1(TestReceivers.IDENTITY.certificate())
                        + "\""
                        + " template=\"RSYSLOG_SyslogProtocol23Format\" TCP_Framing=\"octet-counted\""
                        + " action.resumeRetryCount=\"-1\")\n";
        Path cf = dir.resolve("rsyslog.conf");
        Files.writeString(cf, conf);
        Process p =
                new ProcessBuilder(
                                "/usr/sbin/rsyslogd",
                                "-f",
                                cf.toString(),
                                "-i",
                                dir.resolve("rsyslogd.pid").toString(),
                                "-n")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("rsyslogd.out").toFile())
                        .start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", inPort)) {
                return p;
            } catch (java.io.IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "rsyslogd did not start: "
                                    + Files.readString(dir.resolve("rsyslogd.out")));
                }
                Thread.sleep(50);
            }
        }
    }

    private static void feed(int port, String host, int n) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port);
                OutputStream out = s.getOutputStream()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append("<38>Dec  4 10:00:00 ")
                        .append(host)
                        .append(" sshd[42]: message ")
                        .append(i)
                        .append('\n');
            }
            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    @Test
    void rsyslogForwardsOverTlsPinnedByFingerprint(@TempDir Path spool) throws Exception {
        TestReceivers.Recorder rec = new TestReceivers.Recorder();
        int in = freePort();
        try (SyslogReceiver r = TestReceivers.start(TestReceivers.settings(spool), Set.of(), rec)) {
            Process p = rsyslog(in, r.port(), "");
            try {
                feed(in, "web9", 500);
                await(
                        () -> rec.lines.size() == 500,
                        "500 lines from rsyslog; rsyslogd said: " + out());
            } finally {
                stop(p);
            }
            assertThat(r.status().rejections().values()).allMatch(v -> v == 0);
        }
        List<String> lines =
                Files.readAllLines(
                        spool.resolve("web9")
                                .resolve(LocalDate.now(ZoneId.systemDefault()) + ".log"));
        assertThat(lines).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(lines.get(i))
                    .matches(
                            "\\d{4}-12-04T10:00:00\\.000000[+-]\\d\\d:\\d\\d web9 sshd\\[42\\]: message "
                                    + i);
        }
        // the listener got the spooled line, at its place in the file
        assertThat(rec.lines.get(0).line().latin1()).isEqualTo(lines.get(0));
        assertThat(rec.lines.get(1).line().offset()).isEqualTo(lines.get(0).length() + 1);
    }

    @Test
    void rsyslogWithAPermittedClientCertificate(@TempDir Path spool) throws Exception {
        ServerIdentity client = ServerIdentity.generate(List.of("web8"), Instant.now());
        Path cert = dir.resolve("client-cert.pem");
        Path key = dir.resolve("client-key.pem");
        SafeFiles.writeAtomically(cert, out -> ServerIdentity.writePem(out, client.certificate()));
        SafeFiles.writeAtomically(key, out -> ServerIdentity.writeKeyPem(out, client));
        TestReceivers.Recorder rec = new TestReceivers.Recorder();
        int in = freePort();
        try (SyslogReceiver r =
                TestReceivers.start(
                        TestReceivers.settings(spool),
                        Set.of(Fingerprints.sha256(client.certificate())),
                        rec)) {
            Process p =
                    rsyslog(
                            in,
                            r.port(),
                            " DefaultNetstreamDriverCertFile=\""
                                    + cert
                                    + "\" DefaultNetstreamDriverKeyFile=\""
                                    + key
                                    + "\"");
            try {
                feed(in, "web8", 50);
                try {
                    await(() -> rec.lines.size() == 50, "50 lines over mutual TLS");
                } catch (AssertionError e) {
                    throw new AssertionError(
                            e.getMessage() + "; receiver: " + rec.events + "; rsyslogd: " + out(),
                            e);
                }
            } finally {
                stop(p);
            }
        }
    }

    private String out() {
        try {
            return Files.readString(dir.resolve("rsyslogd.out"));
        } catch (java.io.IOException e) {
            return "(no output)";
        }
    }
}
