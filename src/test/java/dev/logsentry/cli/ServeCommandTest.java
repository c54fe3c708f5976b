package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.remote.ReceiverStatus;
import dev.logsentry.core.remote.StatusFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code logsentry serve} through picocli: fingerprints with sender lines, and the status. */
class ServeCommandTest {
    @TempDir Path state;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        SettingsResolver r = new SettingsResolver(Map.of(), null, state, "admin");
        CommandLine cl = new CommandLine(new ServeCommand(r, null));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void isRegistered() {
        assertThat(LogSentryCommand.subcommandNames()).contains("serve");
    }

    @Test
    void fingerprintPrintsTheSameCertificateEveryTimeWithRsyslogLines() {
        Run first = run("--fingerprint", "--port", "6514");
        assertThat(first.code()).isZero();
        assertThat(first.out())
                .containsPattern("SHA-256: +SHA256:([0-9A-F]{2}:){31}[0-9A-F]{2}")
                .containsPattern("RFC 5425: +sha-1:([0-9A-F]{2}:){19}[0-9A-F]{2}")
                .contains("StreamDriver=\"gtls\" StreamDriverMode=\"1\"")
                .contains("StreamDriverAuthMode=\"x509/fingerprint\"")
                .contains("target=\"admin\" port=\"6514\"")
                .containsPattern("StreamDriverPermittedPeers=\"SHA1:[0-9A-F:]{59}\"");
        assertThat(state.resolve("tls").resolve("server-key.pem")).exists();
        Run second = run("--fingerprint");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aBadPermittedFingerprintIsAUsageError() {
        Run r = run("--fingerprint", "--permit", "SHA256:12:34");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a SHA-1 or SHA-256 certificate fingerprint");
    }

    @Test
    void statusShowsTheServicesCounters() throws Exception {
        Run none = run("--status");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("is 'logsentry serve' running");
        Instant now = Instant.now();
        StatusFile.write(
                state.resolve(StatusFile.NAME),
                new ReceiverStatus(
                        now,
                        now.minusSeconds(60),
                        "0.0.0.0:6514",
                        "SHA256:AA",
                        true,
                        null,
                        2,
                        0,
                        Map.of("HTTP", 3L, "GARBAGE", 0L),
                        List.of(
                                new ReceiverStatus.Host(
                                        "web1", "10.0.0.1:5000", 1234, 99999, 1, 2, now, 250))));
        Run r = run("--status");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("listening on 0.0.0.0:6514")
                .contains("accepting; 2 connection(s)")
                .containsPattern("web1 +1234 +99999 +1 +2 +250 ms")
                .contains("rejected: HTTP request 3");
    }
}
