package dev.logsentry.core.summary;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheEntry;
import dev.logsentry.core.dnscache.DnscacheParser;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The dnscache service: its lines go through the same {@link DnscacheParser} and {@link
 * DnscacheAnalyzer} (and so the same resolution trees) as the DNS perspective and {@code logsentry
 * dnscache}, and the summary is read off the trees: queries, outcomes, cache hit rate, queries per
 * second from the {@code stats} lines, top names and clients, lame servers, SERVFAILs by name,
 * drops and the gluelessness distribution. Each number keeps the query lines behind it.
 */
public final class DnscacheService {
    private final ServiceDefinition def;

    public DnscacheService(ServiceDefinition def) {
        this.def = def;
    }

    public ServiceDefinition definition() {
        return def;
    }

    /** The problems with the samples: each must parse as a dnscache entry. */
    public static List<String> checkSamples(ServiceDefinition def) {
        List<String> problems = new ArrayList<>();
        DnscacheParser p = new DnscacheParser("sample");
        int n = 0;
        for (ServiceDefinition.Sample s : def.samples()) {
            n++;
            if (p.parse(s.line(), n) instanceof DnscacheEntry.Unparsed u) {
                problems.add(
                        "sample "
                                + n
                                + " '"
                                + s.line()
                                + "' is not a dnscache entry: "
                                + u.reason());
            }
        }
        return problems;
    }

    /** Collects one reader's dnscache lines in order; they are analysed together at the end. */
    public static final class Lines {
        private String[] text = new String[64];
        private long[] refs = new long[64];
        private int size;

        /**
         * @param line the entry, with its TAI64N label when it has one
         */
        public void add(String line, int source, long lineNo) {
            if (size == text.length) {
                text = Arrays.copyOf(text, size * 2);
                refs = Arrays.copyOf(refs, size * 2);
            }
            text[size] = line;
            refs[size] = ((long) source << 40) | lineNo;
            size++;
        }

        public void addAll(Lines o) {
            for (int i = 0; i < o.size; i++) {
                add(o.text[i], (int) (o.refs[i] >>> 40), o.refs[i] & ((1L << 40) - 1));
            }
        }

        public int size() {
            return size;
        }

        void shiftLines(long delta) {
            for (int i = 0; i < size; i++) {
                refs[i] += delta;
            }
        }
    }

    /** Builds the summary from the lines collected. */
    public ServiceSummary summarize(Lines lines, boolean trackLines) {
        DnscacheParser parser = new DnscacheParser(def.name());
        DnscacheAnalyzer analyzer = new DnscacheAnalyzer();
        List<ServiceSummary.Unmatched> unmatched = new ArrayList<>();
        long unmatchedMore = 0;
        Tally lame = new Tally(null, trackLines);
        List<DnscacheEntry.Stats> stats = new ArrayList<>();
        for (int i = 0; i < lines.size; i++) {
            // The entry's line number is its position here, so trees lead back to the real line.
            DnscacheEntry e = parser.parse(lines.text[i], i + 1);
            if (e instanceof DnscacheEntry.Unparsed u) {
                unmatched.add(
                        new ServiceSummary.Unmatched(u.text(), src(lines, i), line(lines, i)));
            } else if (e instanceof DnscacheEntry.Lame l) {
                lame.add(List.of(l.server()), 0, src(lines, i), line(lines, i));
            } else if (e instanceof DnscacheEntry.Stats s) {
                stats.add(s);
            }
            analyzer.accept(e);
        }
        DnscacheAnalysis a = analyzer.finish(List.of());
        Tally outcomes = new Tally(null, trackLines);
        Tally names = new Tally(null, trackLines);
        Tally clients = new Tally(null, trackLines);
        Tally servfails = new Tally(null, trackLines);
        Tally drops = new Tally(null, trackLines);
        Tally glue = new Tally(null, trackLines);
        Tally types = new Tally(null, trackLines);
        LineRefs hits = trackLines ? new LineRefs() : null;
        long hitCount = 0;
        long complete = 0;
        for (ResolutionTree t : a.trees()) {
            int i = (int) t.startLine() - 1;
            int s = i >= 0 && i < lines.size ? src(lines, i) : 0;
            long l = i >= 0 && i < lines.size ? line(lines, i) : 0;
            outcomes.add(List.of(t.outcome().name().toLowerCase(Locale.ROOT)), 0, s, l);
            if (t.outcome() == Outcome.DROPPED) {
                drops.add(List.of(String.valueOf(t.dropReason()), t.name()), 0, s, l);
            }
            if (t.isPartial()) {
                continue;
            }
            complete++;
            names.add(List.of(t.name()), 0, s, l);
            clients.add(List.of(t.client()), 0, s, l);
            types.add(List.of(dev.logsentry.core.dnscache.DnsTypes.mnemonic(t.type())), 0, s, l);
            glue.add(List.of(String.valueOf(t.maxGluelessness())), 0, s, l);
            if (t.cacheHit()) {
                hitCount++;
                if (hits != null) {
                    hits.add(s, l);
                }
            }
            if (t.outcome() == Outcome.SERVFAIL) {
                servfails.add(List.of(t.name()), 0, s, l);
            }
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Client queries", Long.toString(outcomes.count()), outcomes.lines()));
        facts.add(
                new Fact(
                        "Cache hit rate",
                        complete == 0
                                ? "-"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f%% (%d of %d)",
                                        100.0 * hitCount / complete,
                                        hitCount,
                                        complete),
                        hits));
        Series qps = queriesPerSecond(stats);
        if (!qps.points().isEmpty()) {
            double max = 0;
            double sum = 0;
            for (Series.Point p : qps.points()) {
                max = Math.max(max, p.value());
                sum += p.value();
            }
            facts.add(
                    new Fact(
                            "Queries per second (stats lines)",
                            String.format(
                                    Locale.ROOT,
                                    "%.2f average, %.2f peak",
                                    sum / qps.points().size(),
                                    max),
                            null));
        }
        if (!stats.isEmpty()) {
            DnscacheEntry.Stats last = stats.get(stats.size() - 1);
            facts.add(
                    new Fact(
                            "Last stats line",
                            last.queries()
                                    + " queries since start, cache motion "
                                    + last.cacheMotion()
                                    + " bytes",
                            null));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(section("outcomes", "Outcomes", List.of("outcome"), outcomes, true));
        sections.add(section("types", "Query types", List.of("type"), types, false));
        sections.add(section("names", "Top names", List.of("name"), names, true));
        sections.add(section("clients", "Top clients", List.of("client"), clients, true));
        sections.add(section("lame", "Lame servers", List.of("server"), lame, false));
        sections.add(section("servfail", "SERVFAIL by name", List.of("name"), servfails, false));
        sections.add(section("drops", "Dropped queries", List.of("reason", "name"), drops, false));
        sections.add(
                section(
                        "gluelessness",
                        "Gluelessness (queries by deepest level)",
                        List.of("level"),
                        glue,
                        true));
        return new ServiceSummary(
                def.name(),
                def.title() == null ? def.name() : def.title(),
                lines.size,
                facts,
                sections,
                qps.points().isEmpty() ? List.of() : List.of(qps),
                unmatched,
                unmatchedMore);
    }

    private static Section section(
            String id, String title, List<String> keys, Tally t, boolean chart) {
        return new Section(id, title, keys, t, false, chart);
    }

    /** Queries per second between consecutive {@code stats} lines (labelled logs only). */
    static Series queriesPerSecond(List<DnscacheEntry.Stats> stats) {
        List<Series.Point> points = new ArrayList<>();
        DnscacheEntry.Stats prev = null;
        for (DnscacheEntry.Stats s : stats) {
            if (prev != null
                    && prev.time() != null
                    && s.time() != null
                    && s.queries() >= prev.queries()) {
                double secs = (s.time().toEpochMilli() - prev.time().toEpochMilli()) / 1000.0;
                if (secs > 0) {
                    points.add(
                            new Series.Point(
                                    s.time().getEpochSecond(),
                                    (s.queries() - prev.queries()) / secs));
                }
            }
            prev = s;
        }
        return new Series("Queries per second", "queries/s", points);
    }

    private static int src(Lines l, int i) {
        return (int) (l.refs[i] >>> 40);
    }

    private static long line(Lines l, int i) {
        return l.refs[i] & ((1L << 40) - 1);
    }

    /** The label a syslog-carried dnscache line gets so that the trees know its time. */
    static String labelled(Instant time, String message) {
        return time == null ? message : dev.logsentry.core.time.Tai64n.format(time) + " " + message;
    }
}
