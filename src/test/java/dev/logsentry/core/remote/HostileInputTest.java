package dev.logsentry.core.remote;

import static dev.logsentry.core.remote.TestReceivers.await;
import static dev.logsentry.core.remote.TestReceivers.connect;
import static dev.logsentry.core.remote.TestReceivers.rejections;
import static dev.logsentry.core.remote.TestReceivers.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile peer costs a log line and a counter; the receiver keeps serving good senders. */
class HostileInputTest {
    @TempDir Path spool;
    private SyslogReceiver receiver;
    private final TestReceivers.Recorder rec = new TestReceivers.Recorder();

    @BeforeEach
    void start() throws Exception {
        receiver =
                TestReceivers.start(
                        TestReceivers.settings(spool)
                                .withLimits(2048, 100, 3)
                                .withTimeouts(400, 400, 0),
                        Set.of(),
                        rec);
    }

    @AfterEach
    void stillServesGoodSendersThenStops() throws Exception {
        int before = rec.lines.size();
        try (SSLSocket s = connect(receiver.port(), null)) {
            send(s, List.of("<13>1 - good app - - - still here"));
        }
        await(() -> rec.lines.size() == before + 1, "a good line after the hostile peer");
        receiver.close();
    }

    private void awaitRejected(Rejection why) throws InterruptedException {
        await(() -> rejections(receiver, why) >= 1, why + " counted");
        assertThat(rec.events).anyMatch(e -> e.contains(why.label()) && e.contains("127.0.0.1"));
    }

    private Socket raw() throws Exception {
        Socket s = new Socket("127.0.0.1", receiver.port());
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void plainTextOnTheTlsPort() throws Exception {
        try (Socket s = raw()) {
            s.getOutputStream().write("hello there\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        awaitRejected(Rejection.NOT_TLS);
        assertThat(rec.events).anyMatch(e -> e.contains("plain text"));
    }

    @Test
    void plainSyslogOnTheTlsPort() throws Exception {
        try (Socket s = raw()) {
            s.getOutputStream()
                    .write("<13>Dec  4 10:00:00 h x: y\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read();
        }
        awaitRejected(Rejection.NOT_TLS);
        assertThat(rec.events).anyMatch(e -> e.contains("plain syslog without TLS"));
    }

    @Test
    void httpGetsA400AndAnExplanation() throws Exception {
        try (Socket s = raw()) {
            s.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer =
                    new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("syslog over TLS");
        }
        awaitRejected(Rejection.HTTP);
    }

    @Test
    void binaryGarbageBeforeTheHandshake() throws Exception {
        try (Socket s = raw()) {
            s.getOutputStream().write(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 7});
            s.getInputStream().read();
        }
        awaitRejected(Rejection.NOT_TLS);
        assertThat(rec.events).anyMatch(e -> e.contains("binary data"));
    }

    @Test
    void binaryGarbageInsideTls() throws Exception {
        try (SSLSocket s = connect(receiver.port(), null)) {
            s.getOutputStream().write(new byte[] {(byte) 0xde, (byte) 0xad, 0, 1});
            s.getOutputStream().flush();
            awaitRejected(Rejection.GARBAGE);
        }
    }

    @Test
    void aFrameOverTheMaximum() throws Exception {
        try (SSLSocket s = connect(receiver.port(), null)) {
            send(s, List.of("<13>1 - h app - - - " + "x".repeat(5000)));
            awaitRejected(Rejection.FRAME_TOO_LARGE);
        }
    }

    @Test
    void aHugeLengthPrefix() throws Exception {
        try (SSLSocket s = connect(receiver.port(), null)) {
            s.getOutputStream()
                    .write("99999999999999999999 <13>x".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            awaitRejected(Rejection.BAD_LENGTH);
        }
    }

    @Test
    void aSenderThatNeverStartsItsHandshake() throws Exception {
        try (Socket s = raw()) {
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed by the receiver
        }
        awaitRejected(Rejection.HANDSHAKE_TIMEOUT);
    }

    @Test
    void aSenderThatStopsInTheMiddleOfAHandshake() throws Exception {
        try (Socket s = raw()) {
            // the first bytes of a TLS record, then nothing
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        awaitRejected(Rejection.HANDSHAKE_TIMEOUT);
    }

    @Test
    void aSenderThatStopsInTheMiddleOfAFrame() throws Exception {
        try (SSLSocket s = connect(receiver.port(), null)) {
            s.getOutputStream()
                    .write("100 <13>1 - h app - - - part".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            awaitRejected(Rejection.FRAME_TIMEOUT);
        }
    }

    @Test
    void anIdleConnectionBetweenFramesIsKept() throws Exception {
        try (SSLSocket s = connect(receiver.port(), null)) {
            send(s, List.of("<13>1 - idle app - - - first"));
            Thread.sleep(1_200); // three frame timeouts, but no frame was started
            send(s, List.of("<13>1 - idle app - - - second"));
            await(() -> rec.lines.size() == 2, "both lines");
        }
        assertThat(rejections(receiver, Rejection.FRAME_TIMEOUT)).isZero();
    }

    @Test
    void tooManyConnectionsFromOneAddress() throws Exception {
        try (SSLSocket a = connect(receiver.port(), null);
                SSLSocket b = connect(receiver.port(), null);
                SSLSocket c = connect(receiver.port(), null);
                Socket d = raw()) {
            assertThat(d.getInputStream().read()).isEqualTo(-1);
            awaitRejected(Rejection.TOO_MANY_CONNECTIONS);
        }
        await(() -> receiver.status().connections() == 0, "connections closed");
    }

    @Test
    void aHalfClosedConnectionMidFrame() throws Exception {
        try (SSLSocket s = connect(receiver.port(), null)) {
            send(s, List.of("<13>1 - half app - - - whole"));
            s.getOutputStream().write("50 <13>1 - half app".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.shutdownOutput();
            awaitRejected(Rejection.TRUNCATED);
        }
        await(() -> rec.lines.size() == 1, "the whole line before it");
    }

    @Test
    void opensslWithAnOldProtocolIsRefused() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/openssl").canExecute(), "openssl not installed");
        Process p =
                new ProcessBuilder(
                                "openssl",
                                "s_client",
                                "-connect",
                                "127.0.0.1:" + receiver.port(),
                                "-tls1_1",
                                "-cipher",
                                "DEFAULT@SECLEVEL=0")
                        .redirectErrorStream(true)
                        .start();
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        awaitRejected(Rejection.HANDSHAKE_FAILED);
    }

    @Test
    void opensslSendsALineOverTls12() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/openssl").canExecute(), "openssl not installed");
        Process p =
                new ProcessBuilder(
                                "openssl",
                                "s_client",
                                "-quiet",
                                "-tls1_2",
                                "-connect",
                                "127.0.0.1:" + receiver.port())
                        .redirectErrorStream(true)
                        .start();
        try (OutputStream out = p.getOutputStream()) {
            out.write(
                    "<13>Dec  4 10:00:00 viaopenssl app: line framed\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await(() -> rec.lines.size() == 1, "the openssl line");
        } finally {
            p.destroy(); // s_client waits for the receiver, which keeps connections open
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(rec.lines.get(0).host()).isEqualTo("viaopenssl");
    }

    @Test
    void aFullDiskPausesSendersRefusesNewOnesAndLosesNothing(@TempDir Path other) throws Exception {
        receiver.close();
        AtomicBoolean full = new AtomicBoolean(true);
        Spool.Opener opener =
                file ->
                        full.get()
                                ? fullDisk(file)
                                : FileChannel.open(
                                        file,
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.WRITE,
                                        StandardOpenOption.APPEND);
        receiver = TestReceivers.start(TestReceivers.settings(other), Set.of(), rec, opener);
        try (SSLSocket s = connect(receiver.port(), null)) {
            send(s, List.of("<13>1 - disk app - - - one", "<13>1 - disk app - - - two"));
            await(() -> !receiver.status().accepting(), "the receiver to stop accepting");
            assertThat(receiver.status().problem()).contains("No space left on device");
            try (Socket refused = raw()) {
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            awaitRejected(Rejection.DISK_FULL);
            assertThat(rec.lines).isEmpty(); // not counted while not written
            full.set(false);
            await(() -> rec.lines.size() == 2, "both lines once the disk has room");
            assertThat(receiver.status().accepting()).isTrue();
        }
        Path file =
                other.resolve("disk")
                        .resolve(
                                java.time.LocalDate.now(java.time.ZoneId.systemDefault()) + ".log");
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void serverWorksWithoutAnyInputStreamReadByTheClient() throws Exception {
        // a sender that only writes and never reads must not be blocked by the receiver
        try (SSLSocket s = connect(receiver.port(), null)) {
            InputStream unused = s.getInputStream();
            assertThat(unused).isNotNull();
            send(s, List.of("<13>1 - w app - - - x"));
            await(() -> rec.lines.size() == 1, "the line");
        }
    }

    /** A channel whose writes fail as on a full disk (the file itself is created). */
    private static FileChannel fullDisk(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        return FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE);
    }

    static Instant longAgo() {
        return Instant.now().minus(7300, ChronoUnit.DAYS);
    }
}
