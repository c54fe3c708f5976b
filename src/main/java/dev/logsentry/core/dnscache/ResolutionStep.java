package dev.logsentry.core.dnscache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of a {@link ResolutionTree}: a log entry that belongs to the query ({@code tx} with the
 * responses that followed it as children, {@code cached ...}, {@code merge}), or a glueless lookup
 * ({@link #isLookup()}): the detour to find a name server's address, whose children run one
 * gluelessness level deeper.
 *
 * <p>A step is {@link #ambiguous()} when the log does not prove that it belongs to this query:
 * several open queries could have produced it, and the builder chose the earliest; {@link
 * #alternatives()} lists the serials of the others.
 */
public final class ResolutionStep {
    private final DnscacheEntry entry;
    private final String lookupName;
    private final int gluelessness;
    private List<ResolutionStep> children = List.of(); // most steps are leaves
    private final List<Long> alternatives;
    private boolean restart;

    private ResolutionStep(
            DnscacheEntry entry, String lookupName, int gluelessness, List<Long> alternatives) {
        this.entry = entry;
        this.lookupName = lookupName;
        this.gluelessness = gluelessness;
        this.alternatives = alternatives;
    }

    static ResolutionStep of(DnscacheEntry entry, int gluelessness, List<Long> alternatives) {
        return new ResolutionStep(entry, null, gluelessness, alternatives);
    }

    static ResolutionStep lookup(String name, int gluelessness, List<Long> alternatives) {
        return new ResolutionStep(null, name, gluelessness, alternatives);
    }

    /** The log entry, or {@code null} for a glueless lookup node. */
    public DnscacheEntry entry() {
        return entry;
    }

    /** True for a glueless sub-resolution (finding the address of {@link #name()}). */
    public boolean isLookup() {
        return entry == null;
    }

    /** {@code "lookup"} or the entry's keyword ({@code "tx"}, {@code "rr ns"}, ...). */
    public String kind() {
        return entry == null ? "lookup" : entry.kind();
    }

    /** The name this step is about: the lookup target, or the entry's name where it has one. */
    public String name() {
        if (entry == null) {
            return lookupName;
        }
        return Entries.name(entry);
    }

    public int gluelessness() {
        return gluelessness;
    }

    public List<ResolutionStep> children() {
        return Collections.unmodifiableList(children);
    }

    /** True when a CNAME here made dnscache start over with the alias target. */
    public boolean isRestart() {
        return restart;
    }

    public boolean ambiguous() {
        return !alternatives.isEmpty();
    }

    /** Serials of the other queries this step could belong to; empty when proven. */
    public List<Long> alternatives() {
        return alternatives;
    }

    /** The number of steps in this subtree, this one included. */
    public int size() {
        int n = 1;
        for (ResolutionStep c : children) {
            n += c.size();
        }
        return n;
    }

    void add(ResolutionStep child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    void markRestart() {
        restart = true;
    }

    @Override
    public String toString() {
        return kind() + " " + name() + (ambiguous() ? " (ambiguous)" : "");
    }
}
