package dev.logsentry.core.browse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.source.SyslogLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;

/**
 * Writes lines of a view or a selection as plain text, CSV or JSON, streaming: one line is read,
 * converted and written at a time, so an export of millions of lines needs no more memory than one.
 * Runs on the caller's (background) thread; the caller owns and closes the stream. A cancelled
 * export leaves a partial file: the caller should delete it.
 *
 * <p>CSV follows RFC 4180 (CRLF, quotes doubled, a header row); CSV and JSON carry the columns
 * {@code time, host, program, pid, message, verdict, rule, source, line, offset}, where time is ISO
 * 8601 with offset in the source's zone, rule is {@code file:line} and line is 1-based.
 */
public final class Export {

    /** The output formats. */
    public enum Format {
        /** The lines as they are, one per line. */
        TEXT,
        /** RFC 4180 comma-separated values with a header row. */
        CSV,
        /** One JSON array of objects. */
        JSON,
        /** JSON Lines: one object per line. */
        JSON_LINES;

        /** The usual file name extension, without dot. */
        public String extension() {
            return switch (this) {
                case TEXT -> "log";
                case CSV -> "csv";
                case JSON -> "json";
                case JSON_LINES -> "jsonl";
            };
        }
    }

    /**
     * How an export ended.
     *
     * @param lines lines written
     * @param cancelled whether it stopped because it was cancelled
     */
    public record Result(long lines, boolean cancelled) {}

    static final String[] COLUMNS = {
        "time", "host", "program", "pid", "message", "verdict", "rule", "source", "line", "offset"
    };

    private final ClassifiedSource classified;
    private final SyslogLine.Parser parser;
    private final DateTimeFormatter timeFormat;

    public Export(ClassifiedSource classified, SourceClock clock) {
        this.classified = classified;
        this.parser = clock.parser();
        this.timeFormat = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(clock.zone());
    }

    /**
     * Writes {@code rows} to a byte stream: TEXT as the lines' exact bytes (nothing lost, even
     * invalid UTF-8), the other formats as UTF-8.
     */
    public Result write(
            Rows rows,
            Format format,
            OutputStream out,
            Progress progress,
            BooleanSupplier cancelled)
            throws IOException {
        if (format == Format.TEXT && classified.source() instanceof RawLineSource raw) {
            long total = rows.size();
            for (long r = 0; r < total; r++) {
                if (stop(r, total, progress, cancelled)) {
                    out.flush();
                    return new Result(r, true);
                }
                out.write(raw.rawLine(rows.lineAt(r)));
                out.write('\n');
            }
            out.flush();
            progress.update(total, total);
            return new Result(total, false);
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Result result = write(rows, format, w, progress, cancelled);
        w.flush();
        return result;
    }

    /** Writes {@code rows} as text (lines decoded as UTF-8). */
    public Result write(
            Rows rows, Format format, Writer out, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        return switch (format) {
            case TEXT -> text(rows, out, progress, cancelled);
            case CSV -> csv(rows, out, progress, cancelled);
            case JSON, JSON_LINES -> json(rows, format == Format.JSON, out, progress, cancelled);
        };
    }

    private Result text(Rows rows, Writer out, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        long total = rows.size();
        for (long r = 0; r < total; r++) {
            if (stop(r, total, progress, cancelled)) {
                out.flush();
                return new Result(r, true);
            }
            out.write(text(rows.lineAt(r)));
            out.write('\n');
        }
        out.flush();
        progress.update(total, total);
        return new Result(total, false);
    }

    private Result csv(Rows rows, Writer out, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        for (int c = 0; c < COLUMNS.length; c++) {
            out.write(c == 0 ? COLUMNS[c] : "," + COLUMNS[c]);
        }
        out.write("\r\n");
        long total = rows.size();
        for (long r = 0; r < total; r++) {
            if (stop(r, total, progress, cancelled)) {
                out.flush();
                return new Result(r, true);
            }
            String[] values = values(rows.lineAt(r));
            for (int c = 0; c < values.length; c++) {
                if (c > 0) {
                    out.write(',');
                }
                out.write(csvField(values[c]));
            }
            out.write("\r\n");
        }
        out.flush();
        progress.update(total, total);
        return new Result(total, false);
    }

    /** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0
                && value.indexOf('"') < 0
                && value.indexOf('\r') < 0
                && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private Result json(
            Rows rows, boolean array, Writer out, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        long total = rows.size();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(new SerializedString("\n"));
            if (array) {
                g.writeStartArray();
            }
            for (long r = 0; r < total; r++) {
                if (stop(r, total, progress, cancelled)) {
                    g.flush();
                    return new Result(r, true);
                }
                writeObject(g, rows.lineAt(r));
            }
            if (array) {
                g.writeEndArray();
            }
            g.flush();
        }
        out.write('\n');
        out.flush();
        progress.update(total, total);
        return new Result(total, false);
    }

    private void writeObject(JsonGenerator g, long line) throws IOException {
        String[] v = values(line);
        g.writeStartObject();
        for (int c = 0; c < COLUMNS.length; c++) {
            String name = COLUMNS[c];
            switch (name) {
                case "pid" -> {
                    if (v[c].isEmpty()) {
                        g.writeNullField(name);
                    } else {
                        g.writeNumberField(name, Long.parseLong(v[c]));
                    }
                }
                case "line", "offset" -> g.writeNumberField(name, Long.parseLong(v[c]));
                default -> {
                    if (v[c].isEmpty() && !name.equals("message")) {
                        g.writeNullField(name);
                    } else {
                        g.writeStringField(name, v[c]);
                    }
                }
            }
        }
        g.writeEndObject();
    }

    /** The column values of {@code line}; empty strings for what it lacks. */
    private String[] values(long line) throws IOException {
        String text = text(line);
        SyslogLine f = parser.parse(text);
        LineSource source = classified.source();
        Verdict verdict = null;
        Rule rule = null;
        if (line < classified.classifiedCount()) {
            verdict = classified.verdict(line);
            rule = classified.rule(line);
        }
        return new String[] {
            f.time() == null ? "" : timeFormat.format(f.time()),
            f.host() == null ? "" : f.host(),
            f.program() == null ? "" : f.program(),
            f.pid() < 0 ? "" : Long.toString(f.pid()),
            f.message(),
            verdict == null ? "" : verdict.name(),
            rule == null ? "" : rule.location(),
            source.name(),
            Long.toString(line + 1),
            Long.toString(source.offset(line))
        };
    }

    private String text(long line) throws IOException {
        LineSource source = classified.source();
        return source instanceof RawLineSource raw ? raw.fullLine(line) : source.line(line);
    }

    private static boolean stop(
            long row, long total, Progress progress, BooleanSupplier cancelled) {
        if ((row & 1023) != 0) {
            return false;
        }
        progress.update(row, total);
        return cancelled.getAsBoolean();
    }
}
