package dev.logsentry.core.remote;

import static dev.logsentry.core.remote.TestReceivers.await;
import static dev.logsentry.core.remote.TestReceivers.connect;
import static dev.logsentry.core.remote.TestReceivers.rejections;
import static dev.logsentry.core.remote.TestReceivers.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
    @TempDir Path dir;

    @Test
    void generatedOnFirstStartAndReusedAfterwards() throws Exception {
        Path tls = dir.resolve("tls");
        ServerIdentity first =
                ServerIdentity.loadOrGenerate(tls, List.of("admin.example.org", "admin"));
        assertThat(first.generated()).isTrue();
        Path key = tls.resolve(ServerIdentity.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(
                        first.certificate().getSubjectAlternativeNames().stream()
                                .map(l -> (Object) l.get(1))
                                .toList())
                .containsExactly("admin.example.org", "admin");

        ServerIdentity again = ServerIdentity.loadOrGenerate(tls, List.of("other"));
        assertThat(again.generated()).isFalse();
        assertThat(Fingerprints.sha256(again.certificate()))
                .isEqualTo(Fingerprints.sha256(first.certificate()));
        assertThat(((java.security.interfaces.ECPrivateKey) again.key()).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) first.key()).getS());
    }

    @Test
    void aLoneKeyOrCertificateIsNeverReplaced() throws Exception {
        Path tls = dir.resolve("tls");
        ServerIdentity.loadOrGenerate(tls, List.of("h"));
        Files.delete(tls.resolve(ServerIdentity.CERT_FILE));
        assertThatThrownBy(() -> ServerIdentity.loadOrGenerate(tls, List.of("h")))
                .hasMessageContaining("is missing")
                .hasMessageContaining("remove both");
    }

    @Test
    void opensslAgreesOnTheFingerprintsAndReadsTheKey() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/openssl").canExecute(), "openssl not installed");
        Path tls = dir.resolve("tls");
        ServerIdentity id = ServerIdentity.loadOrGenerate(tls, List.of("h"));
        String out =
                run(
                        "openssl",
                        "x509",
                        "-in",
                        tls.resolve(ServerIdentity.CERT_FILE).toString(),
                        "-noout",
                        "-fingerprint",
                        "-sha256");
        assertThat(out.strip()).endsWith(Fingerprints.sha256(id.certificate()).substring(7));
        assertThat(Fingerprints.rfc5425(id.certificate())).startsWith("sha-1:");
        run("openssl", "pkey", "-in", tls.resolve(ServerIdentity.KEY_FILE).toString(), "-noout");
    }

    @Test
    void theAdministratorsPemFromOpensslIsUsed() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/openssl").canExecute(), "openssl not installed");
        Path cert = dir.resolve("c.pem");
        Path key = dir.resolve("k.pem");
        run(
                "openssl",
                "req",
                "-new",
                "-x509",
                "-days",
                "365",
                "-nodes",
                "-subj",
                "/CN=admin",
                "-newkey",
                "rsa:2048",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString());
        ServerIdentity id = ServerIdentity.fromPem(cert, key);
        assertThat(id.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=admin");
        assertThat(id.generated()).isFalse();
        // a key that belongs to another certificate is refused at start, not at each handshake
        Path otherKey = dir.resolve("k2.pem");
        run("openssl", "genpkey", "-algorithm", "RSA", "-out", otherKey.toString());
        assertThatThrownBy(() -> ServerIdentity.fromPem(cert, otherKey))
                .hasMessageContaining("does not match");
    }

    @Test
    void aPkcs12StoreIsUsed() throws Exception {
        ServerIdentity gen = ServerIdentity.generate(List.of("p12"), Instant.now());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(
                "x",
                gen.key(),
                "secret".toCharArray(),
                gen.chain().toArray(java.security.cert.Certificate[]::new));
        Path p12 = dir.resolve("id.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, "secret".toCharArray());
        }
        ServerIdentity id = ServerIdentity.fromPkcs12(p12, "secret".toCharArray());
        assertThat(Fingerprints.sha256(id.certificate()))
                .isEqualTo(Fingerprints.sha256(gen.certificate()));
        assertThatThrownBy(() -> ServerIdentity.fromPkcs12(p12, "wrong".toCharArray()))
                .hasMessageContaining("wrong password");
    }

    @Test
    void fingerprintsAreReadInEveryCommonSpelling() {
        String hex = "ab:cd:".repeat(16).substring(0, 95);
        assertThat(Fingerprints.normalize("sha256:" + hex))
                .isEqualTo("SHA256:" + hex.toUpperCase());
        assertThat(Fingerprints.normalize(hex.replace(":", ""))).startsWith("SHA256:AB:CD");
        assertThat(Fingerprints.normalize("sha-1:" + "0a:".repeat(20).substring(0, 59)))
                .startsWith("SHA1:0A:0A");
        assertThatThrownBy(() -> Fingerprints.normalize("SHA256:12:34"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutualTlsAcceptsOnlyPermittedValidClientCertificates(@TempDir Path spool)
            throws Exception {
        ServerIdentity good = ServerIdentity.generate(List.of("web1"), Instant.now());
        ServerIdentity unknown = ServerIdentity.generate(List.of("intruder"), Instant.now());
        ServerIdentity expired =
                ServerIdentity.generate(List.of("old"), Instant.now().minus(4000, ChronoUnit.DAYS));
        TestReceivers.Recorder rec = new TestReceivers.Recorder();
        Set<String> permitted =
                Set.of(
                        Fingerprints.sha256(good.certificate()),
                        Fingerprints.sha1(expired.certificate()));
        try (SyslogReceiver r =
                TestReceivers.start(TestReceivers.settings(spool), permitted, rec)) {
            try (SSLSocket s = connect(r.port(), good)) {
                send(s, List.of("<13>1 - web1 app - - - permitted"));
                await(() -> rec.lines.size() == 1, "the permitted sender's line");
            }
            attempt(r.port(), unknown);
            await(() -> rejections(r, Rejection.CLIENT_CERTIFICATE) == 1, "unknown refused");
            assertThat(rec.events).anyMatch(e -> e.contains("is not among the permitted senders"));
            attempt(r.port(), expired);
            await(() -> rejections(r, Rejection.CLIENT_CERTIFICATE) == 2, "expired refused");
            assertThat(rec.events).anyMatch(e -> e.contains("expired on"));
            attempt(r.port(), null);
            await(
                    () ->
                            rejections(r, Rejection.CLIENT_CERTIFICATE)
                                            + rejections(r, Rejection.HANDSHAKE_FAILED)
                                    == 3,
                    "no certificate refused");
            assertThat(rec.lines).hasSize(1);
        }
    }

    /**
     * Tries to send; the receiver refuses during (TLS 1.2) or right after (TLS 1.3) the handshake.
     */
    private static void attempt(int port, ServerIdentity client) {
        try (SSLSocket s = connect(port, client)) {
            send(s, List.of("<13>1 - x app - - - must not arrive"));
            s.getInputStream().read();
        } catch (Exception expected) {
            // refused
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
