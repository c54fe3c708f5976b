package dev.logsentry.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;

/**
 * The report as one JSON document (Jackson streaming, so large reports need no tree in memory): run
 * metadata, rule problems, errors, warnings, and the sections with each line's source, byte offset,
 * text and deciding rule ({@code file}, {@code line}, {@code pattern}).
 *
 * <p>Line text is UTF-8 decoded; when a line is not valid UTF-8 its exact bytes are added as {@code
 * bytesBase64}, so nothing is lost.
 */
public final class JsonReport implements ReportWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String host;
    private final ZonedDateTime started;

    /**
     * @param host the host name to record (may be null)
     * @param started when the run started (may be null)
     */
    public JsonReport(String host, ZonedDateTime started) {
        this.host = host;
        this.started = started;
    }

    @Override
    public void write(CheckResult result, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("profile", result.profile().name());
            if (host != null) {
                json.writeStringField("host", host);
            }
            if (started != null) {
                json.writeStringField("started", started.toOffsetDateTime().toString());
            }
            json.writeStringField("verdict", result.verdict().name());
            json.writeNumberField("linesChecked", result.linesChecked());
            json.writeArrayFieldStart("ruleProblems");
            for (RuleProblem p : result.ruleProblems()) {
                json.writeStartObject();
                json.writeStringField("file", p.file().toString());
                json.writeNumberField("line", p.line());
                json.writeStringField("pattern", p.source());
                json.writeStringField("message", p.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            stringArray(json, "errors", result.errors());
            stringArray(json, "warnings", result.warnings());
            json.writeArrayFieldStart("sections");
            for (Section section : result.sections()) {
                json.writeStartObject();
                json.writeStringField("kind", section.kind().name());
                json.writeStringField("heading", section.heading());
                json.writeStringField("ruleFile", section.ruleFile());
                json.writeArrayFieldStart("lines");
                for (ReportedLine line : section.lines()) {
                    line(json, line);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void line(JsonGenerator json, ReportedLine reported) throws IOException {
        InputLine line = reported.line();
        json.writeStartObject();
        json.writeStringField("source", line.source());
        json.writeNumberField("offset", line.offset());
        byte[] bytes = line.bytes();
        json.writeStringField("text", new String(bytes, StandardCharsets.UTF_8));
        if (!isUtf8(bytes)) {
            json.writeStringField("bytesBase64", Base64.getEncoder().encodeToString(bytes));
        }
        Rule rule = reported.rule();
        if (rule != null) {
            json.writeObjectFieldStart("rule");
            json.writeStringField("file", rule.file().toString());
            json.writeNumberField("line", rule.line());
            json.writeStringField("pattern", rule.source());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void stringArray(JsonGenerator json, String name, java.util.List<String> items)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (String item : items) {
            json.writeString(item);
        }
        json.writeEndArray();
    }

    @Override
    public String mediaType() {
        return "application/json";
    }
}
