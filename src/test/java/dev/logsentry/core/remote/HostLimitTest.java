package dev.logsentry.core.remote;

import static dev.logsentry.core.remote.TestReceivers.await;
import static dev.logsentry.core.remote.TestReceivers.connect;
import static dev.logsentry.core.remote.TestReceivers.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender inventing host names cannot create spool directories without end. */
class HostLimitTest {
    @TempDir Path spool;

    @Test
    void linesOfHostsBeyondTheLimitAreRefusedCountedAndLoggedWhileKnownHostsGoOn()
            throws Exception {
        // one host directory left over from an earlier run counts against the limit
        Files.createDirectory(spool.resolve("old"));
        List<String> log = new CopyOnWriteArrayList<>();
        TestReceivers.Recorder rec = new TestReceivers.Recorder();
        try (SyslogReceiver r =
                new SyslogReceiver(
                        TestReceivers.settings(spool).withMaxHosts(3),
                        new TlsSetup(TestReceivers.IDENTITY, Set.of()),
                        "fp",
                        TestReceivers.CLASSIFIER,
                        log::add)) {
            r.addListener(rec);
            r.start();
            try (SSLSocket s = connect(r.port(), null)) {
                send(
                        s,
                        List.of(
                                "<13>1 - a app - - - one",
                                "<13>1 - b app - - - two",
                                "<13>1 - c app - - - refused",
                                "<13>1 - d app - - - refused too",
                                "<13>1 - c app - - - refused again",
                                "<13>1 - old app - - - a known host",
                                "<13>1 - a app - - - still accepted"));
            }
            await(() -> rec.lines.size() == 4, "the four admitted lines");
            await(
                    () -> TestReceivers.rejections(r, Rejection.TOO_MANY_HOSTS) == 3,
                    "three refused lines counted");
            assertThat(rec.lines)
                    .extracting(RemoteLine::host)
                    .containsExactlyInAnyOrder("a", "b", "old", "a");
            assertThat(r.status().hosts())
                    .extracting(ReceiverStatus.Host::host)
                    .containsExactly("a", "b", "old");
        }
        try (Stream<Path> dirs = Files.list(spool)) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a", "b", "old");
        }
        assertThat(log)
                .filteredOn(l -> l.contains("too many hosts"))
                .hasSize(2) // one line per refused host name: c and d
                .allSatisfy(l -> assertThat(l).contains("--max-hosts 3").contains("127.0.0.1"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("(c)"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("(d)"));
    }
}
