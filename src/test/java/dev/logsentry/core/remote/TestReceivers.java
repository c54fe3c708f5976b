package dev.logsentry.core.remote;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.rules.Level;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Receivers on loopback with a fresh identity and the bundled rules, and TLS senders for them. */
public final class TestReceivers {
    public static final ServerIdentity IDENTITY;
    public static final Classifier CLASSIFIER;

    static {
        try {
            IDENTITY = ServerIdentity.generate(List.of("localhost"), Instant.now());
            CLASSIFIER =
                    new Classifier(
                            new RuleSetup(
                                            null,
                                            Level.SERVER,
                                            CheckOptions.defaults(Profile.LOGCHECK_1_4))
                                    .load(),
                            CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(1));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestReceivers() {}

    static ReceiverSettings settings(Path spool) {
        return ReceiverSettings.defaults(spool).withListen("127.0.0.1", 0);
    }

    /** Records every classified line and event. */
    static final class Recorder implements RemoteListener {
        final List<RemoteLine> lines = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void lines(List<RemoteLine> batch) {
            lines.addAll(batch);
        }

        @Override
        public void event(String message) {
            events.add(message);
        }
    }

    static SyslogReceiver start(ReceiverSettings s, Set<String> permitted, Recorder r)
            throws IOException {
        return start(s, permitted, r, null);
    }

    static SyslogReceiver start(
            ReceiverSettings s, Set<String> permitted, Recorder r, Spool.Opener opener)
            throws IOException {
        SyslogReceiver rec =
                new SyslogReceiver(
                        s,
                        new TlsSetup(IDENTITY, permitted),
                        Fingerprints.sha256(IDENTITY.certificate()),
                        CLASSIFIER,
                        m -> {},
                        opener);
        if (r != null) {
            rec.addListener(r);
        }
        rec.start();
        return rec;
    }

    /** A TLS client that trusts any server, optionally presenting {@code client}. */
    public static SSLSocket connect(int port, ServerIdentity client) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyManager[] kms = null;
        if (client != null) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(
                    "c",
                    client.key(),
                    "x".toCharArray(),
                    client.chain().toArray(java.security.cert.Certificate[]::new));
            javax.net.ssl.KeyManagerFactory kmf =
                    javax.net.ssl.KeyManagerFactory.getInstance(
                            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "x".toCharArray());
            kms = kmf.getKeyManagers();
        }
        ctx.init(kms, new TrustManager[] {new TrustAll()}, null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    /** Sends {@code lines} octet-counted. */
    public static void send(Socket s, List<String> lines) throws IOException {
        OutputStream out = s.getOutputStream();
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
            b.append(bytes.length).append(' ').append(l);
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static long rejections(SyslogReceiver r, Rejection why) {
        return r.status().rejections().get(why.name());
    }

    public static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
