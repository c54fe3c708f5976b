package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statistics over a dnscache log: load, outcomes, the busiest names and clients, cache hits (only
 * answers to the client's own question count), lame servers, names that failed, gluelessness and
 * the slowest queries.
 *
 * @param queriesPerSecond client queries per epoch second (labelled logs only)
 * @param counters dnscache's own {@code stats} lines in order (queries, cache motion, active)
 * @param outcomes client queries per outcome
 * @param topNames the most asked names with their counts, most first
 * @param topClients the busiest client addresses with their counts, most first
 * @param cacheHits queries whose answer came from the cache
 * @param lameServers lame server address to the number of lame answers, most first
 * @param servfailNames names whose query ended in SERVFAIL, with counts, most first
 * @param gluelessness number of queries per maximum gluelessness reached
 * @param slowest the queries that took longest (labelled logs only), slowest first
 */
public record DnscacheStats(
        SortedMap<Long, Integer> queriesPerSecond,
        List<Stats> counters,
        Map<Outcome, Long> outcomes,
        List<Map.Entry<String, Long>> topNames,
        List<Map.Entry<String, Long>> topClients,
        long cacheHits,
        List<Map.Entry<String, Long>> lameServers,
        List<Map.Entry<String, Long>> servfailNames,
        SortedMap<Integer, Long> gluelessness,
        List<ResolutionTree> slowest) {

    /** How many entries the top lists keep. */
    public static final int TOP = 20;

    /** Computes the statistics; {@code lame} maps lame server addresses to their lame answers. */
    public static DnscacheStats of(
            List<ResolutionTree> trees, List<Stats> counters, Map<String, Long> lame) {
        Accumulator a = new Accumulator();
        for (ResolutionTree t : trees) {
            a.add(t);
        }
        return a.result(counters, lame);
    }

    /**
     * Collects the statistics one tree at a time, keeping only counts and the slowest few, so that
     * a streamed log of any size needs no list of its trees. Feed the trees in query order: ties
     * among the slowest are then broken as {@link #of} breaks them.
     */
    public static final class Accumulator {
        private final Map<Long, Integer> qps = new HashMap<>();
        private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        private final Map<String, Long> names = new HashMap<>();
        private final Map<String, Long> clients = new HashMap<>();
        private final Map<String, Long> servfail = new HashMap<>();
        private final SortedMap<Integer, Long> glue = new TreeMap<>();
        private long hits;

        /** The slowest so far, slowest first, earlier first among equals; at most {@link #TOP}. */
        private final List<ResolutionTree> slowest = new ArrayList<>(TOP + 1);

        /** Counts one tree. */
        public void add(ResolutionTree t) {
            outcomes.merge(t.outcome(), 1L, Long::sum);
            if (t.isPartial()) {
                return;
            }
            if (t.start() != null) {
                qps.merge(t.start().getEpochSecond(), 1, Integer::sum);
            }
            names.merge(t.name(), 1L, Long::sum);
            clients.merge(t.client(), 1L, Long::sum);
            glue.merge(t.maxGluelessness(), 1L, Long::sum);
            if (t.cacheHit()) {
                hits++;
            }
            if (t.outcome() == Outcome.SERVFAIL) {
                servfail.merge(t.name(), 1L, Long::sum);
            }
            long d = t.durationNanos();
            if (d >= 0
                    && (slowest.size() < TOP
                            || d > slowest.get(slowest.size() - 1).durationNanos())) {
                int i = slowest.size();
                while (i > 0 && slowest.get(i - 1).durationNanos() < d) {
                    i--; // after every one at least as slow: a stable order
                }
                slowest.add(i, t);
                if (slowest.size() > TOP) {
                    slowest.remove(TOP);
                }
            }
        }

        /** The statistics of the trees added so far. */
        public DnscacheStats result(List<Stats> counters, Map<String, Long> lame) {
            return new DnscacheStats(
                    new TreeMap<>(qps),
                    List.copyOf(counters),
                    new EnumMap<>(outcomes),
                    top(names),
                    top(clients),
                    hits,
                    top(lame),
                    top(servfail),
                    new TreeMap<>(glue),
                    List.copyOf(slowest));
        }
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> l = new ArrayList<>(counts.entrySet());
        l.sort(
                Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : l.subList(0, Math.min(TOP, l.size()))) {
            out.add(Map.entry(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    /** Total client queries counted. */
    public long queries() {
        long n = 0;
        for (long v : outcomes.values()) {
            n += v;
        }
        return n;
    }

    /** The duration of the slowest query, or {@code null}. */
    public Duration slowestDuration() {
        return slowest.isEmpty() ? null : slowest.get(0).duration();
    }
}
