package dev.logsentry.core.workspace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.remote.ReceiverSettings;
import dev.logsentry.core.remote.RemoteService;
import dev.logsentry.core.remote.TestReceivers;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.workspace.Classification;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.core.workspace.OpenSource;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.testkit.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteHostsTest {
    private static final String ATTACK = "device eth0 entered promiscuous mode";
    @TempDir Path temp;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private Workspace workspace;
    private Classifications classifications;
    private final Recorder recorder = new Recorder();

    static final class Recorder implements RemoteHosts.Listener {
        final List<RemoteHost> hosts = new CopyOnWriteArrayList<>();
        final List<RemoteHosts.AlertDigest> digests = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void hostAdded(RemoteHost host) {
            hosts.add(host);
        }

        @Override
        public void alerts(RemoteHosts.AlertDigest digest) {
            digests.add(digest);
        }

        @Override
        public void event(String message) {
            events.add(message);
        }
    }

    @BeforeEach
    void setUp() {
        workspace = new Workspace(workers);
        classifications = new Classifications(workspace, workers, 1);
        classifications.setClassifier(TestReceivers.CLASSIFIER);
    }

    @AfterEach
    void tearDown() throws Exception {
        classifications.close();
        workspace.close();
        workers.shutdownNow();
    }

    private RemoteService.Config config(int port) {
        return new RemoteService.Config(
                ReceiverSettings.defaults(temp.resolve("spool")).withListen("127.0.0.1", port),
                new RemoteService.Identity(
                        null, null, null, null, temp.resolve("tls"), List.of("localhost")),
                Set.of(),
                new RuleSetup(null, Level.SERVER, CheckOptions.defaults(Profile.LOGCHECK_1_4)),
                null,
                null,
                null,
                "test");
    }

    @Test
    void eachSendingHostBecomesAFollowedClassifiedSourceAndItsAttackLineAnAlert() throws Exception {
        try (RemoteHosts hosts =
                RemoteHosts.listen(
                        workspace, classifications, config(0), Duration.ofMillis(300), recorder)) {
            int port = hosts.service().receiver().port();
            try (SSLSocket s = TestReceivers.connect(port, null)) {
                TestReceivers.send(
                        s,
                        List.of(
                                "<38>1 2026-12-04T10:00:00Z web1 cron 9 - - hello",
                                "<38>1 2026-12-04T10:00:01Z web1 kernel - - - " + ATTACK));
            }
            Await.until("web1 as a followed source of two lines", () -> followed("web1", 2));
            OpenSource web1 = source("web1");
            assertThat(web1.name()).isEqualTo("web1");
            assertThat(hosts.hostOf(web1).file().getFileName().toString())
                    .isEqualTo(LocalDate.now(ZoneId.systemDefault()) + ".log");
            Await.until("an alert", () -> !recorder.digests.isEmpty());
            RemoteHosts.AlertDigest d = recorder.digests.get(0);
            assertThat(d.hosts()).containsExactly("web1");
            assertThat(d.first().text()).contains(ATTACK);
            assertThat(d.first().line()).isEqualTo(1);
            assertThat(d.first().verdict()).isEqualTo(Verdict.ATTACK);
            Classification c = classifications.of(web1);
            assertThat(c.classified().verdict(1)).isEqualTo(Verdict.ATTACK);

            // a line arriving later is appended to the same followed source
            try (SSLSocket s = TestReceivers.connect(port, null)) {
                TestReceivers.send(s, List.of("<38>1 - web1 cron 9 - - again"));
            }
            Await.until("the third line followed", () -> followed("web1", 3));
            Await.until(
                    "counters of web1",
                    () -> hosts.hostOf(web1) != null && hosts.hostOf(web1).counters().lines() == 3);
            assertThat(recorder.hosts).hasSize(1);
        }
        OpenSource web1 = source("web1");
        assertThat(web1.following()).as("stopped listening: no longer followed").isFalse();
        assertThat(web1.lines().lineCount()).isEqualTo(3);
    }

    @Test
    void aPortInUseIsAClearErrorAndLeavesNothingBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            int listeners = workspace.listenerCount();
            try {
                RemoteHosts.listen(
                        workspace, classifications, config(port), Duration.ofSeconds(1), recorder);
                throw new AssertionError("listening on a taken port succeeded");
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("cannot listen on 127.0.0.1:" + port);
            }
            assertThat(workspace.listenerCount()).isEqualTo(listeners);
        }
    }

    @Test
    void followingAServicesSpoolShowsItsHostsAndAlertsOnlyOnNewLines() throws Exception {
        Path spool = temp.resolve("served");
        Path old = spool.resolve("db1").resolve("2026-12-03.log");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "2026-12-03T10:00:00.000000+00:00 db1 kernel: " + ATTACK + "\n");
        try (RemoteHosts hosts =
                RemoteHosts.follow(
                        workspace,
                        classifications,
                        spool,
                        null,
                        Duration.ofMillis(200),
                        recorder)) {
            Await.until("db1 followed", () -> followed("db1", 1));
            Files.writeString(
                    old,
                    "2026-12-03T10:00:05.000000+00:00 db1 kernel: " + ATTACK + "\n",
                    StandardOpenOption.APPEND);
            Await.until("the appended line followed", () -> followed("db1", 2));
            Await.until("the new attack alerted", () -> !recorder.digests.isEmpty());
            assertThat(recorder.digests.get(0).first().line()).isEqualTo(1);
            assertThat(recorder.digests.get(0).first().text()).startsWith("2026-12-03T10:00:05");

            // a host the service sees for the first time appears too
            Path fresh = spool.resolve("web2").resolve("2026-12-04.log");
            Files.createDirectories(fresh.getParent());
            Files.write(
                    fresh,
                    "2026-12-04T10:00:00.000000+00:00 web2 cron[1]: hi\n"
                            .getBytes(StandardCharsets.UTF_8));
            Await.until("web2 followed", () -> followed("web2", 1));
            Await.until(
                    "counters from the file",
                    () -> hosts.hostOf(source("web2")).counters().lines() == 1);
            assertThat(hosts.hostOf(source("web2")).counters().rejected()).isEqualTo(-1);
        }
        assertThat(recorder.digests).hasSize(1);
    }

    @Test
    void aHostGoesOnInTheSameFollowedSourceWhenItsNextDayFileBegins() throws Exception {
        // the day is the spool's: the test writes day files as the service does at midnight
        Path spool = temp.resolve("served");
        Path monday = spool.resolve("web1").resolve("2026-12-07.log");
        Files.createDirectories(monday.getParent());
        Files.writeString(
                monday, "2026-12-07T23:59:58.000000+00:00 web1 cron[1]: last of monday\n");
        try (RemoteHosts hosts =
                RemoteHosts.follow(
                        workspace,
                        classifications,
                        spool,
                        null,
                        Duration.ofMillis(100),
                        recorder)) {
            Await.until("web1 followed", () -> followed("web1", 1));
            OpenSource web1 = source("web1");
            Files.writeString(
                    monday,
                    "2026-12-07T23:59:59.000000+00:00 web1 cron[1]: late monday\n",
                    StandardOpenOption.APPEND);
            Await.until("monday's late line", () -> followed("web1", 2));

            Path tuesday = spool.resolve("web1").resolve("2026-12-08.log");
            Files.writeString(
                    tuesday, "2026-12-08T00:00:01.000000+00:00 web1 kernel: " + ATTACK + "\n");
            // the rest of monday, a marker line, then tuesday: one source, still followed
            Await.until("tuesday in the same source", () -> followed("web1", 4));
            assertThat(workspace.sources()).containsExactly(web1);
            assertThat(source("web1")).isSameAs(web1);
            assertThat(web1.lines().line(2))
                    .contains("web1/today.log was rotated; continuing with the new file");
            assertThat(web1.lines().line(3)).contains(ATTACK);
            assertThat(classifications.of(web1).classified().verdict(3)).isEqualTo(Verdict.ATTACK);
            assertThat(hosts.hosts()).hasSize(1);
            assertThat(hosts.hostOf(web1).files())
                    .containsExactly(monday.toAbsolutePath(), tuesday.toAbsolutePath());
            assertThat(hosts.hostOf(web1).file()).isEqualTo(tuesday.toAbsolutePath());
            Await.until("tuesday's attack alerted", () -> !recorder.digests.isEmpty());
            assertThat(recorder.digests.get(0).first().line()).isEqualTo(3);
            assertThat(recorder.hosts).hasSize(1);

            // tuesday grows in the same source; an older day's file changes nothing
            Files.writeString(
                    tuesday,
                    "2026-12-08T00:00:02.000000+00:00 web1 cron[1]: tuesday\n",
                    StandardOpenOption.APPEND);
            Await.until("tuesday's second line", () -> followed("web1", 5));
            Files.writeString(
                    spool.resolve("web1").resolve("2026-12-06.log"),
                    "2026-12-06T10:00:00.000000+00:00 web1 cron[1]: old\n");
            Files.writeString(
                    tuesday,
                    "2026-12-08T00:00:03.000000+00:00 web1 cron[1]: still tuesday\n",
                    StandardOpenOption.APPEND);
            Await.until("tuesday's third line", () -> followed("web1", 6));
            assertThat(hosts.hostOf(web1).file()).isEqualTo(tuesday.toAbsolutePath());
        }
    }

    @Test
    void violationsRaiseAlertsOnlyWhenAskedAndHostsMergeWithLocalLogs() throws Exception {
        Path spool = temp.resolve("served");
        Path day = spool.resolve("web3").resolve("2026-12-04.log");
        Files.createDirectories(day.getParent());
        Files.writeString(day, "2026-12-04T10:00:00.000000+00:00 web3 cron[1]: hi\n");
        String violation =
                "2026-12-04T10:00:02.000000+00:00 web3 sshd[7]: Failed password for root from"
                        + " 10.0.0.9 port 2222 ssh2\n";
        try (RemoteHosts hosts =
                RemoteHosts.follow(
                        workspace,
                        classifications,
                        spool,
                        null,
                        Duration.ofMillis(100),
                        recorder)) {
            Await.until("web3 followed", () -> followed("web3", 1));
            Files.writeString(day, violation, StandardOpenOption.APPEND);
            Await.until("the violation classified", () -> followed("web3", 2));
            assertThat(classifications.of(source("web3")).classified().verdict(1))
                    .isEqualTo(Verdict.VIOLATION);
            Files.writeString(
                    day,
                    "2026-12-04T10:00:03.000000+00:00 web3 kernel: " + ATTACK + "\n",
                    StandardOpenOption.APPEND);
            Await.until("the attack alerted", () -> !recorder.digests.isEmpty());
            assertThat(recorder.digests.get(0).count()).isEqualTo(1);
            assertThat(recorder.digests.get(0).first().verdict()).isEqualTo(Verdict.ATTACK);

            hosts.alertViolations(true);
            Files.writeString(day, violation, StandardOpenOption.APPEND);
            Await.until("the violation alerted", () -> recorder.digests.size() == 2);
            assertThat(recorder.digests.get(1).first().verdict()).isEqualTo(Verdict.VIOLATION);
            assertThat(recorder.digests.get(1).first().line()).isEqualTo(3);

            // a host's source merges with a local log by time
            Path local = temp.resolve("local.log");
            Files.writeString(local, "Dec  4 10:00:01 admin app[2]: local line\n");
            workspace.open(local);
            Await.until(
                    "the local log indexed",
                    () ->
                            workspace
                                    .find(local)
                                    .map(s -> s.state() == OpenSource.State.READY)
                                    .orElse(false));
            OpenSource merged = workspace.mergeOpenLogs();
            assertThat(merged).isNotNull();
            Await.until("the merged view", () -> merged.state() == OpenSource.State.READY);
            assertThat(merged.lines().lineCount()).isEqualTo(5);
            assertThat(merged.lines().line(1)).contains("local line");
        }
    }

    @Test
    void aSpoolThatIsNoFolderIsAClearError() {
        Path missing = temp.resolve("nothing");
        try {
            RemoteHosts.follow(
                    workspace, classifications, missing, null, Duration.ofSeconds(1), recorder);
            throw new AssertionError("followed a missing spool");
        } catch (IOException e) {
            assertThat(e.getMessage()).contains(missing.toString()).contains("not a folder");
        }
    }

    private OpenSource source(String host) {
        return workspace.sources().stream()
                .filter(s -> s.name().equals(host))
                .findFirst()
                .orElse(null);
    }

    private boolean followed(String host, long lines) {
        OpenSource s = source(host);
        return s != null
                && s.following()
                && s.lines() != null
                && s.lines().lineCount() == lines
                && classifications.of(s) != null
                && classifications.of(s).classified().classifiedCount() == lines;
    }
}
