package dev.logsentry.core.rules.automata;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The byte maps of a {@link LazyDfa}'s states: a state's transitions are stored per class of bytes
 * the state tells apart, and which bytes those are depends only on the class sets of the NFA byte
 * states its threads can take next (and on a byte's word-ness, when the NFA has word assertions).
 * States with the same class sets share one map; a rule's long literal run, for example, needs a
 * map per distinct byte, not per position. Used under the DFA's lock only.
 */
final class ClassMaps {
    private final PatternNfa nfa;

    /** Whether a byte's word-ness can matter to an assertion. */
    private final boolean wordSensitive;

    private final Map<ClassSets, Integer> ids = new HashMap<>();

    /** Per NFA class, its class (1-based) in the pending map. */
    private final int[] localOfClass;

    private ClassSets pending;
    private int pendingClasses;

    ClassMaps(PatternNfa nfa, boolean wordSensitive) {
        this.nfa = nfa;
        this.wordSensitive = wordSensitive;
        this.localOfClass = new int[nfa.classCount];
    }

    /** Forgets every map (a new generation of the DFA). */
    void clear() {
        ids.clear();
        pending = null;
    }

    /**
     * The number of the map for states whose byte states have the class sets {@code sets} (sorted,
     * distinct), or -1 when there is none yet: then it is pending, {@link #pendingClasses} tells
     * its size and {@link #add} writes it.
     */
    int find(int[] sets) {
        ClassSets key = new ClassSets(sets);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        pending = key;
        split(sets);
        return -1;
    }

    /** How many classes the pending map has. */
    int pendingClasses() {
        return pendingClasses;
    }

    /** Writes the pending map into {@code t}, which has room for it; returns its number. */
    int add(DfaTable t) {
        int map = t.mapCount;
        int off = map << 8;
        for (int b = 0; b < 256; b++) {
            int local = localOfClass[nfa.classOfByte[b]];
            // a class beyond 255 gets no entry: its transitions are built on every use
            t.maps[off + b] = (byte) (local <= 255 ? local : 0);
        }
        t.mapClasses[map] = pendingClasses;
        t.mapCount = map + 1;
        ids.put(pending, map);
        pending = null;
        return map;
    }

    /**
     * Numbers the NFA's classes by which of {@code sets} hold them (and their word-ness when it can
     * matter): classes alike lead to the same state from every state with these sets.
     */
    private void split(int[] sets) {
        Map<Object, Integer> seen = new HashMap<>();
        int classes = 0;
        for (int c = 0; c < nfa.classCount; c++) {
            boolean word = wordSensitive && nfa.wordClass[c];
            Object signature;
            if (sets.length < 63) {
                long bits = word ? 1L << 63 : 0;
                for (int i = 0; i < sets.length; i++) {
                    if (nfa.inSet(sets[i], c)) {
                        bits |= 1L << i;
                    }
                }
                signature = bits;
            } else {
                BitSet bits = new BitSet(sets.length + 1);
                for (int i = 0; i < sets.length; i++) {
                    if (nfa.inSet(sets[i], c)) {
                        bits.set(i);
                    }
                }
                bits.set(sets.length, word);
                signature = bits;
            }
            Integer local = seen.get(signature);
            if (local == null) {
                local = ++classes;
                seen.put(signature, local);
            }
            localOfClass[c] = local;
        }
        pendingClasses = classes;
    }

    /** Sorted class sets as a map key. */
    private record ClassSets(int[] sets) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ClassSets c && Arrays.equals(c.sets, sets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sets);
        }

        @Override
        public String toString() {
            return Arrays.toString(sets);
        }
    }
}
