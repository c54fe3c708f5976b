package dev.logsentry.core.dnscache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.logsentry.core.time.InstantText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes dnscache results as JSON Lines with Jackson's streaming generator: one object per client
 * query, then one summary object with {@code "summary": true}. Each tree is written as soon as it
 * is handed over, so a log of any size is printed without keeping its trees, and without building a
 * JSON tree per query (which cost more than parsing the log). An entry's fields are its record
 * components in declaration order, the type as its mnemonic with the number after the time, as
 * Jackson's record serialization gave them.
 */
public final class DnscacheJson {
    private static final JsonFactory FACTORY =
            new JsonFactoryBuilder()
                    .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .rootValueSeparator((String) null)
                    .build();

    /** The record components of each entry type, with their accessors, in declaration order. */
    private static final ClassValue<Field[]> FIELDS =
            new ClassValue<>() {
                @Override
                protected Field[] computeValue(Class<?> type) {
                    RecordComponent[] rc = type.getRecordComponents();
                    List<Field> fields = new ArrayList<>();
                    for (RecordComponent c : rc == null ? new RecordComponent[0] : rc) {
                        fields.add(new Field(c.getName(), c.getAccessor()));
                    }
                    return fields.toArray(new Field[0]);
                }
            };

    private record Field(String name, Method accessor) {
        Object get(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + record, e);
            }
        }
    }

    private final JsonGenerator gen;
    private final InstantText instants = new InstantText();

    /**
     * A writer onto {@code out}; call {@link #flush} at the end (it does not close {@code out}).
     */
    public DnscacheJson(Writer out) throws IOException {
        this.gen = FACTORY.createGenerator(out);
    }

    /** The JSON of one tree as a string (one line, no newline). */
    public static String toJson(ResolutionTree t) {
        return asString(j -> j.writeTree(t));
    }

    /** The JSON of the summary as a string (one line, no newline). */
    public static String toJson(DnscacheAnalysis a) {
        return asString(j -> j.writeSummary(a));
    }

    private interface Body {
        void write(DnscacheJson j) throws IOException;
    }

    private static String asString(Body body) {
        StringWriter sw = new StringWriter();
        try {
            DnscacheJson j = new DnscacheJson(sw);
            body.write(j);
            j.gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
    }

    /** Writes one tree and a newline. */
    public void tree(ResolutionTree t) throws IOException {
        writeTree(t);
        gen.writeRaw('\n');
    }

    /** Writes the summary and a newline, and flushes. */
    public void summary(DnscacheAnalysis a) throws IOException {
        writeSummary(a);
        gen.writeRaw('\n');
        flush();
    }

    /** Flushes everything written so far to the underlying writer. */
    public void flush() throws IOException {
        gen.flush();
    }

    private void writeTree(ResolutionTree t) throws IOException {
        JsonGenerator g = gen;
        g.writeStartObject();
        g.writeNumberField("serial", t.serial());
        g.writeStringField("client", t.clientEndpoint());
        if (t.query() != null) {
            g.writeNumberField("id", t.query().id());
        } else {
            g.writeNullField("id");
        }
        g.writeStringField("type", t.type() < 0 ? "?" : DnsTypes.mnemonic(t.type()));
        g.writeNumberField("typeNumber", t.type());
        g.writeStringField("name", t.name());
        g.writeStringField("outcome", t.outcome().name().toLowerCase(Locale.ROOT));
        if (t.dropReason() != null) {
            g.writeStringField("dropReason", t.dropReason());
        }
        g.writeNumberField("bytes", t.bytes());
        g.writeNumberField("maxGluelessness", t.maxGluelessness());
        g.writeBooleanField("tcp", t.isTcp());
        g.writeBooleanField("cacheHit", t.cacheHit());
        g.writeBooleanField("partial", t.isPartial());
        g.writeNumberField("ambiguousSteps", t.ambiguousSteps());
        if (t.start() != null) {
            g.writeStringField("start", instants.format(t.start()));
        }
        Duration d = t.duration();
        if (d != null) {
            g.writeNumberField("durationMicros", d.toNanos() / 1000);
        }
        g.writeNumberField("line", t.startLine());
        g.writeArrayFieldStart("steps");
        for (ResolutionStep s : t.steps()) {
            step(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void step(ResolutionStep s) throws IOException {
        JsonGenerator g = gen;
        g.writeStartObject();
        if (s.isLookup()) {
            g.writeStringField("kind", s.kind());
            g.writeNumberField("gluelessness", s.gluelessness());
            g.writeStringField("name", s.name());
        } else {
            entry(s);
        }
        if (s.isRestart()) {
            g.writeBooleanField("restart", true);
        }
        if (s.ambiguous()) {
            g.writeBooleanField("ambiguous", true);
            g.writeArrayFieldStart("alternatives");
            for (long serial : s.alternatives()) {
                g.writeNumber(serial);
            }
            g.writeEndArray();
        }
        if (!s.children().isEmpty()) {
            g.writeArrayFieldStart("steps");
            for (ResolutionStep c : s.children()) {
                step(c);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The step's kind and level, then the entry's own fields (its own kind or level first). */
    private void entry(ResolutionStep s) throws IOException {
        JsonGenerator g = gen;
        DnscacheEntry e = s.entry();
        Field[] fields = FIELDS.get(e.getClass());
        Object kind = s.kind();
        Object level = s.gluelessness();
        for (Field f : fields) {
            if (f.name().equals("kind")) {
                kind = f.get(e);
            } else if (f.name().equals("gluelessness")) {
                level = f.get(e);
            }
        }
        g.writeFieldName("kind");
        value(kind);
        g.writeFieldName("gluelessness");
        value(level);
        int type = Integer.MIN_VALUE;
        for (Field f : fields) {
            String name = f.name();
            if (name.equals("time") || name.equals("kind") || name.equals("gluelessness")) {
                continue;
            }
            Object v = f.get(e);
            g.writeFieldName(name);
            if (name.equals("type") && v instanceof Integer number) {
                type = number;
                g.writeString(DnsTypes.mnemonic(type));
            } else {
                value(v);
            }
        }
        if (e.time() != null) {
            g.writeStringField("time", instants.format(e.time()));
        }
        if (type != Integer.MIN_VALUE) {
            g.writeNumberField("typeNumber", type);
        }
        if (e instanceof DnscacheEntry.Rr rr) {
            String decoded = rr.decoded();
            if (decoded != null) {
                g.writeStringField("data", decoded);
            }
        }
    }

    private void value(Object v) throws IOException {
        JsonGenerator g = gen;
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private void writeSummary(DnscacheAnalysis a) throws IOException {
        JsonGenerator g = gen;
        g.writeStartObject();
        g.writeBooleanField("summary", true);
        g.writeNumberField("lines", a.lines());
        g.writeNumberField("queries", a.stats().queries());
        g.writeObjectFieldStart("counts");
        for (EntryKind k : EntryKind.values()) {
            if (k != EntryKind.UNPARSED) {
                g.writeNumberField(k.keyword(), a.count(k));
            }
        }
        g.writeEndObject();
        g.writeNumberField("unparsed", a.count(EntryKind.UNPARSED));
        g.writeArrayFieldStart("unparsedLines"); // the first ones, each naming file and line
        for (DnscacheEntry.Unparsed u :
                a.unparsed().subList(0, Math.min(1000, a.unparsed().size()))) {
            g.writeStartObject();
            g.writeStringField("source", u.source());
            g.writeNumberField("line", u.line());
            g.writeStringField("reason", u.reason());
            g.writeStringField("text", u.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("unattributed", a.unattributed().size());
        g.writeObjectFieldStart("outcomes");
        for (Map.Entry<Outcome, Long> e : a.stats().outcomes().entrySet()) {
            g.writeNumberField(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("cacheHits", a.stats().cacheHits());
        g.writeObjectFieldStart("gluelessness");
        for (Map.Entry<Integer, Long> e : a.stats().gluelessness().entrySet()) {
            g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        top("lameServers", a.stats().lameServers());
        top("servfailNames", a.stats().servfailNames());
        top("topNames", a.stats().topNames());
        top("topClients", a.stats().topClients());
        g.writeArrayFieldStart("sources");
        for (String s : a.sources()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void top(String field, List<Map.Entry<String, Long>> l) throws IOException {
        gen.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> e : l) {
            gen.writeNumberField(e.getKey(), e.getValue());
        }
        gen.writeEndObject();
    }
}
