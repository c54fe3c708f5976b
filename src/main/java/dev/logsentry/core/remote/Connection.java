package dev.logsentry.core.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * One sender's connection, on its own thread: tells TLS from plain text by the first byte, runs the
 * handshake under a deadline, then reads frames, spools them in batches (one write per host and
 * batch) and queues them for classification. Every way it can end badly is one log line naming the
 * peer, and one counter.
 */
final class Connection implements Runnable {
    private static final int BATCH_LINES = 512;
    private static final int BATCH_BYTES = 256 * 1024;
    private static final byte TLS_HANDSHAKE = 0x16;

    private final SyslogReceiver receiver;
    private final Socket plain;
    private final String peer;
    private final ReceiverSettings settings;
    private final SyslogParser parser;
    private HostCounters lastHost;
    private String lastClaimed;
    private String lastSanitized;
    private long framesRead;

    Connection(SyslogReceiver receiver, Socket plain, String peer) {
        this.receiver = receiver;
        this.plain = plain;
        this.peer = peer;
        this.settings = receiver.settings();
        this.parser = new SyslogParser(settings.zone());
    }

    @Override
    public void run() {
        try (Socket s = plain) {
            SSLSocket tls = handshake();
            if (tls != null) {
                readFrames(tls);
            }
        } catch (FrameException e) {
            reject(e.reason(), e.getMessage());
        } catch (SocketTimeoutException e) {
            reject(
                    Rejection.FRAME_TIMEOUT,
                    "a frame was not completed within " + settings.frameMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!receiver.closing()) {
                receiver.log(
                        "connection from "
                                + peer
                                + " ended: "
                                + describe(e)
                                + (framesRead == 0
                                        ? " (right after the TLS handshake, before any message:"
                                                + " if the sender refused this certificate, check"
                                                + " its permitted fingerprint against serve"
                                                + " --fingerprint)"
                                        : ""));
            }
        } finally {
            receiver.connectionClosed(this, plain.getInetAddress(), lastHost);
        }
    }

    private SSLSocket handshake() throws IOException {
        plain.setSoTimeout(settings.handshakeMillis());
        plain.setTcpNoDelay(true);
        InputStream raw = plain.getInputStream();
        byte[] head = new byte[8];
        int n;
        try {
            n = raw.read(head);
        } catch (SocketTimeoutException e) {
            reject(
                    Rejection.HANDSHAKE_TIMEOUT,
                    "sent nothing within " + settings.handshakeMillis() + " ms");
            return null;
        }
        if (n <= 0) {
            return null; // a port probe: connected and closed
        }
        if (head[0] != TLS_HANDSHAKE) {
            notTls(head, n, plain.getOutputStream());
            return null;
        }
        SSLSocket tls = receiver.tls().wrap(plain, new ByteArrayInputStream(head, 0, n));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            reject(
                    Rejection.HANDSHAKE_TIMEOUT,
                    "did not finish the TLS handshake within "
                            + settings.handshakeMillis()
                            + " ms");
            return null;
        } catch (SSLException e) {
            CertificateException ce = certificateCause(e);
            if (ce != null) {
                reject(Rejection.CLIENT_CERTIFICATE, ce.getMessage());
            } else {
                reject(Rejection.HANDSHAKE_FAILED, describe(e));
            }
            return null;
        }
        return tls;
    }

    private void notTls(byte[] head, int n, OutputStream out) {
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (text.matches("(GET|POST|HEAD|PUT|OPTIONS|DELETE|CONNECT|PATCH) .*")) {
            try {
                out.write(
                        ("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n"
                                        + "Content-Type: text/plain\r\n\r\n"
                                        + "This port receives syslog over TLS (RFC 5425), not HTTP.\n")
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // it has gone already
            }
            reject(Rejection.HTTP, "sent an HTTP request to the TLS syslog port");
        } else if (head[0] == '<' || (head[0] >= '1' && head[0] <= '9')) {
            reject(
                    Rejection.NOT_TLS,
                    "sent plain syslog without TLS; configure its TLS driver (see serve --fingerprint)");
        } else if (printable(head, n)) {
            reject(Rejection.NOT_TLS, "sent plain text instead of a TLS handshake");
        } else {
            reject(Rejection.NOT_TLS, "sent binary data that is not a TLS handshake");
        }
    }

    private void readFrames(SSLSocket tls) throws IOException, InterruptedException {
        tls.setSoTimeout(settings.frameMillis());
        FrameReader reader = new FrameReader(tls.getInputStream(), settings.maxFrame());
        long idle = 0;
        List<String> frames = new ArrayList<>();
        int batchBytes = 0;
        while (true) {
            boolean got;
            try {
                got = reader.next();
            } catch (SocketTimeoutException e) {
                if (reader.midFrame()) {
                    flush(frames);
                    throw e;
                }
                flush(frames);
                batchBytes = 0;
                idle += settings.frameMillis();
                if (settings.idleMillis() > 0 && idle >= settings.idleMillis()) {
                    receiver.log("closed the idle connection from " + peer);
                    return;
                }
                continue;
            } catch (FrameException e) {
                flush(frames);
                throw e;
            }
            if (!got) {
                flush(frames);
                tls.close(); // answers the sender's close_notify: a clean end on both sides
                return;
            }
            idle = 0;
            framesRead++;
            frames.add(
                    new String(
                            reader.buffer(),
                            reader.start(),
                            reader.length(),
                            StandardCharsets.ISO_8859_1));
            batchBytes += reader.length();
            if (frames.size() >= BATCH_LINES
                    || batchBytes >= BATCH_BYTES
                    || !reader.moreBuffered()) {
                flush(frames);
                batchBytes = 0;
            }
        }
    }

    /** Parses, spools and queues the frames read so far; the list is emptied. */
    private void flush(List<String> frames) throws IOException, InterruptedException {
        if (frames.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        // one group per host, in the order hosts first appear (nearly always just one)
        Map<String, HostBatch> byHost = new LinkedHashMap<>();
        HostBatch current = null;
        String fallback = plain.getInetAddress().getHostAddress();
        for (String f : frames) {
            SyslogMessage m = parser.parse(f, now);
            String host = hostName(m.host(), fallback);
            if (current == null || !current.host.equals(host)) {
                current = byHost.computeIfAbsent(host, HostBatch::new);
            }
            current.messages.add(m);
            current.lines.add(SpoolLine.format(m, host, now, settings.zone()));
            current.bytes += f.length();
        }
        frames.clear();
        for (HostBatch b : byHost.values()) {
            String host = b.host;
            List<SyslogMessage> msgs = b.messages;
            if (!receiver.admitHost(host, peer, msgs.size())) {
                continue; // a host beyond the spool's limit: refused, counted, logged
            }
            Spool.Appended at = receiver.spoolWithRetry(host, now, b.lines);
            if (at == null) {
                return; // closing: the lines were not written and do not count
            }
            HostCounters c = receiver.host(host, peer);
            if (c != lastHost) {
                if (lastHost != null) {
                    lastHost.connections.decrementAndGet();
                }
                c.connections.incrementAndGet();
                lastHost = c;
            }
            c.received(msgs.size(), b.bytes, now, msgs.get(msgs.size() - 1).timestamp());
            receiver.classifier()
                    .put(
                            new LiveClassifier.Batch(
                                    host,
                                    peer,
                                    now,
                                    msgs,
                                    b.lines,
                                    at.file().toString(),
                                    at.offset()));
        }
    }

    /** The spool name of a claimed host; a sender names the same host line after line. */
    private String hostName(String claimed, String fallback) {
        if (claimed == null || !claimed.equals(lastClaimed)) {
            lastSanitized = HostNames.sanitize(claimed, fallback);
            lastClaimed = claimed;
        }
        return lastSanitized;
    }

    /** The lines of one host in a flush. */
    private static final class HostBatch {
        final String host;
        final List<SyslogMessage> messages = new ArrayList<>();
        final List<byte[]> lines = new ArrayList<>();
        long bytes;

        HostBatch(String host) {
            this.host = host;
        }
    }

    private void reject(Rejection why, String message) {
        receiver.rejected(why, peer, lastHost, message);
    }

    String peer() {
        return peer;
    }

    void closeSocket() {
        try {
            plain.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static boolean printable(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static CertificateException certificateCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException ce) {
                return ce;
            }
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("Empty client certificate chain") || m.contains("certificate_required")) {
            return new CertificateException("the client sent no certificate");
        }
        return null;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
