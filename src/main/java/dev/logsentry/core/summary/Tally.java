package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A count with its breakdown: how often something happened, an optional sum (bytes), the items it
 * splits into (user, then source address, ...) and, when the run keeps them, the lines behind it.
 * Tallies of parallel readers are merged with {@link #merge}.
 */
public final class Tally {
    private final String key;
    private final byte[]
            ascii; // the key's bytes when it is ASCII (else null: no byte key equals it)
    private long count;
    private long sum;
    private Tally[] table; // the items, open addressing by the key's String hash
    private int size;
    private final LineRefs lines;

    Tally(String key, boolean trackLines) {
        this.key = key;
        this.ascii = asciiBytes(key);
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
        if (table == null) {
            return List.of();
        }
        List<Tally> l = new ArrayList<>(size);
        for (Tally t : table) {
            if (t != null) {
                l.add(t);
            }
        }
        l.sort(Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::key));
        return l;
    }

    /** The item {@code key}, or null. */
    public Tally child(String key) {
        if (table == null) {
            return null;
        }
        int mask = table.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            Tally t = table[i];
            if (t == null || t.key.equals(key)) {
                return t;
            }
        }
    }

    /**
     * The item named by {@code s[from, to)}, made when new: a line's key is looked up in place,
     * without a String of its own unless the item is new.
     */
    Tally item(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        if (table != null) {
            int mask = table.length - 1;
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                Tally t = table[i];
                if (t == null) {
                    break;
                }
                if (t.key.length() == to - from && same(t.key, s, from)) {
                    return t;
                }
            }
        }
        Tally c = new Tally(s.subSequence(from, to).toString(), lines != null);
        insert(c);
        return c;
    }

    /** As {@link #item(CharSequence, int, int)} for ASCII bytes {@code b[from, to)}. */
    Tally item(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        if (table != null) {
            int mask = table.length - 1;
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                Tally t = table[i];
                if (t == null) {
                    break;
                }
                byte[] k = t.ascii;
                if (k != null && java.util.Arrays.equals(k, 0, k.length, b, from, to)) {
                    return t;
                }
            }
        }
        Tally c =
                new Tally(
                        new String(
                                b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1),
                        lines != null);
        insert(c);
        return c;
    }

    /**
     * {@link String#hashCode} of ASCII bytes {@code b[from, to)}, four bytes a step: the same sum
     * of {@code b[i] * 31^k} (mod 2^32) with one multiplication on the dependency chain per four
     * bytes instead of four.
     */
    static int hash(byte[] b, int from, int to) {
        int h = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            h = 923521 * h + 29791 * b[i] + 961 * b[i + 1] + 31 * b[i + 2] + b[i + 3];
        }
        for (; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private static byte[] asciiBytes(String key) {
        if (key == null) {
            return null;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) >= 128) {
                return null;
            }
        }
        return key.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The item {@code key}, made when new. */
    Tally item(String key) {
        Tally c = child(key);
        if (c == null) {
            c = new Tally(key, lines != null);
            insert(c);
        }
        return c;
    }

    private static boolean same(String key, CharSequence s, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private void insert(Tally c) {
        if (table == null) {
            table = new Tally[8];
        } else if (2 * (size + 1) > table.length) {
            Tally[] old = table;
            table = new Tally[old.length * 2];
            size = 0;
            for (Tally t : old) {
                if (t != null) {
                    insert(t);
                }
            }
        }
        int mask = table.length - 1;
        int i = spread(c.key.hashCode()) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = c;
        size++;
    }

    /** Counts one occurrence under the key path, adding {@code value} to each sum. */
    void add(List<String> path, long value, int source, long line) {
        Tally t = this;
        t.hit(value, source, line);
        for (String k : path) {
            t = t.item(k);
            t.hit(value, source, line);
        }
    }

    /** Counts {@code n} occurrences directly (no breakdown). */
    void addCount(long n) {
        count += n;
    }

    /** Counts one occurrence here (not in any item). */
    void hit(long value, int source, long line) {
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
        if (other.table != null) {
            for (Tally o : other.table) {
                if (o == null) {
                    continue;
                }
                Tally mine = child(o.key);
                if (mine == null) {
                    insert(o);
                } else {
                    mine.merge(o);
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
        if (table != null) { // an item of the same name is replaced, as a map would
            for (int i = 0; i < table.length; i++) {
                if (table[i] != null && table[i].key.equals(child.key)) {
                    table[i] = child;
                    return;
                }
            }
        }
        insert(child);
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
