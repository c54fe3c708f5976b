package dev.logsentry.core.checkrun;

import static dev.logsentry.core.checkrun.CheckFixture.CRON;
import static dev.logsentry.core.checkrun.CheckFixture.ODD;
import static dev.logsentry.core.checkrun.CheckFixture.SUDO;
import static dev.logsentry.core.checkrun.CheckFixture.append;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.report.delivery.SmtpDelivery;
import dev.logsentry.core.report.delivery.SmtpSettings;
import dev.logsentry.core.source.tail.StateLock;
import dev.logsentry.core.source.tail.StateStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckServiceTest {
    @TempDir Path tmp;

    private CheckFixture fx;
    private CheckFixture.Recorder out;
    private final CheckService service = new CheckService();

    @BeforeEach
    void setUp() throws IOException {
        fx = new CheckFixture(tmp);
        out = new CheckFixture.Recorder();
        append(fx.syslog, CRON, ODD);
        append(fx.auth, SUDO);
    }

    private CheckOutcome run() {
        return service.run(fx.settings(), List.of(out));
    }

    @Test
    void eachLineIsReportedOnceAcrossRuns() throws IOException {
        CheckOutcome first = run();
        assertThat(first.status()).isEqualTo(CheckOutcome.Status.OK);
        assertThat(first.delivered()).isTrue();
        assertThat(out.lastBody()).contains(SUDO).contains(ODD).doesNotContain(CRON);
        assertThat(out.reports.get(0).subject()).startsWith("web1 ").endsWith(" Security Events");

        CheckOutcome nothingNew = run();
        assertThat(nothingNew.delivered()).isFalse();
        assertThat(out.reports).hasSize(1);

        append(fx.syslog, "Mar  5 04:06:00 web1 kernel: second run");
        run();
        assertThat(out.reports).hasSize(2);
        assertThat(out.lastBody()).contains("second run").doesNotContain(SUDO).doesNotContain(ODD);
    }

    @Test
    void aRunWithNothingNewNeverCompilesTheRules() throws IOException {
        java.util.concurrent.atomic.AtomicInteger compiles =
                new java.util.concurrent.atomic.AtomicInteger();
        CheckService counting =
                new CheckService(java.time.Clock.systemDefaultZone(), compiles::incrementAndGet);
        assertThat(counting.run(fx.settings(), List.of(out)).delivered()).isTrue();
        assertThat(compiles).hasValue(1);

        CheckOutcome nothingNew = counting.run(fx.settings(), List.of(out));
        assertThat(nothingNew.status()).isEqualTo(CheckOutcome.Status.OK);
        assertThat(nothingNew.result().linesChecked()).isZero();
        assertThat(compiles).hasValue(1);

        append(fx.syslog, "Mar  5 04:06:00 web1 kernel: second run");
        assertThat(counting.run(fx.settings(), List.of(out)).delivered()).isTrue();
        assertThat(compiles).hasValue(2);
        assertThat(out.lastBody()).contains("second run");
    }

    @Test
    void onlyIgnoredLinesSendNothingButStillAdvanceTheState() throws IOException {
        run();
        append(fx.syslog, CRON);
        CheckOutcome r = run();
        assertThat(r.status()).isEqualTo(CheckOutcome.Status.OK);
        assertThat(r.delivered()).isFalse();
        assertThat(r.result().linesChecked()).isEqualTo(1);
        assertThat(out.reports).hasSize(1);
    }

    @Test
    void aFailedDeliveryKeepsTheStateSoTheLinesComeAgain() {
        out.fail = true;
        CheckOutcome failed = run();
        assertThat(failed.status()).isEqualTo(CheckOutcome.Status.DELIVERY_FAILED);
        assertThat(failed.messages()).anyMatch(m -> m.contains("test delivery refused"));
        assertThat(Files.exists(fx.state.resolve(StateStore.FILE_NAME))).isFalse();

        out.fail = false;
        run();
        assertThat(out.lastBody()).contains(SUDO).contains(ODD);
    }

    @Test
    void aFailedSmtpDeliveryKeepsTheState() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpDelivery smtp =
                new SmtpDelivery(
                        new SmtpSettings(
                                "127.0.0.1",
                                closedPort,
                                SmtpSettings.Security.NONE,
                                null,
                                null,
                                "logcheck@web1",
                                List.of("root@localhost"),
                                false,
                                null,
                                5_000,
                                Map.of()));
        CheckOutcome failed = service.run(fx.settings(), List.of(smtp));
        assertThat(failed.status()).isEqualTo(CheckOutcome.Status.DELIVERY_FAILED);

        run();
        assertThat(out.lastBody()).contains(SUDO);
    }

    @Test
    void aCrashBetweenDeliveryAndStateWriteReportsTheLinesAgainNeverLosesThem() throws IOException {
        run(); // a state file exists from here on
        append(fx.auth, SUDO.replace("alice", "bob"));
        Path temp = SafeFiles.tempPathFor(fx.state.resolve(StateStore.FILE_NAME).toAbsolutePath());
        Path elsewhere = tmp.resolve("elsewhere");
        // Delivery succeeds; then the state write fails (refused temp path), as a crash would.
        out.before = () -> Files.createSymbolicLink(temp, elsewhere);
        CheckOutcome r = run();
        assertThat(r.delivered()).isTrue();
        assertThat(r.status()).isEqualTo(CheckOutcome.Status.STATE_ERROR);
        assertThat(r.messages()).anyMatch(m -> m.contains("symbolic link"));
        assertThat(out.lastBody()).contains("bob").doesNotContain("alice");

        Files.delete(temp);
        out.before = () -> {};
        run();
        assertThat(out.reports).hasSize(3);
        assertThat(out.lastBody()).contains("bob").doesNotContain("alice"); // again, not lost
    }

    @Test
    void aDryRunChangesNoStateAndCreatesNothing() throws IOException {
        CheckOutcome dry =
                service.run(fx.settings(List.of(fx.syslog, fx.auth), true), List.of(out));
        assertThat(dry.delivered()).isTrue();
        assertThat(fx.state).doesNotExist();

        run();
        Map<String, String> before = snapshot(fx.state);
        append(fx.syslog, "Mar  5 04:07:00 web1 kernel: new");
        service.run(fx.settings(List.of(fx.syslog, fx.auth), true), List.of(out));
        service.run(fx.settings(List.of(fx.syslog, fx.auth), true), List.of(out));
        assertThat(snapshot(fx.state)).isEqualTo(before);
        assertThat(out.lastBody()).contains("kernel: new");
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                FileTime t = Files.getLastModifiedTime(p);
                m.put(p.getFileName().toString(), t + " " + Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void aMissingLogIsAnErrorLineAndTheOtherLogsAreStillChecked() {
        Path missing = tmp.resolve("log/missing.log");
        CheckOutcome r =
                service.run(fx.settings(List.of(fx.syslog, missing, fx.auth), false), List.of(out));
        assertThat(r.status()).isEqualTo(CheckOutcome.Status.SOURCE_ERRORS);
        assertThat(out.lastBody())
                .contains("E: File could not be read: " + missing)
                .contains(SUDO)
                .contains(ODD);
    }

    @Test
    void aSecondRunWhileTheLockIsHeldStopsWithoutReading() throws IOException {
        Files.createDirectories(fx.state);
        try (StateLock held = StateLock.acquire(fx.state)) {
            CheckOutcome r = run();
            assertThat(r.status()).isEqualTo(CheckOutcome.Status.LOCK_HELD);
            assertThat(r.messages())
                    .singleElement()
                    .asString()
                    .contains("another logsentry check is running");
        }
        assertThat(out.reports).isEmpty();
    }

    @Test
    void aForeignOwnedStateFileStopsTheRunBeforeReading() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                SafeFiles.currentUid() == 0, "needs root to chown");
        run();
        Files.setAttribute(fx.state.resolve(StateStore.FILE_NAME), "unix:uid", 65534);
        append(fx.auth, SUDO);
        CheckOutcome r = run();
        assertThat(r.status()).isEqualTo(CheckOutcome.Status.STATE_ERROR);
        assertThat(r.messages()).singleElement().asString().contains("owned by uid 65534");
        assertThat(out.reports).hasSize(1);
    }

    @Test
    void aRotationBetweenRunsIsFollowedThroughTheService() throws IOException {
        run();
        append(fx.auth, SUDO.replace("alice", "carol"));
        Files.move(fx.auth, fx.auth.resolveSibling("auth.log.1"));
        append(fx.auth, SUDO.replace("alice", "dave"));
        run();
        assertThat(out.lastBody()).contains("carol").contains("dave").doesNotContain("alice");
    }

    @Test
    void aDamagedRotatedGzipIsNamedInTheReportAndTheLiveLogKeepsBeingChecked() throws Exception {
        run();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            rest.append(SUDO.replace("alice", "u" + Integer.toHexString(i * 7919))).append('\n');
        }
        append(fx.auth, rest.toString().strip());
        Path gz = fx.auth.resolveSibling("auth.log.1.gz");
        try (var o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(fx.auth, o);
        }
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2)); // cut short
        Files.delete(fx.auth);
        append(fx.auth, SUDO.replace("alice", "attacker"));

        CheckOutcome o = run();
        assertThat(o.status()).isEqualTo(CheckOutcome.Status.OK);
        assertThat(out.lastBody())
                .contains("u0 ")
                .contains("attacker")
                .contains("damaged rotated file " + gz);
        // later runs go on normally from the live log
        append(fx.auth, SUDO.replace("alice", "later"));
        run();
        assertThat(out.lastBody())
                .contains("later")
                .doesNotContain("attacker")
                .doesNotContain("damaged");
    }
}
