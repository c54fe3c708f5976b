package dev.logsentry.core.summary;

import dev.logsentry.core.dnscache.DnsTypes;
import dev.logsentry.core.dnscache.DnscacheEntry;
import dev.logsentry.core.dnscache.DnscacheParser;
import dev.logsentry.core.dnscache.Outcome;
import dev.logsentry.core.dnscache.ResolutionTree;
import dev.logsentry.core.dnscache.ResolutionTreeBuilder;
import java.time.Instant;
import java.util.ArrayList;
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

    /** A fresh stream for one host's dnscache lines. */
    public Stream stream(boolean trackLines) {
        return new Stream(trackLines);
    }

    /**
     * One host's dnscache lines, fed in log order and analysed as they come: each line is parsed
     * and goes to a streaming {@link ResolutionTreeBuilder}, and each tree is counted as soon as it
     * and the ones before it are complete. Memory holds the queries in flight and the counts, not
     * the lines.
     */
    public final class Stream {
        private final DnscacheParser parser = new DnscacheParser(def.name());
        private final ResolutionTreeBuilder builder;
        private final List<ServiceSummary.Unmatched> unmatched = new ArrayList<>();
        private long unmatchedMore;
        private long lines;
        private final Tally lame;
        private final Tally outcomes;
        private final Tally names;
        private final Tally clients;
        private final Tally servfails;
        private final Tally drops;
        private final Tally glue;
        private final Tally types;
        private final LineRefs hits;
        private long hitCount;
        private long complete;
        private final List<Series.Point> qps = new ArrayList<>();
        private DnscacheEntry.Stats prevStats;

        private Stream(boolean trackLines) {
            lame = new Tally(null, trackLines);
            outcomes = new Tally(null, trackLines);
            names = new Tally(null, trackLines);
            clients = new Tally(null, trackLines);
            servfails = new Tally(null, trackLines);
            drops = new Tally(null, trackLines);
            glue = new Tally(null, trackLines);
            types = new Tally(null, trackLines);
            hits = trackLines ? new LineRefs() : null;
            builder = ResolutionTreeBuilder.streaming(this::tree);
        }

        /**
         * @param line the entry, with its TAI64N label when it has one
         * @param lineNo its 1-based line number in {@code source}
         */
        public void add(String line, int source, long lineNo) {
            lines++;
            // The entry's "line number" is the packed reference, so trees lead back to the line.
            long ref = ((long) source << 40) | lineNo;
            DnscacheEntry e = parser.parse(line, ref);
            if (e instanceof DnscacheEntry.Unparsed u) {
                if (unmatched.size() < ServiceSummary.MAX_UNMATCHED) {
                    unmatched.add(new ServiceSummary.Unmatched(u.text(), source, lineNo));
                } else {
                    unmatchedMore++;
                }
            } else if (e instanceof DnscacheEntry.Lame l) {
                lame.add(List.of(l.server()), 0, source, lineNo);
            } else if (e instanceof DnscacheEntry.Stats st) {
                stats(st);
            }
            builder.accept(e);
        }

        public long lines() {
            return lines;
        }

        /** Queries per second between consecutive {@code stats} lines (labelled logs only). */
        private void stats(DnscacheEntry.Stats s) {
            DnscacheEntry.Stats prev = prevStats;
            if (prev != null
                    && prev.time() != null
                    && s.time() != null
                    && s.queries() >= prev.queries()) {
                double secs = (s.time().toEpochMilli() - prev.time().toEpochMilli()) / 1000.0;
                if (secs > 0) {
                    qps.add(
                            new Series.Point(
                                    s.time().getEpochSecond(),
                                    (s.queries() - prev.queries()) / secs));
                }
            }
            prevStats = s;
        }

        private void tree(ResolutionTree t) {
            long ref = t.startLine();
            int s = ref > 0 ? (int) (ref >>> 40) : 0;
            long l = ref > 0 ? ref & ((1L << 40) - 1) : 0;
            outcomes.add(List.of(t.outcome().name().toLowerCase(Locale.ROOT)), 0, s, l);
            if (t.outcome() == Outcome.DROPPED) {
                drops.add(List.of(String.valueOf(t.dropReason()), t.name()), 0, s, l);
            }
            if (t.isPartial()) {
                return;
            }
            complete++;
            names.add(List.of(t.name()), 0, s, l);
            clients.add(List.of(t.client()), 0, s, l);
            types.add(List.of(DnsTypes.mnemonic(t.type())), 0, s, l);
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

        /** Closes the queries still open and builds the summary. */
        public ServiceSummary summary() {
            builder.finish();
            List<Fact> facts = new ArrayList<>();
            facts.add(
                    new Fact("Client queries", Long.toString(outcomes.count()), outcomes.lines()));
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
            if (!qps.isEmpty()) {
                double max = 0;
                double sum = 0;
                for (Series.Point p : qps) {
                    max = Math.max(max, p.value());
                    sum += p.value();
                }
                facts.add(
                        new Fact(
                                "Queries per second (stats lines)",
                                String.format(
                                        Locale.ROOT,
                                        "%.2f average, %.2f peak",
                                        sum / qps.size(),
                                        max),
                                null));
            }
            if (prevStats != null) {
                facts.add(
                        new Fact(
                                "Last stats line",
                                prevStats.queries()
                                        + " queries since start, cache motion "
                                        + prevStats.cacheMotion()
                                        + " bytes",
                                null));
            }
            List<Section> sections = new ArrayList<>();
            sections.add(section("outcomes", "Outcomes", List.of("outcome"), outcomes, true));
            sections.add(section("types", "Query types", List.of("type"), types, false));
            sections.add(section("names", "Top names", List.of("name"), names, true));
            sections.add(section("clients", "Top clients", List.of("client"), clients, true));
            sections.add(section("lame", "Lame servers", List.of("server"), lame, false));
            sections.add(
                    section("servfail", "SERVFAIL by name", List.of("name"), servfails, false));
            sections.add(
                    section("drops", "Dropped queries", List.of("reason", "name"), drops, false));
            sections.add(
                    section(
                            "gluelessness",
                            "Gluelessness (queries by deepest level)",
                            List.of("level"),
                            glue,
                            true));
            Series series = new Series("Queries per second", "queries/s", List.copyOf(qps));
            return new ServiceSummary(
                    def.name(),
                    def.title() == null ? def.name() : def.title(),
                    lines,
                    facts,
                    sections,
                    qps.isEmpty() ? List.of() : List.of(series),
                    List.copyOf(unmatched),
                    unmatchedMore);
        }
    }

    private static Section section(
            String id, String title, List<String> keys, Tally t, boolean chart) {
        return new Section(id, title, keys, t, false, chart);
    }

    /** The label a syslog-carried dnscache line gets so that the trees know its time. */
    static String labelled(Instant time, String message) {
        return time == null ? message : dev.logsentry.core.time.Tai64n.format(time) + " " + message;
    }
}
