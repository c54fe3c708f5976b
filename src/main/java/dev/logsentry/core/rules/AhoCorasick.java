package dev.logsentry.core.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multi-string matcher over bytes (chars 0-255): one pass over a line finds every literal it
 * contains. Built as a complete deterministic automaton over a compressed alphabet (bytes that
 * occur in no literal share one column), so scanning costs one table lookup per byte.
 *
 * <p>Each literal carries a payload of ints (the rule ids that require it); {@link #outputs(int)}
 * gives the union of the payloads of all literals ending in a state.
 */
final class AhoCorasick {

    private final byte[] columnOf = new byte[256];
    private final int columns;
    private final int[] delta;
    private final int[][] outputs;

    /**
     * @param literals the strings to find (chars above 255 are not allowed)
     * @param payloads for each literal the ints reported when it is found
     */
    AhoCorasick(List<String> literals, List<int[]> payloads) {
        int nextColumn = 1;
        for (String literal : literals) {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c > 255) {
                    throw new IllegalArgumentException("literal is not made of bytes: " + literal);
                }
                if (columnOf[c] == 0) {
                    if (nextColumn > 127) {
                        throw new IllegalStateException("too many distinct literal bytes");
                    }
                    columnOf[c] = (byte) nextColumn++;
                }
            }
        }
        columns = nextColumn;
        List<int[]> trie = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new int[0]);
        for (int l = 0; l < literals.size(); l++) {
            String literal = literals.get(l);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                int col = columnOf[literal.charAt(i)];
                if (trie.get(state)[col] < 0) {
                    trie.get(state)[col] = trie.size();
                    trie.add(newRow());
                    out.add(new int[0]);
                }
                state = trie.get(state)[col];
            }
            out.set(state, concat(out.get(state), payloads.get(l)));
        }
        int states = trie.size();
        delta = new int[states * columns];
        outputs = new int[states][];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int col = 0; col < columns; col++) {
            int next = trie.get(0)[col];
            if (next < 0) {
                delta[col] = 0;
            } else {
                delta[col] = next;
                fail[next] = 0;
                queue.add(next);
            }
        }
        outputs[0] = out.get(0);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            outputs[state] = dedupe(concat(out.get(state), outputs[fail[state]]));
            for (int col = 0; col < columns; col++) {
                int next = trie.get(state)[col];
                if (next < 0) {
                    delta[state * columns + col] = delta[fail[state] * columns + col];
                } else {
                    delta[state * columns + col] = next;
                    fail[next] = delta[fail[state] * columns + col];
                    queue.add(next);
                }
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[columns];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] concat(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int[] dedupe(int[] a) {
        return a.length < 2 ? a : Arrays.stream(a).distinct().toArray();
    }

    /** The start state. */
    int start() {
        return 0;
    }

    /** The state after reading {@code c} in {@code state}. */
    int next(int state, char c) {
        return delta[state * columns + (c > 255 ? 0 : columnOf[c])];
    }

    /** Payloads of the literals that end at {@code state} (empty array when none). */
    int[] outputs(int state) {
        return outputs[state];
    }

    /** Number of states, for diagnostics. */
    int stateCount() {
        return outputs.length;
    }
}
