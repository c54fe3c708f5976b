package dev.logsentry.core.remote;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Runs the JDK's TLS record crypto before the first sender arrives, so that it is compiled when the
 * load comes.
 *
 * <p>Why: in Java 17, AES-GCM uses the CPU's AES and carry-less multiplication instructions only
 * from code the C2 compiler has compiled (the intrinsics replace {@code GHASH.processBlocks} and
 * {@code CounterMode.implCrypt} at their call sites). Those callers run once per TLS record, and a
 * busy sender's records hold 16 KiB, so under real load they reach C2's threshold only after
 * thousands of records: until then GHASH runs as Java bit loops, a quarter of a fresh receiver's
 * CPU and more than the rest of the receiving. Records through an in-memory pair of engines (this
 * server's context against a client that trusts it) reach the same record code as {@code SSLSocket}
 * connections do. It costs a fraction of a second of CPU once per start.
 */
final class TlsWarmUp {
    /** At most this many records are decrypted, whatever the compiler does meanwhile. */
    static final int MAX_RECORDS = 400_000;

    /**
     * A full record decrypted in less CPU time than this ran on the intrinsics (about 5 us here,
     * 200 us in compiled Java, far more before).
     */
    private static final long FAST_NANOS = 40_000;

    /** CPU time after which the warm-up gives up waiting for the compiler. */
    private static final long BUDGET_NANOS = 3_000_000_000L;

    private TlsWarmUp() {}

    /**
     * Runs a TLS 1.3 and a TLS 1.2 connection between a client engine and a server engine of {@code
     * server} (the handshake and record code), then decrypts records as TLS does until a full one
     * takes the time of the intrinsics, at most {@code maxRecords}.
     *
     * @return the records decrypted
     * @throws SSLException when the engines fail (the receiver works without the warm-up)
     */
    static int run(SSLContext server, int maxRecords) throws SSLException {
        exchange(server, "TLSv1.3", 200);
        exchange(server, "TLSv1.2", 50);
        if (!c2(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            return 0; // C1 only (-XX:TieredStopAtLevel=1): the intrinsics never come
        }
        try {
            return decrypt(maxRecords);
        } catch (GeneralSecurityException e) {
            throw new SSLException("the AES-GCM warm-up failed", e);
        }
    }

    /**
     * Decrypts records in place as TLS does (a new nonce each, additional data, one {@code doFinal}
     * on heap buffers), with 256- and 128-bit keys, until a full record is fast twice in a row.
     */
    private static int decrypt(int maxRecords) throws GeneralSecurityException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean timed = cpu.isCurrentThreadCpuTimeSupported();
        int[] sizes = {48, 180, 700, 2_000, 16_000};
        byte[] aad = {23, 3, 3, 0, 0};
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec[] keys = {
            new SecretKeySpec(new byte[32], "AES"), new SecretKeySpec(new byte[16], "AES")
        };
        byte[][][] sealed = new byte[keys.length][sizes.length][];
        for (int j = 0; j < keys.length; j++) {
            for (int k = 0; k < sizes.length; k++) {
                c.init(Cipher.ENCRYPT_MODE, keys[j], new GCMParameterSpec(128, nonce(k)));
                c.updateAAD(aad);
                sealed[j][k] = c.doFinal(new byte[sizes[k]]);
            }
        }
        byte[] buf = new byte[sealed[0][sizes.length - 1].length];
        int fast = 0;
        int i = 0;
        long start = timed ? cpu.getCurrentThreadCpuTime() : 0;
        boolean spent = false;
        for (; i < maxRecords && fast < 2 && !spent; i++) {
            int j = (i >> 1) & 1;
            // mostly short records, as a quiet sender's, now and then a full one
            int k = i % 64 == 0 ? sizes.length - 1 : i % (sizes.length - 1);
            boolean measure = timed && k == sizes.length - 1 && i % 256 == 0;
            long t0 = measure ? cpu.getCurrentThreadCpuTime() : 0;
            byte[] in = sealed[j][k];
            System.arraycopy(in, 0, buf, 0, in.length);
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, in.length);
            c.init(Cipher.DECRYPT_MODE, keys[j], new GCMParameterSpec(128, nonce(k)));
            c.updateAAD(aad);
            if (c.doFinal(bb.duplicate(), bb) != sizes[k]) {
                throw new GeneralSecurityException("the warm-up decrypted a wrong length");
            }
            if (measure) {
                long t1 = cpu.getCurrentThreadCpuTime();
                fast = t1 - t0 < FAST_NANOS ? fast + 1 : 0;
                spent = t1 - start > BUDGET_NANOS;
            }
        }
        return i;
    }

    /**
     * Whether this JVM compiles with C2: not when started with {@code -XX:TieredStopAtLevel} below
     * 4 or {@code -Xint} (the flags as given, since the trimmed runtime has no jdk.management).
     */
    static boolean c2(List<String> jvmArguments) {
        boolean c2 = true;
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:TieredStopAtLevel=")) {
                c2 = !a.matches("-XX:TieredStopAtLevel=[0-3]");
            } else if (a.equals("-Xint")) {
                c2 = false;
            }
        }
        return c2;
    }

    private static byte[] nonce(int k) {
        byte[] n = new byte[12];
        n[11] = (byte) k;
        return n;
    }

    private static void exchange(SSLContext server, String protocol, int records)
            throws SSLException {
        SSLEngine srv = server.createSSLEngine();
        srv.setUseClientMode(false);
        SSLParameters sp = srv.getSSLParameters();
        sp.setProtocols(new String[] {protocol});
        sp.setNeedClientAuth(false);
        srv.setSSLParameters(sp);
        SSLEngine cli = trustingClient().createSSLEngine("localhost", 6514);
        cli.setUseClientMode(true);
        SSLParameters cp = cli.getSSLParameters();
        cp.setProtocols(new String[] {protocol});
        cli.setSSLParameters(cp);

        int packet = Math.max(cli.getSession().getPacketBufferSize(), 1 << 15);
        int app = Math.max(srv.getSession().getApplicationBufferSize(), 1 << 15);
        ByteBuffer toServer = ByteBuffer.allocate(packet);
        ByteBuffer toClient = ByteBuffer.allocate(packet);
        ByteBuffer serverIn = ByteBuffer.allocate(app);
        ByteBuffer clientIn = ByteBuffer.allocate(app);
        ByteBuffer none = ByteBuffer.allocate(0);
        cli.beginHandshake();
        srv.beginHandshake();
        for (int round = 0; handshaking(cli) || handshaking(srv); round++) {
            if (round > 200) {
                throw new SSLException("the warm-up handshake did not finish");
            }
            cli.wrap(none, toServer);
            tasks(cli);
            srv.wrap(none, toClient);
            tasks(srv);
            toServer.flip();
            toClient.flip();
            cli.unwrap(toClient, clientIn);
            tasks(cli);
            srv.unwrap(toServer, serverIn);
            tasks(srv);
            toServer.compact();
            toClient.compact();
            clientIn.clear();
            serverIn.clear();
        }
        // a client's records: mostly one or a few log lines, now and then a full one
        byte[] data = new byte[16_000]; // one record's plaintext in either protocol
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        ByteBuffer out = ByteBuffer.wrap(data);
        long received = 0;
        long sent = 0;
        for (int i = 0; i < records; i++) {
            int n = i % 97 == 0 ? data.length : 64 + (i * 37) % 1_024;
            out.clear().limit(n);
            toServer.clear();
            cli.wrap(out, toServer);
            sent += n;
            toServer.flip();
            while (toServer.hasRemaining()) {
                serverIn.clear();
                srv.unwrap(toServer, serverIn);
                received += serverIn.position();
                if (serverIn.position() == 0 && toServer.hasRemaining()) {
                    break; // a post-handshake message (a session ticket): nothing to read
                }
            }
        }
        if (received != sent) {
            throw new SSLException("the warm-up lost bytes: " + received + " of " + sent);
        }
        cli.closeOutbound();
        srv.closeOutbound();
    }

    private static boolean handshaking(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s != HandshakeStatus.NOT_HANDSHAKING && s != HandshakeStatus.FINISHED;
    }

    private static void tasks(SSLEngine e) {
        Runnable r;
        while ((r = e.getDelegatedTask()) != null) {
            r.run();
        }
    }

    private static SSLContext trustingClient() throws SSLException {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new TrustAll()}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot set up the warm-up client", e);
        }
    }

    /** The warm-up client talks only to this process's own server engine. */
    private static final class TrustAll implements X509TrustManager {
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
