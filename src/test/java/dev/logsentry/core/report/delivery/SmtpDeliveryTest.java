package dev.logsentry.core.report.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mails reports to GreenMail, a real SMTP server on loopback. */
class SmtpDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(
                            ServerSetup.dynamicPort(
                                    new ServerSetup[] {
                                        ServerSetupTest.SMTP, ServerSetupTest.SMTPS
                                    }))
                    .withConfiguration(
                            GreenMailConfiguration.aConfig().withUser("checker", "s3cret"));

    private static final FinishedReport REPORT =
            new FinishedReport(
                    "web1 2026-03-05 04:05 +0000 Security Events",
                    "Security Events\n=-=-=-=-=-=-=-=\nMar  5 04:05:06 web1 sudo: ünïcode \n\n"
                            .getBytes(StandardCharsets.UTF_8),
                    "text/plain",
                    "logcheck-web1.txt");

    private static SmtpSettings settings(
            int port,
            SmtpSettings.Security security,
            String user,
            String password,
            boolean attach) {
        return new SmtpSettings(
                "127.0.0.1",
                port,
                security,
                user,
                password,
                "logcheck@web1.example",
                List.of("admin@localhost"),
                attach,
                security == SmtpSettings.Security.NONE ? null : "*",
                10_000,
                // GreenMail's built-in certificate does not name 127.0.0.1.
                Map.of(
                        "mail.smtp.ssl.checkserveridentity",
                        "false",
                        "mail.smtps.ssl.checkserveridentity",
                        "false"));
    }

    private static MimeMessage onlyMessage() {
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        return got[0];
    }

    @Test
    void aPlainMailCarriesSubjectAutoSubmittedAndTheReportInline() throws Exception {
        new SmtpDelivery(
                        settings(
                                GREEN_MAIL.getSmtp().getPort(),
                                SmtpSettings.Security.NONE,
                                null,
                                null,
                                false))
                .deliver(REPORT);

        MimeMessage m = onlyMessage();
        assertThat(m.getSubject()).isEqualTo(REPORT.subject());
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(m.getAllRecipients())
                .extracting(Object::toString)
                .containsExactly("admin@localhost");
        assertThat(m.getFrom())
                .extracting(Object::toString)
                .containsExactly("logcheck@web1.example");
        assertThat(m.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
        // Mail text travels with CRLF line ends (RFC 5322) and the final line end merges into the
        // SMTP terminator; the content is otherwise unchanged.
        assertThat(((String) m.getContent()).replace("\r\n", "\n").replaceAll("\n+$", ""))
                .isEqualTo(REPORT.bodyText().replaceAll("\n+$", ""));
    }

    @Test
    void authenticatedMailAsAnAttachmentKeepsTheReportsExactBytes() throws Exception {
        new SmtpDelivery(
                        settings(
                                GREEN_MAIL.getSmtp().getPort(),
                                SmtpSettings.Security.NONE,
                                "checker",
                                "s3cret",
                                true))
                .deliver(REPORT);

        MimeMultipart parts = (MimeMultipart) onlyMessage().getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("logcheck-web1.txt");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(REPORT.body());
    }

    @Test
    void aWrongPasswordFailsTheDelivery() {
        SmtpDelivery d =
                new SmtpDelivery(
                        settings(
                                GREEN_MAIL.getSmtp().getPort(),
                                SmtpSettings.Security.NONE,
                                "checker",
                                "wrong",
                                false));
        assertThatThrownBy(() -> d.deliver(REPORT))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("could not mail the report");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpsWithAuthentication() throws Exception {
        new SmtpDelivery(
                        settings(
                                GREEN_MAIL.getSmtps().getPort(),
                                SmtpSettings.Security.SMTPS,
                                "checker",
                                "s3cret",
                                false))
                .deliver(REPORT);
        assertThat(onlyMessage().getSubject()).isEqualTo(REPORT.subject());
    }

    @Test
    void starttlsUpgradesTheConnectionBeforeAuthenticating() throws Exception {
        try (StartTlsProxy proxy = new StartTlsProxy(GREEN_MAIL.getSmtp().getPort())) {
            new SmtpDelivery(
                            settings(
                                    proxy.port(),
                                    SmtpSettings.Security.STARTTLS,
                                    "checker",
                                    "s3cret",
                                    false))
                    .deliver(REPORT);
            assertThat(proxy.upgraded()).isTrue();
        }
        assertThat(onlyMessage().getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void requiredStarttlsRefusesAServerThatDoesNotOfferIt() {
        SmtpDelivery d =
                new SmtpDelivery(
                        settings(
                                GREEN_MAIL.getSmtp().getPort(),
                                SmtpSettings.Security.STARTTLS,
                                "checker",
                                "s3cret",
                                false));
        assertThatThrownBy(() -> d.deliver(REPORT)).isInstanceOf(DeliveryException.class);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void optionalStarttlsFallsBackToPlainWhenNotOffered() throws Exception {
        new SmtpDelivery(
                        settings(
                                GREEN_MAIL.getSmtp().getPort(),
                                SmtpSettings.Security.STARTTLS_OPTIONAL,
                                null,
                                null,
                                false))
                .deliver(REPORT);
        assertThat(onlyMessage().getSubject()).isEqualTo(REPORT.subject());
    }

    @Test
    void anUnreachableServerIsADeliveryFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpDelivery d =
                new SmtpDelivery(
                        settings(closedPort, SmtpSettings.Security.NONE, null, null, false));
        assertThatThrownBy(() -> d.deliver(REPORT))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }
}
