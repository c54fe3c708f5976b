package dev.logsentry.core.browse;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-line results of classification in a few bytes per thousand lines: lines are grouped in
 * chunks of {@value #CHUNK} and each chunk stores, per line, an index into a small palette of the
 * distinct (verdict, deciding rule, rule-if-attack) triples seen in that chunk. Since a chunk
 * rarely holds more than 255 distinct triples, a line costs one byte (two when it does): a
 * 20-million-line log takes about 20 MB.
 *
 * <p>Threading: one writer per chunk (the coordinator hands each chunk to one worker at a time),
 * any number of readers. Readers may only ask about lines below {@link #size()}; the volatile write
 * of the size publishes everything written before it.
 */
final class VerdictStore {

    static final int CHUNK_BITS = 14;
    static final int CHUNK = 1 << CHUNK_BITS;

    /** Verdict code of a line that is not a log line (a follow marker). */
    static final byte NONE = 4;

    /** Verdict code of IGNORED. */
    static final int IGNORED = 3;

    /** Alternative rule of an entry whose verdict does not depend on the run's ATTACK flag. */
    static final int NOT_CONDITIONAL = -2;

    private volatile Chunk[] chunks = new Chunk[0];
    private volatile long size;

    /** Lines whose results are published. */
    long size() {
        return size;
    }

    /** Publishes the results of lines below {@code lines} (writer side, in order). */
    void publish(long lines) {
        size = lines;
    }

    /** Makes sure chunks exist for lines below {@code lines} (coordinator only). */
    void ensureCapacity(long lines) {
        int needed = (int) ((lines + CHUNK - 1) >>> CHUNK_BITS);
        Chunk[] current = chunks;
        if (needed <= current.length) {
            return;
        }
        Chunk[] grown = Arrays.copyOf(current, Math.max(needed, current.length * 2));
        for (int i = current.length; i < grown.length; i++) {
            grown[i] = new Chunk();
        }
        chunks = grown;
    }

    /** The chunk holding {@code line}. */
    Chunk chunk(long line) {
        return chunks[(int) (line >>> CHUNK_BITS)];
    }

    /** Number of chunks that hold published lines. */
    int chunkCount() {
        return (int) ((size + CHUNK - 1) >>> CHUNK_BITS);
    }

    /** Chunk by index (readers: only below {@link #chunkCount()}). */
    Chunk chunkAt(int index) {
        return chunks[index];
    }

    /** Heap used by the stored results, roughly. */
    long memoryBytes() {
        long total = 0;
        for (Chunk c : chunks) {
            total += c.memoryBytes();
        }
        return total;
    }

    /** One chunk of lines: codes, their palette, and which verdicts may occur. */
    static final class Chunk {
        private final byte[] bytes = new byte[CHUNK];
        private volatile char[] chars;
        private volatile Palette palette = new Palette(16);
        private volatile int mask;
        private final Map<Long, Integer> codes = new HashMap<>();
        private int paletteSize;

        /** Stores the result of line {@code offset} of this chunk (writer only). */
        void set(int offset, int verdict, int rule, int alt) {
            long key = ((long) verdict << 58) | ((long) (rule + 1) << 29) | (alt + 2);
            Integer code = codes.get(key);
            if (code == null) {
                code = add(verdict, rule, alt);
                codes.put(key, code);
            }
            char[] c = chars;
            if (c != null) {
                c[offset] = (char) (int) code;
            } else {
                bytes[offset] = (byte) (int) code;
            }
        }

        private int add(int verdict, int rule, int alt) {
            Palette p = palette;
            int code = paletteSize;
            if (code == p.verdicts.length) {
                p = p.grow();
            }
            p.verdicts[code] = (byte) verdict;
            p.rules[code] = rule;
            p.alts[code] = alt;
            palette = p;
            paletteSize = code + 1;
            if (code == 256 && chars == null) {
                char[] wide = new char[CHUNK];
                for (int i = 0; i < CHUNK; i++) {
                    wide[i] = (char) (bytes[i] & 0xFF);
                }
                chars = wide;
            }
            int m = mask | (1 << verdict);
            if (alt != NOT_CONDITIONAL) {
                m |= 1 << IGNORED; // turns IGNORED once an attack is seen
            }
            mask = m;
            return code;
        }

        private int code(int offset) {
            char[] c = chars;
            return c != null ? c[offset] : bytes[offset] & 0xFF;
        }

        /** The verdict code (Verdict ordinal, or {@link #NONE}) of a line of this chunk. */
        int verdict(int offset, boolean attackSeen) {
            Palette p = palette;
            int code = code(offset);
            if (attackSeen && p.alts[code] != NOT_CONDITIONAL) {
                return IGNORED;
            }
            return p.verdicts[code];
        }

        /** Whether the verdict of a line of this chunk depends on the run's ATTACK flag. */
        boolean conditional(int offset) {
            return palette.alts[code(offset)] != NOT_CONDITIONAL;
        }

        /** The deciding rule id of a line of this chunk, or -1. */
        int rule(int offset, boolean attackSeen) {
            Palette p = palette;
            int code = code(offset);
            int alt = p.alts[code];
            return attackSeen && alt != NOT_CONDITIONAL ? alt : p.rules[code];
        }

        /** Adds one to {@code counts[rule]} for the deciding rule of lines 0..lines-1 here. */
        void countRules(int lines, boolean attackSeen, long[] counts) {
            Palette p = palette;
            long[] perCode = new long[p.verdicts.length];
            char[] c = chars;
            if (c != null) {
                for (int i = 0; i < lines; i++) {
                    perCode[c[i]]++;
                }
            } else {
                for (int i = 0; i < lines; i++) {
                    perCode[bytes[i] & 0xFF]++;
                }
            }
            for (int code = 0; code < perCode.length; code++) {
                if (perCode[code] == 0) {
                    continue;
                }
                int alt = p.alts[code];
                int rule = attackSeen && alt != NOT_CONDITIONAL ? alt : p.rules[code];
                if (rule >= 0) {
                    counts[rule] += perCode[code];
                }
            }
        }

        /** Bit {@code 1 << code} set for every verdict code that may occur in this chunk. */
        int mask() {
            return mask;
        }

        long memoryBytes() {
            return CHUNK + (chars != null ? 2L * CHUNK : 0) + 9L * palette.verdicts.length + 64;
        }
    }

    /** Palette arrays; replaced (never shrunk) when full, entries only ever appended. */
    private static final class Palette {
        final byte[] verdicts;
        final int[] rules;
        final int[] alts;

        Palette(int capacity) {
            verdicts = new byte[capacity];
            rules = new int[capacity];
            alts = new int[capacity];
        }

        private Palette(byte[] verdicts, int[] rules, int[] alts) {
            this.verdicts = verdicts;
            this.rules = rules;
            this.alts = alts;
        }

        Palette grow() {
            int n = verdicts.length * 2;
            return new Palette(
                    Arrays.copyOf(verdicts, n), Arrays.copyOf(rules, n), Arrays.copyOf(alts, n));
        }
    }
}
