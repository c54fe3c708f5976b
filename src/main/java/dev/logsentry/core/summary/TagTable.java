package dev.logsentry.core.summary;

import java.util.Arrays;

/**
 * The services claiming each program tag seen, looked up by the tag's bytes (an open addressing
 * table): a line's dispatch costs a hash of its tag, not a decoded String and a regex per service.
 * A log has a few dozen tags. One table serves every reader thread of a summary run: lookups read
 * an immutable snapshot without locking, and a new tag (rare after the first lines) is added under
 * a lock to a copy that then replaces the snapshot; so each tag's claim is worked out about once
 * per run rather than once per file part, and the readers' hot loop rarely meets a missing tag.
 */
final class TagTable {
    /**
     * Who claims a tag.
     *
     * @param services services claiming the program (-1 = dnscache), in service order
     * @param byMessage services with a message claim whose program claim accepts the tag
     */
    /**
     * @param services the services that claim the tag's program
     * @param byMessage the services that claim by message and accept the program
     * @param decode the line is read on the decoded path ({@code sshd(pam_unix)}: a form the byte
     *     path does not rewrite)
     */
    record Claim(int[] services, int[] byMessage, boolean decode) {}

    /** An immutable snapshot: keys and their claims; grows by copying when half full. */
    private record Table(byte[][] keys, Claim[] values, int size) {}

    private volatile Table table = new Table(new byte[64][], new Claim[64], 0);

    Claim get(byte[] b, int from, int to) {
        Table t = table;
        byte[][] keys = t.keys;
        int mask = keys.length - 1;
        for (int i = hash(b, from, to) & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (Arrays.equals(k, 0, k.length, b, from, to)) {
                return t.values[i];
            }
        }
    }

    /**
     * Adds a tag's claim unless another thread added it first; returns the claim in the table (the
     * same for equal tags, as claims depend only on the tag).
     */
    synchronized Claim put(byte[] b, int from, int to, Claim claim) {
        Claim there = get(b, from, to);
        if (there != null) {
            return there;
        }
        Table t = table;
        int length = 2 * (t.size + 1) > t.keys.length ? t.keys.length * 2 : t.keys.length;
        byte[][] keys = new byte[length][];
        Claim[] values = new Claim[length];
        for (int i = 0; i < t.keys.length; i++) {
            if (t.keys[i] != null) {
                insert(keys, values, t.keys[i], t.values[i]);
            }
        }
        insert(keys, values, Arrays.copyOfRange(b, from, to), claim);
        table = new Table(keys, values, t.size + 1);
        return claim;
    }

    private static void insert(byte[][] keys, Claim[] values, byte[] key, Claim claim) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = claim;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
