package dev.logsentry.core.remote;

import java.security.cert.X509Certificate;

/**
 * The configuration to paste on a server so that its rsyslog sends to this receiver: RFC 5425 over
 * TLS with the GnuTLS driver, the receiver authenticated by its certificate fingerprint (no CA
 * needed), a disk-assisted queue so nothing is lost while the receiver is away.
 */
public final class SenderSnippets {
    private SenderSnippets() {}

    /**
     * What {@code logsentry serve --fingerprint} prints and the workbench shows: the certificate,
     * its SHA-256, RFC 5425 ({@code sha-1:}) and SHA-1 fingerprints, then the rsyslog lines for a
     * server sending to {@code receiverHost:port}.
     */
    public static String sheet(X509Certificate c, String receiverHost, int port, boolean mutual) {
        StringBuilder b = new StringBuilder();
        b.append("Certificate: ")
                .append(c.getSubjectX500Principal().getName())
                .append(", valid until ")
                .append(c.getNotAfter().toInstant())
                .append('\n');
        b.append("SHA-256:     ").append(Fingerprints.sha256(c)).append('\n');
        b.append("RFC 5425:    ").append(Fingerprints.rfc5425(c)).append('\n');
        b.append("SHA-1:       ").append(Fingerprints.sha1(c)).append('\n');
        b.append('\n');
        b.append("On each server that sends its logs here:\n");
        b.append(rsyslog(receiverHost, port, Fingerprints.sha1(c), Fingerprints.sha256(c), mutual));
        return b.toString();
    }

    /**
     * rsyslog's configuration for a server sending to {@code receiverHost:port}.
     *
     * @param sha1 the receiver's SHA-1 fingerprint ({@code SHA1:...}): the one that Debian 12's
     *     rsyslog 8.2302 GnuTLS driver matches (checked: it refuses the SHA256 form)
     * @param sha256 the SHA-256 fingerprint, for newer senders
     * @param mutual whether the receiver requires client certificates
     */
    public static String rsyslog(
            String receiverHost, int port, String sha1, String sha256, boolean mutual) {
        StringBuilder b = new StringBuilder();
        b.append("# /etc/rsyslog.d/60-logsentry.conf (apt-get install rsyslog-gnutls), then:")
                .append(" systemctl restart rsyslog\n");
        b.append("global(DefaultNetstreamDriverCAFile=\"/etc/ssl/certs/ca-certificates.crt\"");
        if (mutual) {
            b.append(
                            "\n       DefaultNetstreamDriverCertFile=\"/etc/rsyslog.d/logsentry-client-cert.pem\"")
                    .append(
                            "\n       DefaultNetstreamDriverKeyFile=\"/etc/rsyslog.d/logsentry-client-key.pem\"");
        }
        b.append(")\n");
        b.append("*.* action(type=\"omfwd\" target=\"")
                .append(receiverHost)
                .append("\" port=\"")
                .append(port)
                .append("\" protocol=\"tcp\"\n");
        b.append("       StreamDriver=\"gtls\" StreamDriverMode=\"1\"")
                .append(" StreamDriverAuthMode=\"x509/fingerprint\"\n");
        b.append(
                "       # rsyslog 8.2302 (Debian 12) gtls matches only the SHA1 form; newer ones\n");
        b.append("       # also take StreamDriverPermittedPeers=\"").append(sha256).append("\"\n");
        b.append("       StreamDriverPermittedPeers=\"").append(sha1).append("\"\n");
        b.append(
                "       template=\"RSYSLOG_SyslogProtocol23Format\" TCP_Framing=\"octet-counted\"\n");
        b.append("       queue.type=\"LinkedList\" queue.filename=\"logsentry-fwd\"")
                .append(" queue.saveOnShutdown=\"on\" action.resumeRetryCount=\"-1\")\n");
        return b.toString();
    }
}
