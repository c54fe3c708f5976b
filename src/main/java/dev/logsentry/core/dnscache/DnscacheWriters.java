package dev.logsentry.core.dnscache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link DnscacheAnalysis} as text (trees indented by gluelessness) or as JSON Lines (one
 * object per client query, then one summary object with {@code "summary": true}; see {@link
 * DnscacheJson}, which also writes them one tree at a time). Text escapes control bytes (and ESC,
 * DEL and the C1 range) from the log as {@code \xHH}, so a hostile log line cannot drive the
 * terminal that shows the output.
 */
public final class DnscacheWriters {
    private ObjectMapper mapper; // only for the JsonNode views, made on first use

    /** One JSON object per query, then the summary; each on its own line. */
    public void json(DnscacheAnalysis a, Writer out) throws IOException {
        DnscacheJson j = new DnscacheJson(out);
        for (ResolutionTree t : a.trees()) {
            j.tree(t);
        }
        j.summary(a);
        out.flush();
    }

    /** The JSON object of one query. */
    public ObjectNode tree(ResolutionTree t) {
        return parse(DnscacheJson.toJson(t));
    }

    /** The summary object: counts per entry type, unparsed lines, outcomes, statistics. */
    public ObjectNode summary(DnscacheAnalysis a) {
        return parse(DnscacheJson.toJson(a));
    }

    private ObjectNode parse(String json) {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON written by DnscacheJson", e);
        }
    }

    /** Text: each query with its steps indented, glueless lookups one level further in. */
    public void text(DnscacheAnalysis a, Writer out) throws IOException {
        for (ResolutionTree t : a.trees()) {
            text(t, out);
        }
        textSummary(a, out);
    }

    /** Text of one query: its headline and its steps, indented. */
    public void text(ResolutionTree t, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(headline(t)).append('\n');
        for (ResolutionStep s : t.steps()) {
            step(sb, s, 1);
        }
        out.write(escape(sb));
    }

    /** The text summary, then a flush. */
    public void textSummary(DnscacheAnalysis a, Writer out) throws IOException {
        out.write(escape(summaryText(a)));
        out.flush();
    }

    /**
     * {@code text} with every control character but the line feeds this writer puts there (C0, DEL
     * and C1, ESC among them) as {@code \xHH}: log lines are Latin-1 decoded bytes, and a terminal
     * would obey them.
     */
    static String escape(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n && !control(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (control(c)) {
                sb.append("\\x")
                        .append(Character.forDigit(c >> 4, 16))
                        .append(Character.forDigit(c & 15, 16));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f);
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
        sb.append(a.lines()).append(" lines, ").append(a.stats().queries()).append(" queries, ");
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
