package dev.logsentry.core.dnscache;

/**
 * Reuses the String of a domain name that was seen before, looked up by the characters of the line
 * without creating a substring first. dnscache logs repeat a small set of names (zones, name
 * servers) over and over; sharing them saves an allocation per field and most of the memory that
 * the resolution trees of a large log hold. Bounded: once full, new names are simply not kept.
 */
final class NameTable {
    private static final int CAPACITY = 1 << 16; // slots; at most half are filled
    private static final int MAX_NAME = 64; // longer names are rare and not worth keeping

    private final String[] slots = new String[CAPACITY];
    private int size;

    /** The name in {@code text[from, to)}, shared with earlier lines where possible. */
    String get(String text, int from, int to) {
        int len = to - from;
        if (len > MAX_NAME) {
            return text.substring(from, to);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int mask = CAPACITY - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = slots[slot];
            if (s == null) {
                String name = text.substring(from, to);
                if (size < CAPACITY / 2) {
                    slots[slot] = name;
                    size++;
                }
                return name;
            }
            if (s.length() == len && text.regionMatches(from, s, 0, len)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }
}
