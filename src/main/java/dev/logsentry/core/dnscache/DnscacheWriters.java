package dev.logsentry.core.dnscache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link DnscacheAnalysis} as text (trees indented by gluelessness) or as JSON Lines (one
 * object per client query, then one summary object with {@code "summary": true}).
 */
public final class DnscacheWriters {
    private final ObjectMapper mapper =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** One JSON object per query, then the summary; each on its own line. */
    public void json(DnscacheAnalysis a, Writer out) throws IOException {
        for (ResolutionTree t : a.trees()) {
            out.write(mapper.writeValueAsString(tree(t)));
            out.write('\n');
        }
        out.write(mapper.writeValueAsString(summary(a)));
        out.write('\n');
        out.flush();
    }

    /** The JSON object of one query. */
    public ObjectNode tree(ResolutionTree t) {
        ObjectNode o = mapper.createObjectNode();
        o.put("serial", t.serial());
        o.put("client", t.clientEndpoint());
        if (t.query() != null) {
            o.put("id", t.query().id());
        } else {
            o.putNull("id");
        }
        o.put("type", t.type() < 0 ? "?" : DnsTypes.mnemonic(t.type()));
        o.put("typeNumber", t.type());
        o.put("name", t.name());
        o.put("outcome", t.outcome().name().toLowerCase(Locale.ROOT));
        if (t.dropReason() != null) {
            o.put("dropReason", t.dropReason());
        }
        o.put("bytes", t.bytes());
        o.put("maxGluelessness", t.maxGluelessness());
        o.put("tcp", t.isTcp());
        o.put("cacheHit", t.cacheHit());
        o.put("partial", t.isPartial());
        o.put("ambiguousSteps", t.ambiguousSteps());
        if (t.start() != null) {
            o.put("start", t.start().toString());
        }
        Duration d = t.duration();
        if (d != null) {
            o.put("durationMicros", d.toNanos() / 1000);
        }
        o.put("line", t.startLine());
        var steps = o.putArray("steps");
        for (ResolutionStep s : t.steps()) {
            steps.add(step(s));
        }
        return o;
    }

    private ObjectNode step(ResolutionStep s) {
        ObjectNode o = mapper.createObjectNode();
        o.put("kind", s.kind());
        o.put("gluelessness", s.gluelessness());
        if (s.isLookup()) {
            o.put("name", s.name());
        } else {
            ObjectNode fields = mapper.valueToTree(s.entry());
            fields.remove("time");
            if (s.entry().time() != null) {
                fields.put("time", s.entry().time().toString());
            }
            if (fields.has("type")) {
                int type = fields.get("type").asInt();
                fields.put("type", DnsTypes.mnemonic(type));
                fields.put("typeNumber", type);
            }
            if (s.entry() instanceof DnscacheEntry.Rr rr) {
                String decoded = rr.decoded();
                if (decoded != null) {
                    fields.put("data", decoded);
                }
            }
            o.setAll(fields);
        }
        if (s.isRestart()) {
            o.put("restart", true);
        }
        if (s.ambiguous()) {
            o.put("ambiguous", true);
            var alt = o.putArray("alternatives");
            s.alternatives().forEach(alt::add);
        }
        if (!s.children().isEmpty()) {
            var children = o.putArray("steps");
            for (ResolutionStep c : s.children()) {
                children.add(step(c));
            }
        }
        return o;
    }

    /** The summary object: counts per entry type, unparsed lines, outcomes, statistics. */
    public ObjectNode summary(DnscacheAnalysis a) {
        ObjectNode o = mapper.createObjectNode();
        o.put("summary", true);
        o.put("lines", a.lines());
        o.put("queries", a.trees().size());
        ObjectNode counts = o.putObject("counts");
        for (EntryKind k : EntryKind.values()) {
            if (k != EntryKind.UNPARSED) {
                counts.put(k.keyword(), a.count(k));
            }
        }
        o.put("unparsed", a.count(EntryKind.UNPARSED));
        o.put("unattributed", a.unattributed().size());
        ObjectNode outcomes = o.putObject("outcomes");
        a.stats().outcomes().forEach((k, v) -> outcomes.put(k.name().toLowerCase(Locale.ROOT), v));
        o.put("cacheHits", a.stats().cacheHits());
        ObjectNode glue = o.putObject("gluelessness");
        a.stats().gluelessness().forEach((k, v) -> glue.put(String.valueOf(k), v));
        putTop(o, "lameServers", a.stats().lameServers());
        putTop(o, "servfailNames", a.stats().servfailNames());
        putTop(o, "topNames", a.stats().topNames());
        putTop(o, "topClients", a.stats().topClients());
        var files = o.putArray("sources");
        a.sources().forEach(files::add);
        return o;
    }

    private static void putTop(
            ObjectNode o, String field, java.util.List<Map.Entry<String, Long>> l) {
        ObjectNode m = o.putObject(field);
        l.forEach(e -> m.put(e.getKey(), e.getValue()));
    }

    /** Text: each query with its steps indented, glueless lookups one level further in. */
    public void text(DnscacheAnalysis a, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        for (ResolutionTree t : a.trees()) {
            sb.append(headline(t)).append('\n');
            for (ResolutionStep s : t.steps()) {
                step(sb, s, 1);
            }
            out.write(sb.toString());
            sb.setLength(0);
        }
        out.write(summaryText(a));
        out.flush();
    }

    /** One line describing a query and its outcome. */
    public static String headline(ResolutionTree t) {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(t.serial()).append(' ').append(t.clientEndpoint());
        if (t.query() != null) {
            sb.append(" id ").append(t.query().id());
        }
        sb.append(t.isTcp() ? " tcp " : " ")
                .append(t.type() < 0 ? "?" : DnsTypes.mnemonic(t.type()))
                .append(' ')
                .append(t.name())
                .append(" -> ")
                .append(t.outcome());
        if (t.dropReason() != null) {
            sb.append(" (").append(t.dropReason()).append(')');
        }
        if (t.bytes() >= 0) {
            sb.append(", ").append(t.bytes()).append(" bytes");
        }
        if (t.duration() != null) {
            sb.append(", ")
                    .append(String.format(Locale.ROOT, "%.3f ms", t.duration().toNanos() / 1e6));
        }
        sb.append(", max gluelessness ").append(t.maxGluelessness());
        if (t.ambiguousSteps() > 0) {
            sb.append(", ").append(t.ambiguousSteps()).append(" ambiguous steps");
        }
        return sb.toString();
    }

    private static void step(StringBuilder sb, ResolutionStep s, int depth) {
        sb.append("  ".repeat(depth));
        if (s.isLookup()) {
            sb.append("[glueless ")
                    .append(s.gluelessness())
                    .append("] address of ")
                    .append(s.name());
        } else {
            sb.append(s.kind()).append(' ');
            if (s.name() != null) {
                sb.append(s.name()).append(' ');
            }
            sb.append(Entries.detail(s.entry()));
            if (s.isRestart()) {
                sb.append(" -> restart");
            }
        }
        if (s.ambiguous()) {
            sb.append("  (ambiguous; could be ").append(s.alternatives()).append(')');
        }
        sb.append('\n');
        for (ResolutionStep c : s.children()) {
            step(sb, c, depth + 1);
        }
    }

    private static String summaryText(DnscacheAnalysis a) {
        StringBuilder sb = new StringBuilder("\nsummary: ");
        sb.append(a.lines()).append(" lines, ").append(a.trees().size()).append(" queries, ");
        sb.append(a.count(EntryKind.UNPARSED)).append(" unparsed\n  outcomes:");
        a.stats().outcomes().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append("\n  entry types:");
        a.counts()
                .forEach(
                        (k, v) ->
                                sb.append(' ')
                                        .append(k.keyword().replace(' ', '_'))
                                        .append('=')
                                        .append(v));
        sb.append("\n  gluelessness:");
        a.stats().gluelessness().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append('\n');
        for (DnscacheEntry.Unparsed u : a.unparsed()) {
            sb.append("  unparsed ")
                    .append(u.source())
                    .append(':')
                    .append(u.line())
                    .append(": ")
                    .append(u.reason())
                    .append('\n');
        }
        return sb.toString();
    }
}
