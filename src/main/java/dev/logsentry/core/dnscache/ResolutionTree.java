package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How dnscache answered one client query: from its {@code query} line to {@code sent}, {@code drop}
 * or the end of the log, with every step in between as a tree whose glueless lookups are nested one
 * gluelessness level down. Built by {@link ResolutionTreeBuilder}; once {@link #complete()} it no
 * longer changes.
 */
public final class ResolutionTree {
    private final Query query;
    private final long serial;
    private final boolean tcp;
    private final List<ResolutionStep> steps = new ArrayList<>();
    private Outcome outcome = Outcome.UNFINISHED;
    private String dropReason;
    private int bytes = -1;
    private Instant end;
    private long endLine = -1;
    private int maxGluelessness;
    private int ambiguousSteps;
    private boolean cacheHit;
    private boolean complete;
    private long durationNanos = -1;

    ResolutionTree(Query query, long serial, boolean tcp) {
        this.query = query;
        this.serial = serial;
        this.tcp = tcp;
    }

    /** The {@code query} line, or {@code null} when the log began after it (a partial tree). */
    public Query query() {
        return query;
    }

    public long serial() {
        return serial;
    }

    public boolean isPartial() {
        return query == null;
    }

    /** Client address, {@code "?"} for a partial tree. */
    public String client() {
        return query == null ? "?" : query.client();
    }

    /** {@code ip:port} of the client (IPv6 addresses in brackets). */
    public String clientEndpoint() {
        if (query == null) {
            return "?";
        }
        String ip = query.client().indexOf(':') >= 0 ? "[" + query.client() + "]" : query.client();
        return ip + ":" + query.port();
    }

    public String name() {
        return query == null ? "?" : query.name();
    }

    /** The asked type number, -1 for a partial tree. */
    public int type() {
        return query == null ? -1 : query.type();
    }

    public boolean isTcp() {
        return tcp;
    }

    public Instant start() {
        return query == null ? null : query.time();
    }

    public Instant end() {
        return end;
    }

    /** From the query line to sent/drop, when both lines have TAI64N labels; else {@code null}. */
    public Duration duration() {
        return durationNanos < 0 ? null : Duration.ofNanos(durationNanos);
    }

    /** {@link #duration()} in nanoseconds, -1 when unknown. */
    public long durationNanos() {
        return durationNanos;
    }

    public long startLine() {
        return query == null ? endLine : query.line();
    }

    public long endLine() {
        return endLine;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The reason of a {@code drop}, else {@code null}. */
    public String dropReason() {
        return dropReason;
    }

    /** Response size from the {@code sent} line, -1 without one. */
    public int bytes() {
        return bytes;
    }

    public int maxGluelessness() {
        return maxGluelessness;
    }

    /** True when the answer to the client's own question came from the cache. */
    public boolean cacheHit() {
        return cacheHit;
    }

    /** Number of steps attributed to this query without proof. */
    public int ambiguousSteps() {
        return ambiguousSteps;
    }

    public boolean complete() {
        return complete;
    }

    /** The top-level steps (gluelessness 0); glueless lookups hold their own steps. */
    public List<ResolutionStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Total number of steps in the tree. */
    public int stepCount() {
        int n = 0;
        for (ResolutionStep s : steps) {
            n += s.size();
        }
        return n;
    }

    void addTopLevel(ResolutionStep step) {
        steps.add(step);
    }

    void noteGluelessness(int g) {
        maxGluelessness = Math.max(maxGluelessness, g);
    }

    void noteAmbiguous() {
        ambiguousSteps++;
    }

    void finish(Outcome o, int bytes, String dropReason, Instant end, long endLine, boolean hit) {
        this.outcome = o;
        this.bytes = bytes;
        this.dropReason = dropReason;
        this.end = end;
        this.endLine = endLine;
        this.cacheHit = hit;
        this.complete = true;
        Instant s = start();
        if (s != null && end != null) {
            durationNanos =
                    (end.getEpochSecond() - s.getEpochSecond()) * 1_000_000_000L
                            + (end.getNano() - s.getNano());
        }
    }

    void unfinished() {
        this.outcome = Outcome.UNFINISHED;
        this.complete = true;
    }

    @Override
    public String toString() {
        return "#" + serial + " " + name() + " " + DnsTypes.mnemonic(type()) + " " + outcome;
    }
}
