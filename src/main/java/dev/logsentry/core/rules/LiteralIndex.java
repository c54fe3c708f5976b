package dev.logsentry.core.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds which of many literals occur in a line, in one pass over the line's bytes.
 *
 * <p>Each literal is keyed by one of its 3-byte grams. The pass rolls a 3-byte window over the line
 * and tests a 64-kilobit bitmap (8 KB, stays in the L1 cache) for each position; only on a hit does
 * it look the gram up and compare the full literals keyed by it. A complete Aho-Corasick automaton
 * was measured first: over the ~2,000 literals of Debian's rules its table is ~10 MB and every byte
 * cost a cache miss, four times slower than this.
 */
final class LiteralIndex {

    private static final int BITMAP_BITS = 1 << 16;

    private final long[] bitmap = new long[BITMAP_BITS / 64];
    private final int[] slotGram;
    private final int[][] slotEntries;
    private final int mask;
    private final byte[][] literals;

    /** Shortest literal the index accepts. */
    static final int GRAM = 4;

    /**
     * @param literals distinct literals, each at least {@link #GRAM} chars, chars 0-255
     */
    LiteralIndex(List<String> literals) {
        this.literals = new byte[literals.size()][];
        java.util.Map<Integer, Integer> load = new java.util.HashMap<>();
        int size = Integer.highestOneBit(Math.max(16, literals.size() * 4)) * 2;
        mask = size - 1;
        slotGram = new int[size];
        Arrays.fill(slotGram, -1);
        List<List<int[]>> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(null);
        }
        for (int id = 0; id < this.literals.length; id++) {
            String literal = literals.get(id);
            if (literal.length() < GRAM) {
                throw new IllegalArgumentException("literal shorter than 4 bytes: " + literal);
            }
            this.literals[id] = literal.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int offset = bestGramOffset(this.literals[id], load);
            int gram = gram(this.literals[id], offset);
            load.merge(gram, 1, Integer::sum);
            int h = hash(gram);
            bitmap[h >>> 6] |= 1L << h;
            int slot = h & mask;
            while (slotGram[slot] != -1 && slotGram[slot] != gram) {
                slot = (slot + 1) & mask;
            }
            slotGram[slot] = gram;
            if (entries.get(slot) == null) {
                entries.set(slot, new ArrayList<>());
            }
            entries.get(slot).add(new int[] {id, offset});
        }
        slotEntries = new int[size][];
        for (int slot = 0; slot < size; slot++) {
            List<int[]> list = entries.get(slot);
            if (list != null) {
                int[] flat = new int[list.size() * 2];
                for (int i = 0; i < list.size(); i++) {
                    flat[2 * i] = list.get(i)[0];
                    flat[2 * i + 1] = list.get(i)[1];
                }
                slotEntries[slot] = flat;
            }
        }
    }

    /**
     * Calls {@code found} for each occurrence of a literal in {@code line[0, length)} (ids may
     * repeat).
     */
    void scan(byte[] line, int length, Found found) {
        if (length < GRAM) {
            return;
        }
        long[] bits = bitmap;
        int g = ((line[0] & 0xff) << 16) | ((line[1] & 0xff) << 8) | (line[2] & 0xff);
        for (int i = 3; i < length; i++) {
            g = (g << 8) | (line[i] & 0xff);
            int h = hash(g);
            if ((bits[h >>> 6] & (1L << h)) != 0) {
                probe(line, length, g, h, i - 3, found);
            }
        }
    }

    private void probe(byte[] line, int length, int gram, int h, int start, Found found) {
        int slot = h & mask;
        while (slotGram[slot] != -1) {
            if (slotGram[slot] == gram) {
                int[] e = slotEntries[slot];
                for (int k = 0; k < e.length; k += 2) {
                    int at = start - e[k + 1];
                    byte[] literal = literals[e[k]];
                    if (at >= 0
                            && at + literal.length <= length
                            && Arrays.equals(
                                    line, at, at + literal.length, literal, 0, literal.length)) {
                        found.literal(e[k]);
                    }
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Receives literal ids. */
    interface Found {
        void literal(int id);
    }

    private static int gram(byte[] s, int offset) {
        return ((s[offset] & 0xff) << 24)
                | ((s[offset + 1] & 0xff) << 16)
                | ((s[offset + 2] & 0xff) << 8)
                | (s[offset + 3] & 0xff);
    }

    private static int hash(int gram) {
        return (gram * 0x9E3779B1) >>> 16;
    }

    /**
     * The gram least likely to occur in ordinary log text and least shared with other literals:
     * letters beat digits, which beat spaces and punctuation (every syslog line has "]: " and
     * digits); a gram already keying other literals costs extra comparisons.
     */
    private static int bestGramOffset(byte[] literal, java.util.Map<Integer, Integer> load) {
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i + GRAM <= literal.length; i++) {
            int score = 4 * load.getOrDefault(gram(literal, i), 0);
            for (int k = 0; k < GRAM; k++) {
                score += commonness((char) (literal[i + k] & 0xff));
            }
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static int commonness(char c) {
        if (c >= 'A' && c <= 'Z') {
            return 0;
        }
        if (c >= 'a' && c <= 'z') {
            return "etaoinsr".indexOf(c) >= 0 ? 2 : 1;
        }
        if (c >= '0' && c <= '9') {
            return 4;
        }
        return c == ' ' || c == ':' || c == '[' || c == ']' ? 6 : 3;
    }
}
