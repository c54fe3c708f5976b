import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Load generator for bench/remote-tls-load: SENDERS concurrent TLS connections to 127.0.0.1:PORT,
 * each sending LINES octet-counted RFC 5424 messages as fast as TCP lets it (closed loop: a slower
 * receiver slows the senders down instead of losing lines).
 *
 * <p>The sender must not be the bottleneck it measures: every sender's frames are built before the
 * clock starts (one byte array of about 60 KB per write), and the JDK's AES-GCM is run until the JIT
 * has compiled it with the CPU's AES and carry-less multiply instructions (in Java 17 only C2 code
 * uses them; a fresh JVM encrypts in Java bit loops for its first thousands of records, which made
 * this sender cost 4x the CPU per line of the receiver it measured). Both receivers get exactly the
 * same load.
 *
 * <p>Prints "start EPOCH_MS" just before the first connection (the clock of run.sh starts there),
 * then "sent N lines in S s (E errors)" and the sender's own CPU time; given a SPOOL directory it
 * then waits until it holds all the lines (see waitOnDisk). With WARM, every sender first sends
 * WARM untimed lines over its connection, and the clock starts once they are all on disk: the
 * timed lines then go over connections that are established already, as a running service's
 * senders are. Run: java TlsLoad.java PORT SENDERS LINES [SPOOL [WARM]]
 */
public class TlsLoad {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int senders = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[2]);
        java.nio.file.Path spool = args.length > 3 ? java.nio.file.Path.of(args[3]) : null;
        int warm = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        String receiver = args.length > 5 ? args[5] : null; // its pid: CPU ticks from /proc
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        List<List<byte[]>> warmFrames = new ArrayList<>();
        List<List<byte[]>> payloads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            warmFrames.add(frames(s, warm));
            payloads.add(frames(s, lines));
        }
        warmUpGcm();
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        // with WARM lines: every sender connects and sends them, the lines reach the disk, and
        // only then do all senders go on with the timed lines over the same connections
        java.util.concurrent.CountDownLatch warmSent = new java.util.concurrent.CountDownLatch(senders);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        long[] start = new long[1];
        long[] cpu0 = new long[1];
        long[] ticks = new long[2];
        if (warm == 0) {
            ticks[0] = cpuTicks(receiver);
            cpu0[0] = processCpuNanos();
            start[0] = System.nanoTime();
            System.out.println("start " + System.currentTimeMillis());
            System.out.flush();
            go.countDown();
        }
        for (int s = 0; s < senders; s++) {
            List<byte[]> before = warmFrames.get(s);
            List<byte[]> mine = payloads.get(s);
            Thread t = new Thread(() -> {
                try (SSLSocket sock = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
                    sock.startHandshake();
                    OutputStream out = sock.getOutputStream();
                    try {
                        for (byte[] chunk : before) {
                            out.write(chunk);
                        }
                        out.flush();
                    } finally {
                        warmSent.countDown();
                    }
                    go.await();
                    for (byte[] chunk : mine) {
                        out.write(chunk);
                    }
                    out.flush();
                    // close as rsyslog does: close_notify, then read to the end. Closing with unread
                    // bytes (a TLS 1.3 session ticket) makes the kernel send a reset, which throws
                    // away what the receiver had not read yet.
                    sock.shutdownOutput();
                    sock.setSoTimeout(600_000);
                    while (sock.getInputStream().read() >= 0) {
                        // drain
                    }
                    sent.addAndGet(lines);
                } catch (Exception e) {
                    errors.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        if (warm > 0) {
            warmSent.await();
            waitOnDisk(spool, (long) senders * warm, false);
            ticks[0] = cpuTicks(receiver);
            cpu0[0] = processCpuNanos();
            start[0] = System.nanoTime();
            System.out.println("start " + System.currentTimeMillis());
            System.out.flush();
            go.countDown();
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start[0]) / 1e9;
        System.out.printf("sent %d lines in %.2f s (%d errors); sender CPU while sending %.2f s%n",
                sent.get(), secs, errors.size(), (processCpuNanos() - cpu0[0]) / 1e9);
        if (!errors.isEmpty()) {
            System.out.println("first error: " + errors.get(0));
            System.exit(1);
        }
        if (spool != null) {
            waitOnDisk(spool, (long) senders * (warm + lines), true);
        }
        if (receiver != null) {
            System.out.println("receiver CPU ticks " + ticks[0] + " " + cpuTicks(receiver));
        }
    }

    /** A process's user + system CPU time in clock ticks (/proc/PID/stat), or 0. */
    static long cpuTicks(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Waits until the *.log files under {@code dir} hold {@code total} lines, or nothing was added
     * for 20 s; prints "on disk N lines at EPOCH_MS" if asked. Reads each file's new bytes only,
     * every 10 ms, so that waiting costs the machine next to nothing (counting whole files on every
     * poll took a good part of a core at the end of a run).
     */
    static void waitOnDisk(java.nio.file.Path dir, long total, boolean print) throws Exception {
        java.util.Map<java.nio.file.Path, Long> offsets = new java.util.HashMap<>();
        byte[] buf = new byte[1 << 20];
        long lines = 0;
        long lastChange = System.nanoTime();
        long doneAt = System.currentTimeMillis();
        while (lines < total && System.nanoTime() - lastChange < 20_000_000_000L) {
            List<java.nio.file.Path> files;
            try (var walk = java.nio.file.Files.walk(dir)) {
                files = walk.filter(f -> f.toString().endsWith(".log")).toList();
            }
            long before = lines;
            for (java.nio.file.Path f : files) {
                long off = offsets.getOrDefault(f, 0L);
                try (var ch = java.nio.channels.FileChannel.open(f)) {
                    ch.position(off);
                    int n;
                    while ((n = ch.read(ByteBuffer.wrap(buf))) > 0) {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                        off += n;
                    }
                }
                offsets.put(f, off);
            }
            if (lines != before) {
                lastChange = System.nanoTime();
                doneAt = System.currentTimeMillis();
            } else {
                Thread.sleep(10);
            }
        }
        if (print) {
            System.out.println("on disk " + lines + " lines at " + doneAt);
        }
    }

    /** One sender's frames, in writes of about 60 KB (up to four full TLS records each). */
    static List<byte[]> frames(int id, int lines) {
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder b = new StringBuilder(70_000);
        for (int i = 0; i < lines; i++) {
            String msg = "<86>1 2026-12-04T10:00:00.000000+00:00 host" + id
                    + " sshd 4242 - - Accepted publickey for deploy from 10.1.2.3 port "
                    + (40000 + i % 20000) + " ssh2: line " + i;
            b.append(msg.length()).append(' ').append(msg);
            if (b.length() > 60_000 || i == lines - 1) {
                chunks.add(b.toString().getBytes(StandardCharsets.US_ASCII));
                b.setLength(0);
            }
        }
        return chunks;
    }

    /**
     * Encrypts records as TLS does (new nonce, additional data, in place) until a full record
     * takes the time of the intrinsics, or 5 s of CPU.
     */
    static void warmUpGcm() throws Exception {
        var mx = ManagementFactory.getThreadMXBean();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] buf = new byte[16_400];
        byte[] aad = {23, 3, 3, 0, 0};
        int[] sizes = {48, 180, 700, 2_000, 16_000};
        SecretKeySpec[] keys = {new SecretKeySpec(new byte[32], "AES"), new SecretKeySpec(new byte[16], "AES")};
        long t0 = mx.getCurrentThreadCpuTime();
        int fast = 0;
        for (long i = 0; fast < 3 && mx.getCurrentThreadCpuTime() - t0 < 5_000_000_000L; i++) {
            int k = i % 64 == 0 ? 4 : (int) (i % 4);
            byte[] nonce = new byte[12];
            ByteBuffer.wrap(nonce).putLong(4, i);
            long a = k == 4 ? mx.getCurrentThreadCpuTime() : 0;
            c.init(Cipher.ENCRYPT_MODE, keys[(int) (i >> 1) & 1], new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, sizes[k]);
            ByteBuffer out = ByteBuffer.wrap(buf);
            c.doFinal(bb, out);
            if (k == 4) {
                fast = mx.getCurrentThreadCpuTime() - a < 40_000 ? fast + 1 : 0;
            }
        }
    }

    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
