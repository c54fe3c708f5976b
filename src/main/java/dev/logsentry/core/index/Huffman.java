package dev.logsentry.core.index;

import java.util.Arrays;

/**
 * Deflate's fixed tables (RFC 1951, 3.2.5) and the canonical Huffman lookup tables of {@link
 * Inflate}.
 */
final class Huffman {
    static final int MAX_BITS = 15;
    static final int[] LEN_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258
    };
    static final int[] LEN_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    };
    static final int[] DIST_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
    };
    static final int[] DIST_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
        13, 13
    };
    static final int[] CL_ORDER = {
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
    };

    /**
     * Fills a lookup table indexed by the next {@code maxLen} input bits (deflate sends Huffman
     * codes most significant bit first, so codes are stored bit-reversed): entry = symbol << 4 |
     * code length; 0 marks an invalid code. Returns maxLen.
     */
    static int build(byte[] lengths, int from, int n, int[] table) throws Inflate.DataException {
        int[] count = new int[MAX_BITS + 1];
        int maxLen = 1;
        for (int i = 0; i < n; i++) {
            count[lengths[from + i]]++;
            maxLen = Math.max(maxLen, lengths[from + i]);
        }
        count[0] = 0;
        int left = 1;
        for (int len = 1; len <= MAX_BITS; len++) {
            left = (left << 1) - count[len];
            if (left < 0) {
                throw new Inflate.DataException(
                        "corrupt (over-subscribed Huffman code)", -1, false);
            }
        }
        int[] next = new int[MAX_BITS + 2];
        int code = 0;
        for (int len = 1; len <= MAX_BITS; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        int size = 1 << maxLen;
        Arrays.fill(table, 0, size, 0);
        for (int sym = 0; sym < n; sym++) {
            int len = lengths[from + sym];
            if (len == 0) {
                continue;
            }
            int c = next[len]++;
            int rev = Integer.reverse(c) >>> (32 - len);
            int entry = sym << 4 | len;
            for (int k = rev; k < size; k += 1 << len) {
                table[k] = entry;
            }
        }
        return maxLen;
    }

    private Huffman() {}
}
