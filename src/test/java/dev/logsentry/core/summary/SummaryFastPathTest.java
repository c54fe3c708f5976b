package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte path of plain files (header read on bytes, dispatch by tag table, only claimed messages
 * decoded, parts read by several threads, dnscache lines handed on in order) against the reference
 * path (one thread, every line decoded and parsed by {@code SyslogLine.Parser}): the same digest,
 * the same unmatched lines with the same line numbers, on a generated log with every service and
 * the lines that take the slow way: invalid UTF-8 in the message, the host and the tag, very long
 * lines, lines without a tag, a tag without the space after its colon, RFC 3339 stamps, CRLF and
 * empty lines, and dnscache entries spread over the whole file.
 */
class SummaryFastPathTest {
    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @TempDir static Path dir;
    private static Path log;
    private static int dnscacheLines;

    @BeforeAll
    static void writeLog() throws Exception {
        Path gen = Files.createDirectories(dir.resolve("gen"));
        SyslogGenerator.write(gen, 24_000, 20261204L);
        List<String> lines = new ArrayList<>();
        for (String f : List.of("auth.log", "syslog", "mail.log", "messages")) {
            lines.addAll(Files.readAllLines(gen.resolve(f)));
        }
        List<String> dns =
                Files.readAllLines(
                        Path.of(
                                SummaryFastPathTest.class
                                        .getResource("/dev/logsentry/core/dnscache/plain.log")
                                        .toURI()));
        String x = "x".repeat(100_000);
        byte[][] odd = {
            bytes(
                    "Nov 25 10:00:00 myhost sshd[1]: Accepted password for \u00e9ve from 10.0.0.5"
                            + " port 1 ssh2"),
            concat(
                    bytes("Nov 25 10:00:01 myhost sshd[1]: Accepted password for "),
                    new byte[] {(byte) 0xff, (byte) 0xfe, 'u'},
                    bytes(" from 10.0.0.5 port 1 ssh2")),
            concat(
                    bytes("Nov 25 10:00:02 my"),
                    new byte[] {(byte) 0xc3},
                    bytes("host CRON[1]: (root) CMD (invalid host)")),
            concat(
                    bytes("Nov 25 10:00:03 myhost su"),
                    new byte[] {(byte) 0x80},
                    bytes("[1]: (to root) alice on pts/0")),
            concat(
                    bytes("Nov 25 10:00:04 myhost sshd[1]: weird "),
                    new byte[] {(byte) 0xe2, (byte) 0x82},
                    bytes(" truncated sequence")),
            bytes(
                    "Nov 25 10:00:05 myhost sshd[1]: Failed password for invalid user "
                            + x
                            + " from 203.0.113.9 port 1 ssh2"),
            bytes("Nov 25 10:00:06 myhost postfix/smtpd[2]: warning: " + x),
            bytes("Nov 25 10:00:07 " + x + " CRON[1]: (root) CMD (long host)"),
            bytes("Nov 25 10:00:08 myhost this line has no tag at all"),
            bytes("Nov 25 10:00:09 myhost cron:amd64 install without a space"),
            bytes("Nov 25 10:00:10 myhost sshd[1]:"),
            bytes("Nov 25 10:00:11 myhost sshd[1]: "),
            bytes(
                    "2026-11-25T10:00:12+00:00 myhost sshd[2]: Accepted publickey for bob from"
                            + " 10.0.0.6 port 2 ssh2"),
            bytes("2026-11-25T10:00:13.123456+00:00 myhost CRON[3]: (bob) CMD (rfc 3339)"),
            bytes("Nov 25 10:00:14 myhost CRON[4]: (carol) CMD (crlf)\r"),
            bytes(""),
            bytes("   "),
            bytes(
                    "Nov 25 10:00:15 myhost systemd[1]: nginx.service: Failed with result"
                            + " 'exit-code'."),
            bytes(
                    "Nov 25 10:00:16 myhost kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.7"
                            + " DST=192.0.2.1 LEN=40 PROTO=TCP SPT=1 DPT=23"),
            bytes(
                    "Nov 25 10:00:17 myhost sudo:    alice : TTY=pts/0 ; PWD=/home/\u00e4 ;"
                            + " USER=root ; COMMAND=/bin/ls \u00fc"),
            bytes("Nov 31 10:00:18 myhost CRON[5]: (root) CMD (no such day)"),
            bytes("Nov 25 10:00:19  myhost CRON[5]: (root) CMD (two spaces)"),
            bytes("Nov 25 10:00:20 myhost pam_unix(cron:session): session closed for user x"),
            bytes("Nov 25 10:00:21 myhost su[7]: (to root) alice on pts/0"),
            bytes("Nov 25 10:00:22 myhost su[8]: FAILED SU (to root) bob on pts/1"),
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int o = 0;
        int d = 0;
        int every = lines.size() / dns.size(); // dnscache lines over the whole file, every part
        for (int i = 0; i < lines.size(); i++) {
            out.write(bytes(lines.get(i) + "\n"));
            if (i % 40 == 0) {
                out.write(odd[o++ % odd.length]);
                out.write('\n');
            }
            if (i % every == 0 && d < dns.size()) {
                String sec = String.format("%02d", (i / every) % 60);
                out.write(bytes("Nov 25 11:00:" + sec + " myhost dnscache: " + dns.get(d++)));
                out.write('\n');
            }
        }
        out.write(bytes("Nov 25 23:59:59 myhost sshd[9]: no newline at the end"));
        dnscacheLines = d;
        log = dir.resolve("syslog");
        Files.write(log, out.toByteArray());
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-11-26T00:00:00Z")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static List<Summary> run(String range, boolean split, int threads, boolean reference) {
        Summarizer s =
                new Summarizer(
                        new ArrayList<>(ServiceLoader.load(List.of()).services().values()),
                        new Summarizer.Options(
                                new RangeParser(NOW, ZoneOffset.UTC).parse(range),
                                Detail.HIGH,
                                split,
                                false,
                                ZoneOffset.UTC,
                                threads),
                        NOW);
        if (reference) {
            s.referencePath();
        }
        return s.run(List.of(new SummaryInput.LogFile(log)), () -> false);
    }

    @Test
    void theLogIsReadInSeveralPartsAndHasEveryKindOfLine() throws Exception {
        assertThat(Files.size(log)).isGreaterThan(6L << 20);
        Summary ref = run("all", false, 1, true).get(0);
        for (String service :
                List.of(
                        "sshd",
                        "sudo",
                        "su",
                        "pam_unix",
                        "cron",
                        "postfix",
                        "kernel",
                        "systemd",
                        "dnscache")) {
            assertThat(ref.service(service)).as(service).isNotNull();
        }
        assertThat(ref.service("dnscache").lines()).isEqualTo(dnscacheLines);
        assertThat(ref.service("sshd").unmatched())
                .extracting(ServiceSummary.Unmatched::text)
                .anyMatch(t -> t.contains("\ufffd"));
        assertThat(ref.service("postfix").section("warnings")).isNotNull();
    }

    @Test
    void theBytePathCountsWhatTheReferencePathCounts() {
        for (String range : List.of("all", "2026/11/25", "2026/11/24")) {
            for (boolean split : List.of(false, true)) {
                List<Summary> ref = run(range, split, 1, true);
                for (int threads : List.of(1, 4)) {
                    List<Summary> fast = run(range, split, threads, false);
                    String what = range + (split ? ", split" : "") + ", " + threads + " threads";
                    assertThat(TextDigest.render(fast, "stdout", "gw", ZoneOffset.UTC))
                            .as(what)
                            .isEqualTo(TextDigest.render(ref, "stdout", "gw", ZoneOffset.UTC));
                    assertThat(HtmlDigest.render(fast, "gw", ZoneOffset.UTC))
                            .as(what)
                            .isEqualTo(HtmlDigest.render(ref, "gw", ZoneOffset.UTC));
                    assertThat(fast).hasSameSizeAs(ref);
                    for (int h = 0; h < ref.size(); h++) {
                        Summary f = fast.get(h);
                        Summary r = ref.get(h);
                        assertThat(f.linesRead()).as(what).isEqualTo(r.linesRead());
                        assertThat(f.linesInRange()).as(what).isEqualTo(r.linesInRange());
                        assertThat(f.services()).hasSameSizeAs(r.services());
                        for (int i = 0; i < r.services().size(); i++) {
                            ServiceSummary fs = f.services().get(i);
                            ServiceSummary rs = r.services().get(i);
                            assertThat(fs.lines()).as(what + " " + rs.name()).isEqualTo(rs.lines());
                            assertThat(fs.unmatched())
                                    .as(what + " " + rs.name())
                                    .isEqualTo(rs.unmatched());
                            assertThat(fs.unmatchedMore()).isEqualTo(rs.unmatchedMore());
                        }
                    }
                }
            }
        }
    }

    /**
     * Without dnscache, the parts of all plain files are queued at once and read interleaved
     * ({@link FileParts}): several files (the odd lines' log among them, a gzip file between them,
     * which is read on its own) give the reference path's digest and unmatched lines, whatever the
     * number of threads.
     */
    @Test
    void interleavedPartsOfSeveralFilesCountWhatTheReferencePathCounts() throws Exception {
        Path gen = Files.createDirectories(dir.resolve("several"));
        SyslogGenerator.write(gen, 6_000, 7L);
        Path gz = gen.resolve("syslog.1.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(gen.resolve("syslog")));
        }
        List<SummaryInput> inputs = new ArrayList<>();
        for (String f : List.of("auth.log", "syslog.1.gz", "mail.log", "messages", "syslog")) {
            inputs.add(new SummaryInput.LogFile(gen.resolve(f)));
        }
        inputs.add(new SummaryInput.LogFile(log));
        List<ServiceLoader.LoadedService> services = new ArrayList<>();
        for (ServiceLoader.LoadedService s : ServiceLoader.load(List.of()).services().values()) {
            if (!s.definition().usesDnscache()) {
                services.add(s);
            }
        }
        for (boolean split : List.of(false, true)) {
            List<Summary> ref =
                    several(services, inputs, split, 1).referencePath().run(inputs, () -> false);
            for (int threads : List.of(2, 3)) {
                List<Summary> fast =
                        several(services, inputs, split, threads).run(inputs, () -> false);
                String what = (split ? "split, " : "") + threads + " threads";
                assertThat(TextDigest.render(fast, "stdout", "gw", ZoneOffset.UTC))
                        .as(what)
                        .isEqualTo(TextDigest.render(ref, "stdout", "gw", ZoneOffset.UTC));
                assertThat(fast).hasSameSizeAs(ref);
                for (int h = 0; h < ref.size(); h++) {
                    assertThat(fast.get(h).linesRead()).isEqualTo(ref.get(h).linesRead());
                    for (int i = 0; i < ref.get(h).services().size(); i++) {
                        ServiceSummary fs = fast.get(h).services().get(i);
                        ServiceSummary rs = ref.get(h).services().get(i);
                        assertThat(fs.unmatched())
                                .as(what + " " + rs.name())
                                .isEqualTo(rs.unmatched());
                        assertThat(fs.unmatchedMore()).isEqualTo(rs.unmatchedMore());
                    }
                }
            }
        }
    }

    private static Summarizer several(
            List<ServiceLoader.LoadedService> services,
            List<SummaryInput> inputs,
            boolean split,
            int threads) {
        return new Summarizer(
                services,
                new Summarizer.Options(
                        new RangeParser(NOW, ZoneOffset.UTC).parse("all"),
                        Detail.HIGH,
                        split,
                        false,
                        ZoneOffset.UTC,
                        threads),
                NOW);
    }
}
