package dev.logsentry.core.remote;

import static dev.logsentry.core.remote.TestReceivers.await;
import static dev.logsentry.core.remote.TestReceivers.connect;
import static dev.logsentry.core.remote.TestReceivers.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogReceiverTest {
    @TempDir Path spool;

    private static Path dayFile(Path spool, String host) {
        return spool.resolve(host).resolve(LocalDate.now(ZoneId.systemDefault()) + ".log");
    }

    @Test
    void linesAreSpooledPerHostThenClassifiedWithTheCheckRules() throws Exception {
        TestReceivers.Recorder rec = new TestReceivers.Recorder();
        try (SyslogReceiver r = TestReceivers.start(TestReceivers.settings(spool), Set.of(), rec)) {
            try (SSLSocket s = connect(r.port(), null)) {
                assertThat(s.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
                send(
                        s,
                        List.of(
                                "<38>1 2026-12-04T10:00:00Z web1 sshd 12 - - Accepted password"
                                        + " for bob from 10.0.0.1 port 22 ssh2",
                                "<38>1 2026-12-04T10:00:01Z web1 kernel - - - device eth0"
                                        + " entered promiscuous mode",
                                "<38>1 2026-12-04T10:00:02Z ../db2 cron 9 - - hello"));
            }
            await(() -> rec.lines.size() == 3, "three classified lines");
            ReceiverStatus st = r.status();
            assertThat(st.totalLines()).isEqualTo(3);
            assertThat(st.hosts())
                    .extracting(ReceiverStatus.Host::host)
                    .containsExactly("_db2", "web1");
        }
        Path web1 = dayFile(spool, "web1");
        List<String> lines = Files.readAllLines(web1, StandardCharsets.ISO_8859_1);
        assertThat(lines)
                .containsExactly(
                        "2026-12-04T10:00:00.000000+00:00 web1 sshd[12]: Accepted password for bob"
                                + " from 10.0.0.1 port 22 ssh2",
                        "2026-12-04T10:00:01.000000+00:00 web1 kernel: device eth0 entered"
                                + " promiscuous mode");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(web1)))
                .isEqualTo("rw-r-----");
        try (Stream<Path> all = Files.list(spool)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("web1", "_db2");
        }
        // the listener's line is the spool's, with its file and byte offset
        RemoteLine second = rec.lines.get(1);
        assertThat(second.line().source()).isEqualTo(web1.toString());
        assertThat(second.line().offset()).isEqualTo(lines.get(0).length() + 1);
        assertThat(second.classification().verdict()).isEqualTo(Verdict.ATTACK);
        // the batch path still names the rule behind an alert (the mail shows it)
        assertThat(second.classification().decidingRule()).isNotNull();
        assertThat(rec.lines.get(0).classification().verdict()).isNotEqualTo(Verdict.ATTACK);
    }

    @Test
    void noLineIsLostWhenTheReceiverIsSlowerThanTheSenders() throws Exception {
        // one queued batch at most and a listener slower than the senders: they must wait
        AtomicInteger seen = new AtomicInteger();
        RemoteListener slow =
                batch -> {
                    seen.addAndGet(batch.size());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
        int senders = 6;
        int perSender = 3000;
        long maxQueued;
        try (SyslogReceiver r =
                TestReceivers.start(
                        TestReceivers.settings(spool).withQueue(1, 1000), Set.of(), null)) {
            r.addListener(slow);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < senders; t++) {
                int id = t;
                Thread th =
                        new Thread(
                                () -> {
                                    try (SSLSocket s = connect(r.port(), null)) {
                                        for (int i = 0; i < perSender; i += 100) {
                                            List<String> chunk = new ArrayList<>();
                                            for (int k = i; k < i + 100; k++) {
                                                chunk.add(
                                                        "<13>1 - host"
                                                                + id
                                                                + " app - - - line "
                                                                + k);
                                            }
                                            send(s, chunk);
                                        }
                                    } catch (Exception e) {
                                        failures.add(e);
                                    }
                                });
                th.start();
                threads.add(th);
            }
            maxQueued = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                maxQueued = Math.max(maxQueued, r.status().queued());
                Thread.sleep(5);
            }
            assertThat(failures).isEmpty();
            await(() -> seen.get() == senders * perSender, "every line classified");
            assertThat(r.status().totalLines()).isEqualTo((long) senders * perSender);
        }
        // the queue stayed bounded: at most one batch waiting plus one being classified per sender
        assertThat(maxQueued).isLessThanOrEqualTo(2L * 512 + senders * 512L);
        for (int t = 0; t < senders; t++) {
            List<String> lines = Files.readAllLines(dayFile(spool, "host" + t));
            assertThat(lines).hasSize(perSender);
            for (int k = 0; k < perSender; k++) {
                assertThat(lines.get(k)).endsWith(" line " + k);
            }
        }
    }
}
