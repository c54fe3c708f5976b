package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {

    @TempDir Path dir;

    private static final SourceClock CLOCK =
            new SourceClock(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);

    private static final byte[] LOG =
            concat(
                    "Nov 25 07:33:40 web1 CRON[4242]: (root) CMD (   cd / && run-parts --report"
                            + " /etc/cron.hourly)\n",
                    "Nov 25 07:33:43 web1 kernel: Oversized packet received from 10.0.0.9\n",
                    "Nov 25 07:33:44 web1 frob[17]: said \"hello, world\"\n",
                    "just text without a header\n");

    private static final byte[] BROKEN = {
        'N',
        'o',
        'v',
        ' ',
        '2',
        '5',
        ' ',
        '0',
        '7',
        ':',
        '3',
        '3',
        ':',
        '4',
        '5',
        ' ',
        'h',
        ' ',
        'x',
        ':',
        ' ',
        (byte) 0xff,
        'o',
        'k',
        '\n'
    };

    private IndexedFile file;
    private Export export;

    private static byte[] concat(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void open() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(LOG);
        all.writeBytes(BROKEN);
        file = Fixtures.indexed(dir, "syslog", all.toByteArray());
        ClassifiedSource c = Fixtures.classified(file, Fixtures.debianRules(Level.SERVER), 1);
        export = new Export(c, CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        file.close();
    }

    @Test
    void textToAStreamKeepsTheExactBytesOfTheSelectedLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Export.Result r =
                export.write(Rows.of(4, 1), Export.Format.TEXT, out, Progress.NONE, () -> false);
        assertThat(r).isEqualTo(new Export.Result(2, false));
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        want.writeBytes(BROKEN);
        want.writeBytes(file.rawLine(1));
        want.write('\n');
        assertThat(out.toByteArray()).isEqualTo(want.toByteArray());
    }

    @Test
    void csvFollowsRfc4180WithAllColumns() throws Exception {
        StringWriter out = new StringWriter();
        export.write(Rows.range(0, 5), Export.Format.CSV, out, Progress.NONE, () -> false);
        String csv = out.toString();
        assertThat(csv).contains("\r\n").doesNotContain("\r\r");
        List<List<String>> records = parseCsv(csv);
        assertThat(records.get(0))
                .containsExactly(
                        "time", "host", "program", "pid", "message", "verdict", "rule", "source",
                        "line", "offset");
        assertThat(records).hasSize(6);
        List<String> attack = records.get(2);
        assertThat(attack.get(0)).isEqualTo("2026-11-25T07:33:43Z");
        assertThat(attack.subList(1, 4)).containsExactly("web1", "kernel", "");
        assertThat(attack.get(5)).isEqualTo(Verdict.ATTACK.name());
        assertThat(attack.get(6)).startsWith("/etc/logcheck/cracking.d/kernel:");
        assertThat(attack.subList(7, 10))
                .containsExactly("syslog", "2", Long.toString(file.offset(1)));
        List<String> quoted = records.get(3);
        assertThat(quoted.get(3)).isEqualTo("17");
        assertThat(quoted.get(4)).isEqualTo("said \"hello, world\"");
        assertThat(quoted.get(5)).isEqualTo("UNUSUAL");
        assertThat(records.get(4).get(4)).isEqualTo("just text without a header");
        assertThat(records.get(4).get(0)).isEmpty();
        assertThat(records.get(5).get(4)).isEqualTo("\ufffdok");
    }

    @Test
    void jsonArrayAndJsonLinesCarryTheSameObjects() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        StringWriter array = new StringWriter();
        export.write(Rows.range(0, 5), Export.Format.JSON, array, Progress.NONE, () -> false);
        JsonNode all = mapper.readTree(array.toString());
        assertThat(all.isArray()).isTrue();
        assertThat(all.size()).isEqualTo(5);
        JsonNode cron = all.get(0);
        assertThat(cron.get("pid").asLong()).isEqualTo(4242);
        assertThat(cron.get("program").asText()).isEqualTo("CRON");
        assertThat(cron.get("verdict").asText()).isEqualTo("IGNORED");
        assertThat(cron.get("line").asLong()).isEqualTo(1);
        assertThat(all.get(3).get("time").isNull()).isTrue();
        assertThat(all.get(2).get("rule").isNull()).isTrue();

        StringWriter lines = new StringWriter();
        List<long[]> progress = new ArrayList<>();
        export.write(
                Rows.range(0, 5),
                Export.Format.JSON_LINES,
                lines,
                (done, total) -> progress.add(new long[] {done, total}),
                () -> false);
        String[] split = lines.toString().strip().split("\n");
        assertThat(split).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(mapper.readTree(split[i])).isEqualTo(all.get(i));
        }
        assertThat(progress.get(progress.size() - 1)).containsExactly(5, 5);
    }

    @Test
    void cancelledExportStopsAndSaysSo() throws Exception {
        StringWriter out = new StringWriter();
        Export.Result r =
                export.write(Rows.range(0, 5), Export.Format.CSV, out, Progress.NONE, () -> true);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.lines()).isZero();
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenNeeded() {
        assertThat(Export.csvField("plain")).isEqualTo("plain");
        assertThat(Export.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(Export.csvField("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(Export.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    /** A strict RFC 4180 reader for the test. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
