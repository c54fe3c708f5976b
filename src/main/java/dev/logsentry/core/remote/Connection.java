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
import java.util.List;
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
    private final SyslogFields fields = new SyslogFields();
    private HostCounters lastHost;

    /**
     * The host name the last frame claimed ({@link #lastClaimedLength} -1: none) and its spool
     * name.
     */
    private final byte[] lastClaimed = new byte[HostNames.MAX_LENGTH + 2];

    private int lastClaimedLength = -2;
    private String lastSanitized;
    private long framesRead;

    /** The batch being read: its hosts in the order they first appear, and its size. */
    private final List<HostBatch> hosts = new ArrayList<>(2);

    private HostBatch current;

    /** The first host of the last batch, reused by the next (its buffer stays allocated). */
    private HostBatch spare;

    private Instant batchNow;
    private int batchFrames;
    private int batchBytes;

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
        while (true) {
            boolean got;
            try {
                got = reader.next();
            } catch (SocketTimeoutException e) {
                if (reader.midFrame()) {
                    flush();
                    throw e;
                }
                flush();
                idle += settings.frameMillis();
                if (settings.idleMillis() > 0 && idle >= settings.idleMillis()) {
                    receiver.log("closed the idle connection from " + peer);
                    return;
                }
                continue;
            } catch (FrameException e) {
                flush();
                throw e;
            }
            if (!got) {
                flush();
                tls.close(); // answers the sender's close_notify: a clean end on both sides
                return;
            }
            idle = 0;
            framesRead++;
            add(reader.buffer(), reader.start(), reader.length());
            if (batchFrames >= BATCH_LINES || batchBytes >= BATCH_BYTES || !reader.moreBuffered()) {
                flush();
            }
        }
    }

    /** Parses a frame into its host's spool lines of the batch being read. */
    private void add(byte[] frame, int from, int length) {
        if (batchFrames == 0) {
            batchNow = Instant.now();
        }
        parser.parse(frame, from, from + length, batchNow, fields);
        String host = hostName(fields);
        HostBatch b = current;
        if (b == null || !b.host.equals(host)) {
            b = null;
            for (HostBatch other : hosts) {
                if (other.host.equals(host)) {
                    b = other;
                }
            }
            if (b == null) {
                b = spare != null && spare.host.equals(host) ? spare : new HostBatch(host);
                hosts.add(b); // nearly always just one
            }
            current = b;
        }
        b.lines.add(fields, batchNow, settings.zone());
        b.bytes += length;
        b.newestSent = fields.timed;
        b.newestSecond = fields.epochSecond;
        b.newestNanos = fields.nanos;
        batchFrames++;
        batchBytes += length;
    }

    /** Spools and classifies the lines read so far (one write per host); the batch is emptied. */
    private void flush() throws IOException, InterruptedException {
        if (batchFrames == 0) {
            return;
        }
        Instant now = batchNow;
        try {
            for (HostBatch b : hosts) {
                String host = b.host;
                int n = b.lines.lines();
                if (!receiver.admitHost(host, peer, n)) {
                    continue; // a host beyond the spool's limit: refused, counted, logged
                }
                Spool.Appended at =
                        receiver.spoolWithRetry(host, now, b.lines.bytes(), b.lines.length());
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
                c.received(
                        n,
                        b.bytes,
                        now,
                        b.newestSent ? Instant.ofEpochSecond(b.newestSecond, b.newestNanos) : null);
                receiver.classifier()
                        .put(
                                new LiveClassifier.Batch(
                                        host,
                                        peer,
                                        now,
                                        b.lines,
                                        at.file().toString(),
                                        at.offset()));
            }
        } finally {
            spare = hosts.get(0);
            for (HostBatch b : hosts) {
                b.clear();
            }
            hosts.clear();
            current = null;
            batchFrames = 0;
            batchBytes = 0;
        }
    }

    /** The spool name of the claimed host; a sender names the same host line after line. */
    private String hostName(SyslogFields f) {
        int length = f.hostFrom < 0 ? -1 : f.hostTo - f.hostFrom;
        if (length != lastClaimedLength
                || (length > 0
                        && !java.util.Arrays.equals(
                                f.bytes, f.hostFrom, f.hostTo, lastClaimed, 0, length))) {
            String claimed =
                    length < 0
                            ? null
                            : new String(f.bytes, f.hostFrom, length, StandardCharsets.ISO_8859_1);
            lastSanitized = HostNames.sanitize(claimed, plain.getInetAddress().getHostAddress());
            if (length > lastClaimed.length) {
                // a name longer than a DNS name is not kept: sanitised anew each time
                lastClaimedLength = -2;
                return lastSanitized;
            }
            if (length > 0) {
                System.arraycopy(f.bytes, f.hostFrom, lastClaimed, 0, length);
            }
            lastClaimedLength = length;
        }
        return lastSanitized;
    }

    /** The lines of one host in a batch. */
    private static final class HostBatch {
        final String host;
        final SpoolLine.Writer lines;
        long bytes;
        boolean newestSent;
        long newestSecond;
        int newestNanos;

        HostBatch(String host) {
            this.host = host;
            this.lines = new SpoolLine.Writer(host);
        }

        void clear() {
            lines.clear();
            bytes = 0;
            newestSent = false;
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
