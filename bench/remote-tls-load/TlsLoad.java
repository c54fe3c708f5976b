import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Load generator for bench/remote-tls-load: SENDERS concurrent TLS connections to 127.0.0.1:PORT,
 * each sending LINES octet-counted RFC 5424 messages as fast as TCP lets it (closed loop: a slower
 * receiver slows the senders down instead of losing lines). Prints "sent N lines in S s".
 * Run: java TlsLoad.java PORT SENDERS LINES
 */
public class TlsLoad {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int senders = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[2]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < senders; s++) {
            int id = s;
            Thread t = new Thread(() -> {
                try (SSLSocket sock = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
                    sock.startHandshake();
                    OutputStream out = sock.getOutputStream();
                    StringBuilder b = new StringBuilder(70_000);
                    for (int i = 0; i < lines; i++) {
                        String msg = "<86>1 2026-12-04T10:00:00.000000+00:00 host" + id
                                + " sshd 4242 - - Accepted publickey for deploy from 10.1.2.3 port "
                                + (40000 + i % 20000) + " ssh2: line " + i;
                        b.append(msg.length()).append(' ').append(msg);
                        if (b.length() > 60_000 || i == lines - 1) {
                            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                            b.setLength(0);
                        }
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
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %d lines in %.2f s (%d errors)%n", sent.get(), secs, errors.size());
        if (!errors.isEmpty()) {
            System.out.println("first error: " + errors.get(0));
            System.exit(1);
        }
    }
}
