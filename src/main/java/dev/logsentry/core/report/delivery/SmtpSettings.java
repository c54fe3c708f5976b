package dev.logsentry.core.report.delivery;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to send a report by SMTP.
 *
 * @param host SMTP server
 * @param port its port (25, 587 for submission with STARTTLS, 465 for SMTPS)
 * @param security plain, STARTTLS (required or optional) or SMTPS
 * @param user login name, or null for no authentication
 * @param password the password (read from a file or the environment, never the command line)
 * @param from sender address
 * @param to recipients
 * @param attach send the report as an attachment instead of the mail body (logcheck MAILASATTACH)
 * @param sslTrust hosts whose certificates are trusted without validation ({@code
 *     mail.smtp.ssl.trust}), or null to validate normally
 * @param timeoutMillis connect, read and write timeout
 * @param extra further {@code mail.smtp.*} properties, for what the options above do not cover
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        String user,
        String password,
        String from,
        List<String> to,
        boolean attach,
        String sslTrust,
        int timeoutMillis,
        Map<String, String> extra) {

    /** Transport security. */
    public enum Security {
        /** No TLS (only for a local relay). */
        NONE,
        /** STARTTLS, and fail when the server does not offer it. */
        STARTTLS,
        /** STARTTLS when offered, plain otherwise. */
        STARTTLS_OPTIONAL,
        /** TLS from the first byte (port 465). */
        SMTPS
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "SMTP host");
        Objects.requireNonNull(security, "SMTP security");
        Objects.requireNonNull(from, "mail sender");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("no mail recipient");
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "SmtpSettings["
                + security
                + " "
                + host
                + ":"
                + port
                + ", user="
                + user
                + ", from="
                + from
                + ", to="
                + to
                + ", attach="
                + attach
                + "]";
    }
}
