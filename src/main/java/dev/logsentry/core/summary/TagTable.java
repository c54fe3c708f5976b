package dev.logsentry.core.summary;

import java.util.Arrays;

/**
 * The services claiming each program tag a reader has seen, looked up by the tag's bytes (an open
 * addressing table): a line's dispatch costs a hash of its tag, not a decoded String and a regex
 * per service. A log has a few dozen tags; the table grows when half full.
 */
final class TagTable {
    /**
     * Who claims a tag.
     *
     * @param services services claiming the program (-1 = dnscache), in service order
     * @param byMessage services with a message claim whose program claim accepts the tag
     */
    record Claim(int[] services, int[] byMessage) {}

    private byte[][] keys = new byte[64][];
    private Claim[] values = new Claim[64];
    private int size;

    Claim get(byte[] b, int from, int to) {
        int mask = keys.length - 1;
        for (int i = hash(b, from, to) & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (Arrays.equals(k, 0, k.length, b, from, to)) {
                return values[i];
            }
        }
    }

    void put(byte[] b, int from, int to, Claim claim) {
        if (2 * (size + 1) > keys.length) {
            byte[][] oldKeys = keys;
            Claim[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new Claim[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
        insert(Arrays.copyOfRange(b, from, to), claim);
    }

    private void insert(byte[] key, Claim claim) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = claim;
        size++;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
