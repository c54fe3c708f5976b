package dev.logsentry.core.remote;

/**
 * The configuration to paste on a server so that its rsyslog sends to this receiver: RFC 5425 over
 * TLS with the GnuTLS driver, the receiver authenticated by its certificate fingerprint (no CA
 * needed), a disk-assisted queue so nothing is lost while the receiver is away.
 */
public final class SenderSnippets {
    private SenderSnippets() {}

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
