package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A count with its breakdown: how often something happened, an optional sum (bytes), the items it
 * splits into (user, then source address, ...) and, when the run keeps them, the lines behind it.
 * Tallies of parallel readers are merged with {@link #merge}.
 */
public final class Tally {
    private final String key;
    private long count;
    private long sum;
    private Map<String, Tally> children;
    private final LineRefs lines;

    Tally(String key, boolean trackLines) {
        this.key = key;
        this.lines = trackLines ? new LineRefs() : null;
    }

    /** The item's name (null for a section's root). */
    public String key() {
        return key;
    }

    public long count() {
        return count;
    }

    /** The added up value of the group's {@code sum} field. */
    public long sum() {
        return sum;
    }

    /** The lines counted here (for a section's root: all its lines), or null when not kept. */
    public LineRefs lines() {
        return lines;
    }

    /** The items, most counted first, then by name. */
    public List<Tally> children() {
        if (children == null) {
            return List.of();
        }
        List<Tally> l = new ArrayList<>(children.values());
        l.sort(Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::key));
        return l;
    }

    /** The item {@code key}, or null. */
    public Tally child(String key) {
        return children == null ? null : children.get(key);
    }

    /** Counts one occurrence under the key path, adding {@code value} to each sum. */
    void add(List<String> path, long value, int source, long line) {
        Tally t = this;
        t.hit(value, source, line);
        for (String k : path) {
            if (t.children == null) {
                t.children = new HashMap<>();
            }
            Tally c = t.children.get(k);
            if (c == null) {
                c = new Tally(k, t.lines != null);
                t.children.put(k, c);
            }
            c.hit(value, source, line);
            t = c;
        }
    }

    /** Counts {@code n} occurrences directly (no breakdown). */
    void addCount(long n) {
        count += n;
    }

    private void hit(long value, int source, long line) {
        count++;
        sum += value;
        if (lines != null) {
            lines.add(source, line);
        }
    }

    /** Adds the counts (and lines) of {@code other}, item by item. */
    void merge(Tally other) {
        count += other.count;
        sum += other.sum;
        if (lines != null && other.lines != null) {
            lines.addAll(other.lines);
        }
        if (other.children != null) {
            if (children == null) {
                children = new HashMap<>();
            }
            for (Map.Entry<String, Tally> e : other.children.entrySet()) {
                Tally mine = children.get(e.getKey());
                if (mine == null) {
                    children.put(e.getKey(), e.getValue());
                } else {
                    mine.merge(e.getValue());
                }
            }
        }
    }

    /** A tally with one item per entry, for numbers computed elsewhere (dnscache statistics). */
    static Tally of(String key, long count) {
        Tally t = new Tally(key, false);
        t.count = count;
        return t;
    }

    /** Adds a computed item (see {@link #of}). */
    void put(Tally child) {
        if (children == null) {
            children = new HashMap<>();
        }
        children.put(child.key, child);
    }

    /** A root that keeps lines and whose count is set directly. */
    static Tally counted(String key, long count, LineRefs lines) {
        Tally t = new Tally(key, lines != null);
        t.count = count;
        if (lines != null) {
            t.lines.addAll(lines);
        }
        return t;
    }
}
