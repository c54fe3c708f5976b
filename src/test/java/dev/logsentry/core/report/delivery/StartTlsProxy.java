package dev.logsentry.core.report.delivery;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback SMTP front end that offers STARTTLS, upgrades the connection with GreenMail's built-in
 * certificate, and then relays the TLS-protected session to GreenMail's plain SMTP server
 * (GreenMail 2.1 itself offers SMTPS but no STARTTLS). The mail still lands in GreenMail; this only
 * adds the STARTTLS handshake a real submission server performs. One connection at a time, test use
 * only.
 */
final class StartTlsProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int backendPort;
    private final SSLContext tls;
    private final AtomicBoolean upgraded = new AtomicBoolean();
    private final Thread acceptor;

    StartTlsProxy(int backendPort) throws Exception {
        this.backendPort = backendPort;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(new DummySSLServerSocketFactory().getKeyStore(), "changeit".toCharArray());
        this.tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        this.acceptor = new Thread(this::serve, "starttls-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Whether a client completed STARTTLS. */
    boolean upgraded() {
        return upgraded.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                handle(client);
            } catch (IOException e) {
                // closed or the client gave up; the test's assertions tell what matters
            }
        }
    }

    private void handle(Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        write(out, "220 localhost ESMTP starttls-proxy");
        String line;
        while ((line = in.readLine()) != null) {
            String cmd = line.toUpperCase(java.util.Locale.ROOT);
            if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                write(out, "250-localhost\r\n250 STARTTLS");
            } else if (cmd.equals("STARTTLS")) {
                write(out, "220 2.0.0 Ready to start TLS");
                SSLSocket ssl =
                        (SSLSocket)
                                tls.getSocketFactory()
                                        .createSocket(client, "localhost", client.getPort(), false);
                ssl.setUseClientMode(false);
                ssl.startHandshake();
                upgraded.set(true);
                relay(ssl);
                return;
            } else if (cmd.equals("QUIT")) {
                write(out, "221 bye");
                return;
            } else {
                write(out, "530 5.7.0 Must issue a STARTTLS command first");
            }
        }
    }

    /** Pipes the TLS session to GreenMail, dropping GreenMail's greeting (the client had ours). */
    private void relay(SSLSocket ssl) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            InputStream bin = backend.getInputStream();
            int c;
            while ((c = bin.read()) >= 0 && c != '\n') {
                // skip the 220 greeting line
            }
            Thread up = pump(ssl.getInputStream(), backend.getOutputStream());
            pump(bin, ssl.getOutputStream()).join();
            up.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ssl.close();
        }
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[8192];
                            try {
                                int n;
                                while ((n = from.read(buf)) >= 0) {
                                    to.write(buf, 0, n);
                                    to.flush();
                                }
                            } catch (IOException e) {
                                // the other side closed
                            }
                        },
                        "starttls-proxy-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
