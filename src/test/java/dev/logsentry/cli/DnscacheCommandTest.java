package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DnscacheCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = LogSentryCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(
                        DnscacheCommandTest.class
                                .getResource("/dev/logsentry/core/dnscache/plain.log")
                                .toURI())
                .resolveSibling(name)
                .toString();
    }

    @Test
    void jsonLinesHaveOneObjectPerQueryThenTheSummary() throws Exception {
        assertThat(run("dnscache", "--format", "json", fixture("main"))).isZero();
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            objects.add(m.readTree(line));
        }
        assertThat(objects).hasSize(55);
        JsonNode first = objects.get(0);
        assertThat(first.get("serial").asLong()).isEqualTo(1);
        assertThat(first.get("client").asText()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(first.get("type").asText()).isEqualTo("A");
        assertThat(first.get("name").asText()).isEqualTo("www.alpha.test.");
        assertThat(first.get("outcome").asText()).isEqualTo("answered");
        assertThat(first.get("bytes").asInt()).isEqualTo(101);
        assertThat(first.get("maxGluelessness").asInt()).isZero();
        assertThat(first.has("id")).isTrue();
        JsonNode tx = first.get("steps").get(0);
        assertThat(tx.get("kind").asText()).isEqualTo("tx");
        assertThat(tx.get("control").asText()).isEqualTo(".");
        assertThat(tx.get("steps").get(0).get("kind").asText()).isEqualTo("rr");
        JsonNode g3 = objects.get(25);
        assertThat(g3.get("name").asText()).isEqualTo("www.g3.test.");
        assertThat(g3.get("maxGluelessness").asInt()).isEqualTo(3);
        JsonNode summary = objects.get(54);
        assertThat(summary.get("summary").asBoolean()).isTrue();
        assertThat(summary.get("unparsed").asInt()).isZero();
        assertThat(summary.get("counts").get("query").asInt()).isEqualTo(54);
        assertThat(summary.get("counts").get("cached ns").asInt()).isPositive();
    }

    @Test
    void textIndentsGluelessLookups() throws Exception {
        assertThat(run("dnscache", fixture("main"))).isZero();
        assertThat(out.toString())
                .contains("#26 ")
                .contains("  [glueless 1] address of ns.h3.other.")
                .contains("    [glueless 2] address of ns.h3b.test.")
                .contains("      [glueless 3] address of ns.h3c.other.")
                .contains("summary: 509 lines, 54 queries, 0 unparsed");
    }

    @Test
    void everyGoodInputIsProcessedAndEachBadOneNamedBeforeANonZeroExit(@TempDir Path tmp)
            throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("emptydir"));
        Path badGz = tmp.resolve("broken.gz");
        Files.write(badGz, new byte[] {1, 2, 3, 4});
        int rc =
                run(
                        "dnscache",
                        "/nonexistent/dnscache.log",
                        fixture("plain.log"),
                        empty.toString(),
                        badGz.toString(),
                        fixture("main"));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString())
                .contains("/nonexistent/dnscache.log: no such file or directory")
                .contains(empty + ": a directory without multilog files")
                .contains(badGz + ": damaged compressed data: Not in GZIP format");
        // the good inputs are all there: plain.log's and main's queries
        String good = goodOutputOf(fixture("plain.log"), fixture("main"));
        assertThat(out.toString()).isEqualTo(good);
    }

    @Test
    void anUnreadableFileIsNamedWithTheReason(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("current");
        Files.copy(Path.of(fixture("plain.log")), f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(f), "running as root: every file is readable");
        assertThat(run("dnscache", f.toString(), fixture("main"))).isEqualTo(1);
        assertThat(err.toString()).contains(f + ": permission denied");
        assertThat(out.toString()).contains("summary: 509 lines");
    }

    @Test
    void aMultilogDirectoryNeverFollowsSymlinksNorReadsDirectories(@TempDir Path tmp)
            throws Exception {
        Path secret = tmp.resolve("shadow");
        Files.writeString(secret, "root:$6$secret:19000:0:99999:7:::\n");
        Path dir = Files.createDirectory(tmp.resolve("log"));
        Files.copy(Path.of(fixture("plain.log")), dir.resolve("current"));
        Path link = dir.resolve("@400000006b0691c51c57da0c.s");
        Files.createSymbolicLink(link, secret);
        Path sub = Files.createDirectory(dir.resolve("@400000006b0691c6103bb93c.s"));
        int rc = run("dnscache", "--format", "json", dir.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("secret").doesNotContain("root:");
        assertThat(err.toString())
                .contains(link + ": a symbolic link (not followed), skipped")
                .contains(sub + ": a directory, not a log file, skipped")
                .doesNotContain("secret");
        JsonNode summary = lastJson();
        assertThat(summary.get("unparsed").asInt()).isZero();
        assertThat(summary.get("sources")).hasSize(1);
    }

    @Test
    void textOutputEscapesControlAndEscapeBytes(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("evil.log");
        Files.write(
                f,
                ("query 1 7f000001:0001:0002 1 \u001b]0;owned\u0007.\n"
                                + "\u001b[2J\u009b31m\n"
                                + "sent 1 40\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("dnscache", f.toString())).isZero();
        String text = out.toString();
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
        assertThat(text).contains("\\x1b]0;owned\\x07.").contains("\\x1b[2J\\x9b31m");
    }

    @Test
    void anRrLineCutOffBeforeItsDataCountsAsUnparsed(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("cut.log");
        Files.writeString(
                f,
                "query 1 7f000001:0001:0002 1 a.test.\n"
                        + "tx 0 1 a.test. . 7f000035\n"
                        + "rr 7f000035 60 1 a.test.\n"
                        + "sent 1 40\n");
        assertThat(run("dnscache", "--format", "json", f.toString())).isZero();
        JsonNode summary = lastJson();
        assertThat(summary.get("unparsed").asInt()).isEqualTo(1);
        assertThat(summary.get("unparsedLines").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(summary.get("unparsedLines").get(0).get("reason").asText())
                .contains("cut off before its data");
        assertThat(summary.get("counts").get("rr").asInt()).isZero();
    }

    private JsonNode lastJson() throws Exception {
        String[] lines = out.toString().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    /** What the command prints for these inputs alone (all good). */
    private static String goodOutputOf(String... paths) {
        StringWriter o = new StringWriter();
        CommandLine cl = LogSentryCommand.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("dnscache"));
        args.addAll(List.of(paths));
        assertThat(cl.execute(args.toArray(new String[0]))).isZero();
        return o.toString();
    }

    @Test
    void missingFileIsReportedByName() {
        assertThat(run("dnscache", "/nonexistent/dnscache.log")).isEqualTo(1);
        assertThat(err.toString()).contains("/nonexistent/dnscache.log");
    }
}
