package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void missingFileIsReportedByName() {
        assertThat(run("dnscache", "/nonexistent/dnscache.log")).isEqualTo(1);
        assertThat(err.toString()).contains("/nonexistent/dnscache.log");
    }
}
