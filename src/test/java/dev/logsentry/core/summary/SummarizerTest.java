package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.time.Tai64n;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizerTest {
    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;

    private static List<ServiceLoader.LoadedService> all() {
        return new ArrayList<>(ServiceLoader.load(List.of()).services().values());
    }

    private static Summary run(
            List<SummaryInput> in, String range, boolean track, boolean split, int threads) {
        DateRange r = new RangeParser(NOW, ZoneOffset.UTC).parse(range);
        Summarizer s =
                new Summarizer(
                        all(),
                        new Summarizer.Options(
                                r, Detail.HIGH, split, track, ZoneOffset.UTC, threads),
                        NOW);
        return s.run(in, () -> false).get(0);
    }

    private Path log(String name, String text, String mtime) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(mtime)));
        return p;
    }

    @Test
    void aServiceWhoseLinesWereAllNoiseHasNoSection() throws Exception {
        Path auth =
                log(
                        "auth.log",
                        "Dec  4 10:00:02 gw sshd[1]: pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)\n"
                                + "Dec  4 10:00:03 gw sshd[1]: Connection closed by 203.0.113.9 port 22 [preauth]\n",
                        "2026-12-04T11:00:00Z");
        Summary s = run(List.of(new SummaryInput.LogFile(auth)), "today", false, false, 1);
        assertThat(s.service("sshd")).as("sshd read both lines and counted neither").isNull();
        assertThat(s.service("pam_unix").section("opened").total()).isEqualTo(1);
        assertThat(TextDigest.render(List.of(s), "stdout", "gw", ZoneOffset.UTC))
                .doesNotContain("SSHD Begin");
    }

    @Test
    void aLogfileNameIsInLogdirUnlessItSaysTheWorkingFolder() {
        Path cwd = Path.of("").toAbsolutePath();
        // none of them exists: each is named in a warning as the file that was looked for
        List<String> warnings =
                LogSet.select(
                                dir,
                                List.of("auth.log", "./here-x.log", "../up-x.log"),
                                DateRange.everything())
                        .warnings();
        assertThat(String.join("\n", warnings))
                .contains(dir.resolve("auth.log") + ": no such file")
                .contains(cwd.resolve("here-x.log") + ": no such file")
                .contains(cwd.getParent().resolve("up-x.log") + ": no such file");
    }

    @Test
    void everyNumberKnowsTheLinesBehindIt() throws Exception {
        Path auth =
                log(
                        "auth.log",
                        "Dec  4 10:00:01 gw sshd[1]: Accepted publickey for alice from 10.0.0.5 port 1 ssh2\n"
                                + "Dec  4 10:00:02 gw sshd[1]: pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)\n"
                                + "Dec  4 10:00:03 gw sshd[2]: Accepted password for alice from 10.0.0.6 port 2 ssh2\n"
                                + "Dec  4 10:00:04 gw sshd[3]: something sshd never said\n",
                        "2026-12-04T11:00:00Z");
        Summary s = run(List.of(new SummaryInput.LogFile(auth)), "today", true, false, 1);
        assertThat(s.sources()).containsExactly(auth.toString());
        ServiceSummary sshd = s.service("sshd");
        Tally alice = sshd.section("accepted").tally().child("alice");
        assertThat(alice.count()).isEqualTo(2);
        LineRefs refs = alice.lines().sorted();
        assertThat(refs.size()).isEqualTo(2);
        assertThat(refs.line(0)).isEqualTo(1);
        assertThat(refs.line(1)).isEqualTo(3);
        assertThat(refs.source(0)).isZero();
        assertThat(alice.child("10.0.0.6").lines().line(0)).isEqualTo(3);
        assertThat(sshd.unmatched())
                .singleElement()
                .satisfies(
                        u -> {
                            assertThat(u.line()).isEqualTo(4);
                            assertThat(u.text()).endsWith("something sshd never said");
                        });
        // the same line counts for pam_unix too, and the sshd service ignores it
        assertThat(s.service("pam_unix").section("opened").tally().lines().line(0)).isEqualTo(2);
    }

    @Test
    void theRangeKeepsOnlyItsLinesAndPicksTheArchivesThatCanHoldThem() throws Exception {
        log("syslog", "Dec  4 10:17:01 gw CRON[1]: (root) CMD (today)\n", "2026-12-04T11:00:00Z");
        log(
                "syslog.1",
                "Dec  3 10:17:01 gw CRON[1]: (root) CMD (yesterday)\n",
                "2026-12-03T23:59:00Z");
        Path gz = dir.resolve("syslog.2.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(
                    "Dec  1 10:17:01 gw CRON[1]: (root) CMD (three days ago)\n"
                            .getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(gz, FileTime.from(Instant.parse("2026-12-01T23:59:00Z")));
        log("wtmp", "\0\0\0binary", "2026-12-04T11:00:00Z");

        LogSet.Selection today =
                LogSet.select(dir, List.of(), new RangeParser(NOW, ZoneOffset.UTC).parse("today"));
        assertThat(today.inputs())
                .extracting(SummaryInput::name)
                .as("the archives end before today; wtmp is binary")
                .containsExactly(dir.resolve("syslog").toString());

        DateRange week = new RangeParser(NOW, ZoneOffset.UTC).parse("between -7 days and -1 days");
        LogSet.Selection sel = LogSet.select(dir, List.of(), week);
        assertThat(sel.inputs())
                .extracting(SummaryInput::name)
                .containsExactly(
                        gz.toString(),
                        dir.resolve("syslog.1").toString(),
                        dir.resolve("syslog").toString());
        Summary s = run(sel.inputs(), "between -7 days and -1 days", false, false, 1);
        Tally root = s.service("cron").section("commands").tally().child("root");
        assertThat(root.child("yesterday").count()).isEqualTo(1);
        assertThat(root.child("three days ago").count()).as("read from the .gz").isEqualTo(1);
        assertThat(root.child("today")).as("outside the range").isNull();
        assertThat(s.linesRead()).isEqualTo(3);
        assertThat(s.linesInRange()).isEqualTo(2);
    }

    @Test
    void readingInParallelCountsExactlyWhatOneReaderCounts() throws Exception {
        StringBuilder b = new StringBuilder();
        String[] users = {"alice", "bob", "carol", "dave"};
        for (int i = 0; i < 60_000; i++) {
            String u = users[i % users.length];
            switch (i % 5) {
                case 0 ->
                        b.append("Dec  4 10:00:01 gw sshd[1]: Accepted publickey for ")
                                .append(u)
                                .append(" from 10.0.0.")
                                .append(i % 7)
                                .append(" port 1 ssh2\n");
                case 1 ->
                        b.append("Dec  4 10:00:01 gw CRON[2]: (")
                                .append(u)
                                .append(") CMD (job ")
                                .append(i % 3)
                                .append(")\n");
                case 2 ->
                        b.append("Dec  4 10:00:01 gw sshd[3]: weird line ").append(i).append('\n');
                case 3 ->
                        b.append(
                                        "Dec  4 10:00:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.")
                                .append(i % 9)
                                .append(" DST=192.0.2.1 LEN=40 PROTO=TCP SPT=1 DPT=")
                                .append(20 + i % 4)
                                .append('\n');
                default ->
                        b.append("Dec  4 10:00:01 gw other: filler ")
                                .append("x".repeat(i % 300))
                                .append('\n');
            }
        }
        Path f = log("big.log", b.toString(), "2026-12-04T11:00:00Z");
        Summary one = run(List.of(new SummaryInput.LogFile(f)), "all", false, false, 1);
        Summary four = run(List.of(new SummaryInput.LogFile(f)), "all", false, false, 4);
        assertThat(four.linesRead()).isEqualTo(60_000).isEqualTo(one.linesRead());
        assertThat(TextDigest.render(List.of(four), "stdout", "gw", ZoneOffset.UTC))
                .isEqualTo(TextDigest.render(List.of(one), "stdout", "gw", ZoneOffset.UTC));
        List<ServiceSummary.Unmatched> u1 = one.service("sshd").unmatched();
        List<ServiceSummary.Unmatched> u4 = four.service("sshd").unmatched();
        assertThat(u4).as("unmatched lines keep their file line numbers").isEqualTo(u1);
        assertThat(u4.get(100).line()).isEqualTo(503);
        assertThat(u4)
                .as("a flood of odd lines keeps the first ones")
                .hasSize(ServiceSummary.MAX_UNMATCHED);
        assertThat(four.service("sshd").unmatchedMore())
                .isEqualTo(one.service("sshd").unmatchedMore())
                .isEqualTo(12_000 - ServiceSummary.MAX_UNMATCHED);
    }

    @Test
    void hostsAreSplitWhenAsked() throws Exception {
        Path f =
                log(
                        "syslog",
                        "Dec  4 10:17:01 web1 CRON[1]: (root) CMD (a)\n"
                                + "Dec  4 10:17:01 web2 CRON[1]: (root) CMD (b)\n"
                                + "Dec  4 10:17:02 web1 CRON[1]: (root) CMD (c)\n",
                        "2026-12-04T11:00:00Z");
        DateRange r = DateRange.everything();
        List<Summary> split =
                new Summarizer(
                                all(),
                                new Summarizer.Options(
                                        r, Detail.HIGH, true, false, ZoneOffset.UTC, 1),
                                NOW)
                        .run(List.of(new SummaryInput.LogFile(f)), () -> false);
        assertThat(split).extracting(Summary::host).containsExactly("web1", "web2");
        assertThat(split.get(0).service("cron").section("commands").total()).isEqualTo(2);
        assertThat(split.get(1).service("cron").section("commands").total()).isEqualTo(1);
    }

    @Test
    void aMultilogDirectoryIsReadInOrderWithItsTai64nTimes() throws Exception {
        Path ml = Files.createDirectories(dir.resolve("myservice/log/main"));
        Instant t1 = Instant.parse("2026-12-04T09:00:00Z");
        Instant t2 = Instant.parse("2026-12-03T09:00:00Z");
        // a multilog directory of something other than dnscache: lines carry no program tag,
        // the service is the directory's (daemontools: /service/NAME/log/main)
        Files.writeString(
                ml.resolve("@400000006b0691c51c57da0c.s"),
                Tai64n.format(t2) + " (root) CMD (old)\n");
        Files.writeString(ml.resolve("current"), Tai64n.format(t1) + " (root) CMD (new)\n");
        assertThat(Summarizer.multilogProgram(ml, List.of(ml.resolve("current"))))
                .isEqualTo("myservice");
        Summary s = run(List.of(new SummaryInput.Multilog(ml)), "today", true, false, 1);
        assertThat(s.linesRead()).isEqualTo(2);
        assertThat(s.linesInRange()).isEqualTo(1);
    }

    @Test
    void aPackageNameInDpkgLogIsNotAProgramTag() throws Exception {
        Path f =
                log(
                        "dpkg.log",
                        "2026-12-04 19:04:28 install cron:amd64 <none> 3.0pl1-162\n"
                                + "2026-12-04 19:04:40 configure dnscache:amd64 1:1.05-15+b2 <none>\n",
                        "2026-12-04T11:00:00Z");
        Summary s = run(List.of(new SummaryInput.LogFile(f)), "all", false, false, 1);
        assertThat(s.services()).isEmpty();
        assertThat(Summarizer.taggedLine("Dec  4 gw sshd[1]: hello", "hello")).isTrue();
        assertThat(Summarizer.taggedLine("x cron:amd64 y", "amd64 y")).isFalse();
    }
}
