package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code logsentry summary} through picocli on real files, and mail to a real SMTP server. */
class SummaryCommandTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(
                    ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    @TempDir Path tmp;
    Path logdir;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final StringWriter stderr = new StringWriter();

    @BeforeEach
    void logs() throws Exception {
        logdir = Files.createDirectories(tmp.resolve("log"));
        // "now" is the clock below: 2026-12-04 12:00 in the JVM's zone
        Files.writeString(
                logdir.resolve("auth.log"),
                "Dec  4 10:00:01 web1 sshd[1]: Accepted publickey for alice from 10.0.0.5 port 1 ssh2\n"
                        + "Dec  4 10:00:02 web1 sshd[2]: Failed password for root from 203.0.113.9 port 2 ssh2\n"
                        + "Dec  4 10:00:03 web1 su[3]: FAILED SU (to root) alice on pts/0\n");
        try (OutputStream o =
                new GZIPOutputStream(Files.newOutputStream(logdir.resolve("auth.log.2.gz")))) {
            o.write(
                    "Dec  1 10:00:01 web1 sshd[1]: Accepted password for bob from 10.0.0.6 port 1 ssh2\n"
                            .getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(
                logdir.resolve("auth.log.2.gz"),
                java.nio.file.attribute.FileTime.from(Instant.parse("2026-12-01T23:00:00Z")));
    }

    private int run(String... args) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneId.systemDefault());
        CommandLine cl =
                new CommandLine(new SummaryCommand(stdout, Map.of("HOME", tmp.toString()), clock));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textDigestForTodayLikeLogwatch() {
        int rc =
                run(
                        "--logdir",
                        logdir.toString(),
                        "--range",
                        "today",
                        "--detail",
                        "High",
                        "--numeric",
                        "--hostname",
                        "web1");
        assertThat(rc).as(stderr.toString()).isZero();
        assertThat(out())
                .contains("Logfiles for Host: web1")
                .contains(" --------------------- SSHD Begin ------------------------ ")
                .contains(" Users logging in through sshd: 1 Time(s)")
                .contains("    alice: 1 Time(s)")
                .contains(" Failed su: 1 Time(s)")
                .doesNotContain("bob");
    }

    @Test
    void aRangeIntoThePastReadsTheCompressedArchive() {
        int rc =
                run(
                        "--logdir",
                        logdir.toString(),
                        "--range",
                        "between -5 days and today",
                        "--service",
                        "sshd",
                        "--detail",
                        "Med");
        assertThat(rc).as(stderr.toString()).isZero();
        assertThat(out())
                .contains("    bob: 1 Time(s)")
                .contains("    alice: 1 Time(s)")
                .doesNotContain("su Begin");
    }

    @Test
    void lowDetailShowsOnlyTheNumbers() {
        assertThat(
                        run(
                                "--logdir",
                                logdir.toString(),
                                "--range",
                                "today",
                                "--service",
                                "All",
                                "--service",
                                "-su"))
                .isZero();
        assertThat(out())
                .contains(" Users logging in through sshd: 1 Time(s)")
                .doesNotContain("alice")
                .doesNotContain("su Begin");
    }

    @Test
    void htmlToAFileOwnerOnly() throws Exception {
        Path f = tmp.resolve("digest.html");
        int rc =
                run(
                        "--logdir",
                        logdir.toString(),
                        "--range",
                        "today",
                        "--format",
                        "html",
                        "--output",
                        "file",
                        "--filename",
                        f.toString());
        assertThat(rc).as(stderr.toString()).isZero();
        String html = Files.readString(f);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<nav class=\"toc\">")
                .contains("prefers-color-scheme:dark")
                .contains("<section id=\"h1-sshd\">")
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
    }

    @Test
    void mailCarriesTextAndHtmlAsAlternatives() throws Exception {
        int rc =
                run(
                        "--logdir",
                        logdir.toString(),
                        "--range",
                        "today",
                        "--output",
                        "mail",
                        "--mailto",
                        "admin@localhost",
                        "--smtp-host",
                        "127.0.0.1",
                        "--smtp-port",
                        Integer.toString(GREEN_MAIL.getSmtp().getPort()),
                        "--hostname",
                        "web1");
        assertThat(rc).as(stderr.toString()).isZero();
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("LogSentry summary for web1");
        assertThat(got[0].getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(got[0].getContentType()).startsWith("multipart/alternative");
        MimeMultipart mp = (MimeMultipart) got[0].getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        assertThat(mp.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) mp.getBodyPart(0).getContent()).contains("SSHD Begin");
        assertThat(mp.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) mp.getBodyPart(1).getContent()).contains("<h2>SSHD</h2>");
    }

    @Test
    void badInputIsAUsageErrorWithAClearMessage() {
        assertThat(run("--logdir", logdir.toString(), "--range", "next blue moon")).isEqualTo(2);
        assertThat(stderr.toString()).contains("cannot read the date 'next blue moon'");
        assertThat(run("--service", "nosuch", "--logdir", logdir.toString())).isEqualTo(2);
        assertThat(stderr.toString()).contains("no service 'nosuch'; known: cron, dnscache");
        assertThat(run("--output", "mail")).isEqualTo(2);
        assertThat(stderr.toString()).contains("--output mail needs --mailto");
        assertThat(run("--detail", "extreme")).isEqualTo(2);
        assertThat(
                        run(
                                "--logdir",
                                logdir.toString(),
                                "--logfile",
                                "missing.log",
                                "--range",
                                "today"))
                .isEqualTo(1);
        assertThat(stderr.toString()).contains("missing.log: no such file");
        assertThat(stderr.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void registeredAsASubcommand() {
        assertThat(LogSentryCommand.subcommandNames()).contains("summary");
        assertThat(
                        List.of(
                                LogSentryCommand.commandLine()
                                        .getSubcommands()
                                        .get("summary")
                                        .getUsageMessage()))
                .anySatisfy(
                        u ->
                                assertThat(u)
                                        .contains("--hostformat")
                                        .contains("--mailto")
                                        .contains("--smtp-security"));
    }

    @Test
    void hostsSplitIntoPartsOrIntoMails() throws Exception {
        Files.writeString(
                logdir.resolve("syslog"),
                "Dec  4 10:17:01 web1 CRON[1]: (root) CMD (a)\n"
                        + "Dec  4 10:17:01 web2 CRON[1]: (root) CMD (b)\n");
        assertThat(
                        run(
                                "--logdir",
                                logdir.toString(),
                                "--range",
                                "today",
                                "--service",
                                "cron",
                                "--hostformat",
                                "split"))
                .isZero();
        assertThat(out()).contains("Logfiles for Host: web1").contains("Logfiles for Host: web2");
        int rc =
                run(
                        "--logdir",
                        logdir.toString(),
                        "--range",
                        "today",
                        "--service",
                        "cron",
                        "--hostformat",
                        "splitmail",
                        "--output",
                        "mail",
                        "--mailto",
                        "admin@localhost",
                        "--smtp-host",
                        "127.0.0.1",
                        "--smtp-port",
                        Integer.toString(GREEN_MAIL.getSmtp().getPort()));
        assertThat(rc).as(stderr.toString()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages())
                .extracting(m -> m.getSubject())
                .containsExactlyInAnyOrder(
                        "LogSentry summary for web1", "LogSentry summary for web2");
    }
}
