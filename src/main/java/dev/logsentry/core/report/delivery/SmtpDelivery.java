package dev.logsentry.core.report.delivery;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Date;
import java.util.Properties;

/**
 * Mails the report with Angus Mail, as logcheck does with its {@code mail}/{@code mime-construct}
 * call: the report inline as text/plain UTF-8, or attached with its exact bytes, or (a summary
 * digest) as text and HTML alternatives. Every message carries {@code Auto-Submitted:
 * auto-generated} (RFC 3834) so vacation responders stay quiet.
 */
public final class SmtpDelivery implements Delivery {
    private final SmtpSettings settings;

    public SmtpDelivery(SmtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void deliver(FinishedReport report) throws DeliveryException {
        Session session = session();
        try {
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress(settings.from(), true));
            for (String to : settings.to()) {
                // Not strict: logcheck.conf's default SENDMAILTO is a local name ("logcheck"),
                // which the local MTA qualifies.
                msg.addRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
            }
            msg.setSubject(report.subject(), "UTF-8");
            msg.setSentDate(new Date());
            msg.setHeader("Auto-Submitted", "auto-generated");
            if (report.html() != null) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(report.bodyText(), "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(report.html(), "UTF-8", "html");
                MimeMultipart alt = new MimeMultipart("alternative");
                alt.addBodyPart(text); // least preferred first (RFC 2046)
                alt.addBodyPart(html);
                msg.setContent(alt);
            } else if (settings.attach()) {
                MimeBodyPart note = new MimeBodyPart();
                note.setText("The report is attached as " + report.fileName() + ".\n", "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(source(report, report.mediaType())));
                file.setFileName(report.fileName());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                // base64 keeps the exact bytes: a text encoding would turn \n into \r\n.
                file.setHeader("Content-Transfer-Encoding", "base64");
                msg.setContent(new MimeMultipart(note, file));
            } else {
                String subtype = report.mediaType().endsWith("/json") ? "json" : "plain";
                if (!report.content().inMemory()) {
                    // a large report is streamed from its file, never held as one string
                    msg.setDataHandler(
                            new DataHandler(
                                    source(report, report.mediaType() + "; charset=UTF-8")));
                } else if ("json".equals(subtype)) {
                    msg.setContent(report.bodyText(), "application/json; charset=UTF-8");
                } else {
                    msg.setText(report.bodyText(), "UTF-8");
                }
            }
            msg.saveChanges();
            try (Transport t = session.getTransport(protocol())) {
                t.connect(settings.host(), settings.port(), settings.user(), settings.password());
                t.sendMessage(msg, msg.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new DeliveryException(
                    "could not mail the report " + describe() + ": " + causes(e), e);
        }
    }

    /** The body as a data source: from memory when small, read from its file when large. */
    private static DataSource source(FinishedReport report, String type) {
        if (report.content().inMemory()) {
            return new ByteArrayDataSource(report.body(), type);
        }
        return new DataSource() {
            @Override
            public InputStream getInputStream() throws IOException {
                return report.content().open();
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                throw new IOException("read-only");
            }

            @Override
            public String getContentType() {
                return type;
            }

            @Override
            public String getName() {
                return report.fileName();
            }
        };
    }

    private String protocol() {
        return settings.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp";
    }

    Session session() {
        String p = "mail." + protocol() + ".";
        Properties props = new Properties();
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        String timeout = Integer.toString(settings.timeoutMillis());
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "auth", Boolean.toString(settings.user() != null));
        switch (settings.security()) {
            case STARTTLS -> {
                props.put(p + "starttls.enable", "true");
                props.put(p + "starttls.required", "true");
            }
            case STARTTLS_OPTIONAL -> props.put(p + "starttls.enable", "true");
            case SMTPS -> props.put(p + "ssl.enable", "true");
            case NONE -> {}
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (settings.sslTrust() != null) {
            props.put(p + "ssl.trust", settings.sslTrust());
        }
        props.putAll(settings.extra());
        Authenticator auth =
                settings.user() == null
                        ? null
                        : new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(
                                        settings.user(), settings.password());
                            }
                        };
        return Session.getInstance(props, auth);
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(": ").append(c.getMessage());
        }
        return b.toString();
    }

    @Override
    public String describe() {
        return "to "
                + String.join(", ", settings.to())
                + " via "
                + settings.host()
                + ":"
                + settings.port();
    }
}
