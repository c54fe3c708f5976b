package dev.logsentry.core.remote;

import static dev.logsentry.core.remote.TestReceivers.connect;
import static dev.logsentry.core.remote.TestReceivers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.FinishedReport;
import dev.logsentry.core.report.delivery.SmtpDelivery;
import dev.logsentry.core.report.delivery.SmtpSettings;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Live alerts through a real SMTP server: batched per window, rate-limited into a digest. */
class AlertMailerTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(
                    ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    static final String ATTACK = "device eth0 entered promiscuous mode";

    private static SmtpDelivery smtp() {
        return new SmtpDelivery(
                new SmtpSettings(
                        "127.0.0.1",
                        GREEN_MAIL.getSmtp().getPort(),
                        SmtpSettings.Security.NONE,
                        null,
                        null,
                        "logsentry@admin",
                        List.of("root@admin"),
                        false,
                        null,
                        10_000,
                        Map.of()));
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static List<RemoteLine> lines(String host, int n, String text) {
        List<RemoteLine> out = new ArrayList<>();
        SyslogParser p = new SyslogParser(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            SyslogMessage m =
                    p.parse(
                            "<4>1 2026-12-04T10:00:00Z " + host + " kernel - - - " + text,
                            Instant.now());
            byte[] spooled = SpoolLine.format(m, host, Instant.now(), ZoneOffset.UTC);
            InputLine line = InputLine.ofBytes("/spool/" + host + "/x.log", i * 100L, spooled);
            out.add(
                    new RemoteLine(
                            host,
                            "127.0.0.1:1",
                            Instant.now(),
                            line,
                            TestReceivers.CLASSIFIER.classify(line)));
        }
        return out;
    }

    @Test
    void anAttackLineReachesTheAdminWithinTheDelayAndUnusualLinesDoNot(@TempDir Path spool)
            throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AlertMailer mailer =
                        new AlertMailer(
                                new AlertSettings(false, Duration.ofMillis(300), 6, 200),
                                smtp(),
                                "admin",
                                log::add,
                                Clock.systemUTC());
                SyslogReceiver r =
                        TestReceivers.start(TestReceivers.settings(spool), Set.of(), null)) {
            r.addListener(mailer);
            try (SSLSocket s = connect(r.port(), null)) {
                send(
                        s,
                        List.of(
                                "<4>1 2026-12-04T10:00:00Z web1 kernel - - - " + ATTACK,
                                "<4>1 2026-12-04T10:00:01Z web1 kernel - - - something unusual"));
            }
            assertThat(GREEN_MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
        }
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("[logsentry] admin: 1 attack line from web1");
        String body = GreenMailUtil.getBody(got[0]);
        assertThat(body).contains("ATTACK").contains(ATTACK).doesNotContain("something unusual");
        assertThat(got[0].getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(log).anyMatch(l -> l.startsWith("mailed 1 alert line"));
    }

    @Test
    void linesOfOneWindowShareAMailAndAFloodBecomesADigest() throws Exception {
        TestClock clock = new TestClock();
        AlertMailer mailer =
                new AlertMailer(
                        new AlertSettings(false, Duration.ofMillis(300), 2, 50),
                        smtp(),
                        "admin",
                        m -> {},
                        clock);
        try {
            mailer.lines(lines("web1", 2, ATTACK));
            mailer.lines(lines("db1", 1, ATTACK));
            mailer.lines(lines("db1", 5, "an unusual line"));
            assertThat(GREEN_MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
            mailer.lines(lines("web2", 1, ATTACK));
            assertThat(GREEN_MAIL.waitForIncomingEmail(20_000, 2)).isTrue();
            // the hour's two mails are spent: a flood waits for a digest
            // built first, so the flood reaches the mailer within one window
            List<List<RemoteLine>> flood = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                flood.add(lines("web" + i, 100, ATTACK));
            }
            flood.forEach(mailer::lines);
            Thread.sleep(1_000);
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
            clock.now.set(clock.now.get().plus(Duration.ofMinutes(61)));
            mailer.flush();
            assertThat(GREEN_MAIL.waitForIncomingEmail(20_000, 3)).isTrue();
        } finally {
            mailer.close();
        }
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(3);
        assertThat(got[0].getSubject())
                .isEqualTo("[logsentry] admin: 3 attack lines from db1, web1");
        assertThat(got[1].getSubject()).isEqualTo("[logsentry] admin: 1 attack line from web2");
        assertThat(got[2].getSubject())
                .startsWith("[logsentry] digest: admin: 1000 attack lines from");
        String digest = GreenMailUtil.getBody(got[2]);
        assertThat(digest)
                .contains("1000 attack lines from 10 hosts")
                .contains("mail limit of 2 an hour")
                .contains("950 more lines are not quoted");
    }

    @Test
    void closingWhileTheTimersMailIsBeingSentMailsTheLinesOnce() throws Exception {
        List<FinishedReport> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        Delivery slow =
                new Delivery() {
                    @Override
                    public void deliver(FinishedReport report) {
                        sending.countDown();
                        // like a socket write, an interrupt does not stop it
                        long until = System.nanoTime() + 400_000_000L;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        delivered.add(report);
                    }

                    @Override
                    public String describe() {
                        return "slowly";
                    }
                };
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        AlertMailer mailer =
                new AlertMailer(
                        new AlertSettings(false, Duration.ZERO, 6, 200),
                        slow,
                        "admin",
                        log::add,
                        Clock.systemUTC());
        mailer.lines(lines("web1", 3, ATTACK));
        assertThat(sending.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        mailer.close(); // the timer's flush is in deliver() now
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).subject())
                .isEqualTo("[logsentry] admin: 3 attack lines from web1");
        assertThat(log).containsExactly("mailed 3 alert line(s) slowly");
    }

    /**
     * A delivery the test holds in deliver() until released; it fails while {@code failing} is set.
     */
    static final class HeldDelivery implements Delivery {
        final java.util.concurrent.CountDownLatch sending =
                new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release =
                new java.util.concurrent.CountDownLatch(1);
        final List<FinishedReport> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public void deliver(FinishedReport report)
                throws dev.logsentry.core.report.delivery.DeliveryException {
            sending.countDown();
            try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new dev.logsentry.core.report.delivery.DeliveryException(
                        "the mail server refused", null);
            }
            delivered.add(report);
        }

        @Override
        public String describe() {
            return "held";
        }
    }

    @Test
    void linesArrivingWhileAMailIsSentHaveTheNextMailsWholeQuota() throws Exception {
        HeldDelivery held = new HeldDelivery();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        AlertMailer mailer =
                new AlertMailer(
                        new AlertSettings(false, Duration.ofMillis(50), 6, 50),
                        held,
                        "admin",
                        log::add,
                        Clock.systemUTC());
        mailer.lines(lines("web1", 1, ATTACK));
        assertThat(held.sending.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        mailer.lines(lines("web2", 60, ATTACK)); // while the first mail is in deliver()
        held.release.countDown();
        mailer.close();
        assertThat(held.delivered).hasSize(2);
        assertThat(held.delivered.get(0).subject())
                .isEqualTo("[logsentry] admin: 1 attack line from web1");
        String second = held.delivered.get(1).bodyText();
        assertThat(held.delivered.get(1).subject())
                .isEqualTo("[logsentry] admin: 60 attack lines from web2");
        assertThat(second.lines().filter(l -> l.startsWith("ATTACK")).count()).isEqualTo(50);
        assertThat(second).contains("== web2 (60 lines").contains("10 more lines are not quoted");
    }

    @Test
    void aFailedMailKeepsItsLinesAheadOfThoseThatArrivedMeanwhile() throws Exception {
        HeldDelivery held = new HeldDelivery();
        held.failing = true;
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        AlertMailer mailer =
                new AlertMailer(
                        new AlertSettings(false, Duration.ofHours(1), 6, 50),
                        held,
                        "admin",
                        log::add,
                        Clock.systemUTC());
        mailer.lines(lines("web1", 2, ATTACK));
        Thread flush = new Thread(mailer::flush);
        flush.start();
        assertThat(held.sending.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        mailer.lines(lines("web2", 3, ATTACK));
        held.release.countDown();
        flush.join(20_000);
        assertThat(held.delivered).isEmpty();
        assertThat(log).anyMatch(l -> l.startsWith("the mail server refused; trying again"));
        held.failing = false;
        mailer.close();
        assertThat(held.delivered).hasSize(1);
        assertThat(held.delivered.get(0).subject())
                .isEqualTo("[logsentry] admin: 5 attack lines from web1, web2");
        String body = held.delivered.get(0).bodyText();
        assertThat(body.indexOf("== web1 (2 lines"))
                .isGreaterThanOrEqualTo(0)
                .isLessThan(body.indexOf("== web2 (3 lines"));
    }
}
