package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.ere.ByteClasses;
import dev.logsentry.core.rules.ere.EreNode;
import dev.logsentry.core.rules.ere.EreNode.Alternation;
import dev.logsentry.core.rules.ere.EreNode.Anchor;
import dev.logsentry.core.rules.ere.EreNode.AnyByte;
import dev.logsentry.core.rules.ere.EreNode.BackReference;
import dev.logsentry.core.rules.ere.EreNode.ByteSet;
import dev.logsentry.core.rules.ere.EreNode.Group;
import dev.logsentry.core.rules.ere.EreNode.Literal;
import dev.logsentry.core.rules.ere.EreNode.Repeat;
import dev.logsentry.core.rules.ere.EreNode.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Thompson NFA for many POSIX EREs at once, over byte classes, each pattern tagged with the
 * group whose match it reports. {@link GroupMatcher} runs it as a lazily built DFA.
 *
 * <p>States are of four kinds: {@link #BYTE} (consume one byte of a class set, go to {@code out}),
 * {@link #SPLIT} (epsilon to {@code out} and {@code out2}), {@link #ASSERT} (zero-width anchor,
 * followed only when its context holds) and {@link #MATCH} (the pattern's group matched). The byte
 * alphabet is partitioned into classes no pattern distinguishes, so a DFA row has one entry per
 * class rather than 256.
 *
 * <p>Search semantics (grep finds a match anywhere in the line): a pattern whose every branch
 * starts with {@code ^} starts at the line start only; any other pattern is preceded by a loop over
 * any byte, so it starts again at every position.
 */
final class PatternNfa {

    static final int BYTE = 0;
    static final int SPLIT = 1;
    static final int ASSERT = 2;
    static final int MATCH = 3;

    /** A pattern of more NFA states than this is left to java.util.regex. */
    static final int MAX_PATTERN_STATES = 20_000;

    /** Why a pattern is not compiled into the NFA. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Per state four ints, so that one state is one cache line's worth of reads: {@code group << 2
     * | kind}, {@code out}, {@code out2}, and the argument (BYTE: class set; ASSERT: the anchor
     * kind's ordinal; MATCH: the group).
     */
    private final int[] packed;

    /** Class sets of BYTE states, {@link #classWords} longs each: bit c set when class c passes. */
    private final long[] classBits;

    private final int classWords;

    /** Byte (0-255) to class. */
    final byte[] classOfByte;

    final int classCount;

    /** Whether class c consists of word bytes ({@code [0-9A-Za-z_]}). */
    final boolean[] wordClass;

    /** The state every pattern starts from (a chain of splits to the pattern starts). */
    final int[] starts;

    private PatternNfa(Builder b) {
        int n = b.size;
        packed = new int[n * 4];
        for (int q = 0; q < n; q++) {
            packed[4 * q] = b.group[q] << 2 | b.op[q];
            packed[4 * q + 1] = b.out[q];
            packed[4 * q + 2] = b.out2[q];
            packed[4 * q + 3] = b.arg[q];
        }
        classWords = (b.classCount + 63) >>> 6;
        classBits = new long[b.classSetList.size() * classWords];
        for (int i = 0; i < b.classSetList.size(); i++) {
            System.arraycopy(b.classSetList.get(i), 0, classBits, i * classWords, classWords);
        }
        this.classOfByte = b.classOfByte;
        this.classCount = b.classCount;
        this.wordClass = b.wordClass;
        this.starts = b.starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** An NFA read back by {@link AutomataImage#readNfa} (arrays validated there). */
    PatternNfa(
            int[] packed,
            long[] classBits,
            int classWords,
            byte[] classOfByte,
            int classCount,
            boolean[] wordClass,
            int[] starts) {
        this.packed = packed;
        this.classBits = classBits;
        this.classWords = classWords;
        this.classOfByte = classOfByte;
        this.classCount = classCount;
        this.wordClass = wordClass;
        this.starts = starts;
    }

    /** The packed states, four ints each (for {@link AutomataImage}). */
    int[] packed() {
        return packed;
    }

    /** The class sets, {@link #classWords} longs each (for {@link AutomataImage}). */
    long[] classBits() {
        return classBits;
    }

    int classWords() {
        return classWords;
    }

    int size() {
        return packed.length / 4;
    }

    /**
     * The kind of state {@code q}: {@link #BYTE}, {@link #SPLIT}, {@link #ASSERT}, {@link #MATCH}.
     */
    int op(int q) {
        return packed[4 * q] & 3;
    }

    /** The group of the pattern state {@code q} belongs to. */
    int group(int q) {
        return packed[4 * q] >>> 2;
    }

    int out(int q) {
        return packed[4 * q + 1];
    }

    /** The second epsilon of a SPLIT, or -1. */
    int out2(int q) {
        return packed[4 * q + 2];
    }

    /** BYTE: the class set; ASSERT: the anchor kind's ordinal; MATCH: the group reported. */
    int arg(int q) {
        return packed[4 * q + 3];
    }

    /** Whether BYTE state {@code q} consumes class {@code c}. */
    boolean consumes(int q, int c) {
        return inSet(packed[4 * q + 3], c);
    }

    /** Whether class set {@code set} (a BYTE state's argument) holds class {@code c}. */
    boolean inSet(int set, int c) {
        return (classBits[set * classWords + (c >>> 6)] & (1L << c)) != 0;
    }

    /** Accumulates patterns, then {@link #build()}s the NFA. */
    static final class Builder {
        private final List<EreNode> trees = new ArrayList<>();
        private final List<Integer> groups = new ArrayList<>();
        private final List<Boolean> anchoredPatterns = new ArrayList<>();

        private int[] op = new int[1024];
        private int[] out = new int[1024];
        private int[] out2 = new int[1024];
        private int[] arg = new int[1024];
        private int[] group = new int[1024];
        private int size;
        private int currentGroup;

        private byte[] classOfByte;
        private int classCount;
        private boolean[] wordClass;
        private final List<long[]> classSetList = new ArrayList<>();
        private final Map<BitSet, Integer> classSetIds = new HashMap<>();
        private final List<Integer> starts = new ArrayList<>();

        /**
         * Adds {@code tree} reporting {@code group}. A back-reference is replaced by the body of
         * the group it refers to, which matches a superset of the lines: a match of the result must
         * be confirmed by the real pattern ({@link #hasBackReference}).
         *
         * @throws Unsupported when the pattern would be too large for the automaton
         */
        void add(EreNode tree, int group) throws Unsupported {
            add(tree, group, anchoredAtStart(tree));
        }

        /**
         * Like {@link #add(EreNode, int)}; with {@code anchored} the pattern is only tried where
         * the scan starts (a rule's rest after a header already matched), else at every position.
         */
        void add(EreNode tree, int group, boolean anchored) throws Unsupported {
            EreNode approximated =
                    hasBackReference(tree) ? withoutBackReferences(tree, tree) : tree;
            if (estimate(approximated) > MAX_PATTERN_STATES) {
                throw new Unsupported("pattern too large for the automaton");
            }
            trees.add(approximated);
            groups.add(group);
            anchoredPatterns.add(anchored);
        }

        PatternNfa build() {
            partition();
            for (int i = 0; i < trees.size(); i++) {
                currentGroup = groups.get(i);
                int match = state(MATCH, -1, -1, currentGroup);
                EreNode tree = trees.get(i);
                int start = compile(tree, match);
                if (!anchoredPatterns.get(i)) {
                    // .* before the pattern: a split that either starts the pattern here or
                    // consumes any byte and comes back
                    int loop = state(SPLIT, start, -1, 0);
                    int any = state(BYTE, loop, -1, classSet(all()));
                    out2[loop] = any;
                    start = loop;
                }
                starts.add(start);
            }
            return new PatternNfa(this);
        }

        private static BitSet all() {
            BitSet all = new BitSet(256);
            all.set(0, 256);
            return all;
        }

        /** Whether {@code node} contains a back-reference. */
        static boolean hasBackReference(EreNode node) {
            return EreNode.hasBackReference(node);
        }

        /**
         * {@code node} with each back-reference replaced by its group's body (from {@code root});
         * inside such a copy, further back-references become {@code .*} (still a superset).
         */
        private static EreNode withoutBackReferences(EreNode node, EreNode root) {
            return replaceBackReferences(node, root, false);
        }

        private static EreNode replaceBackReferences(EreNode node, EreNode root, boolean copy) {
            if (node instanceof BackReference b) {
                EreNode body = copy ? null : group(root, b.number());
                return body == null
                        ? new Repeat(new AnyByte(), 0, -1)
                        : replaceBackReferences(body, root, true);
            } else if (node instanceof Group g) {
                return new Group(replaceBackReferences(g.body(), root, copy), g.number());
            } else if (node instanceof Sequence s) {
                return new Sequence(
                        s.items().stream().map(i -> replaceBackReferences(i, root, copy)).toList());
            } else if (node instanceof Alternation a) {
                return new Alternation(
                        a.branches().stream()
                                .map(i -> replaceBackReferences(i, root, copy))
                                .toList());
            } else if (node instanceof Repeat r) {
                return new Repeat(replaceBackReferences(r.body(), root, copy), r.min(), r.max());
            }
            return node;
        }

        private static EreNode group(EreNode node, int number) {
            if (node instanceof Group g) {
                return g.number() == number ? g.body() : group(g.body(), number);
            }
            List<EreNode> children =
                    node instanceof Sequence s
                            ? s.items()
                            : node instanceof Alternation a
                                    ? a.branches()
                                    : node instanceof Repeat r ? List.of(r.body()) : List.of();
            for (EreNode child : children) {
                EreNode found = group(child, number);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** An upper bound of the states {@code node} compiles to. */
        private static long estimate(EreNode node) {
            if (node instanceof Group g) {
                return estimate(g.body());
            } else if (node instanceof Sequence s) {
                long sum = 0;
                for (EreNode item : s.items()) {
                    sum += estimate(item);
                }
                return sum;
            } else if (node instanceof Alternation a) {
                long sum = a.branches().size();
                for (EreNode branch : a.branches()) {
                    sum += estimate(branch);
                }
                return sum;
            } else if (node instanceof Repeat r) {
                long copies = Math.max(r.min(), r.max() < 0 ? r.min() + 1L : r.max());
                return (estimate(r.body()) + 1) * Math.max(1, copies) + 1;
            }
            return 1;
        }

        static boolean anchoredAtStart(EreNode node) {
            if (node instanceof Anchor a) {
                return a.kind() == Anchor.Kind.LINE_START;
            } else if (node instanceof Group g) {
                return anchoredAtStart(g.body());
            } else if (node instanceof Sequence s) {
                return !s.items().isEmpty() && anchoredAtStart(s.items().get(0));
            } else if (node instanceof Alternation a) {
                return a.branches().stream().allMatch(Builder::anchoredAtStart);
            }
            return false;
        }

        /** Splits 0-255 into the classes of bytes that no byte set of any pattern tells apart. */
        private void partition() {
            List<BitSet> sets = new ArrayList<>();
            BitSet word = ByteClasses.word();
            sets.add(word);
            for (EreNode tree : trees) {
                collectSets(tree, sets);
            }
            Map<BitSet, Integer> signatures = new HashMap<>();
            classOfByte = new byte[256];
            List<Boolean> words = new ArrayList<>();
            List<BitSet> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(sets));
            for (int b = 0; b < 256; b++) {
                BitSet signature = new BitSet(distinct.size());
                for (int s = 0; s < distinct.size(); s++) {
                    if (distinct.get(s).get(b)) {
                        signature.set(s);
                    }
                }
                Integer c = signatures.get(signature);
                if (c == null) {
                    c = signatures.size();
                    signatures.put(signature, c);
                    words.add(word.get(b));
                }
                classOfByte[b] = (byte) (int) c;
            }
            classCount = signatures.size();
            wordClass = new boolean[classCount];
            for (int c = 0; c < classCount; c++) {
                wordClass[c] = words.get(c);
            }
        }

        private static void collectSets(EreNode node, List<BitSet> sets) {
            if (node instanceof Literal l) {
                BitSet one = new BitSet(256);
                one.set(l.c());
                sets.add(one);
            } else if (node instanceof ByteSet s) {
                sets.add(s.bytes());
            } else if (node instanceof Group g) {
                collectSets(g.body(), sets);
            } else if (node instanceof Sequence s) {
                s.items().forEach(item -> collectSets(item, sets));
            } else if (node instanceof Alternation a) {
                a.branches().forEach(branch -> collectSets(branch, sets));
            } else if (node instanceof Repeat r) {
                collectSets(r.body(), sets);
            }
        }

        /** The id of the class set accepting the classes of the bytes in {@code bytes}. */
        private int classSet(BitSet bytes) {
            Integer id = classSetIds.get(bytes);
            if (id == null) {
                long[] set = new long[(classCount + 63) >>> 6];
                for (int b = bytes.nextSetBit(0); b >= 0; b = bytes.nextSetBit(b + 1)) {
                    int c = classOfByte[b];
                    set[c >>> 6] |= 1L << c;
                }
                id = classSetList.size();
                classSetList.add(set);
                classSetIds.put((BitSet) bytes.clone(), id);
            }
            return id;
        }

        private int state(int kind, int next, int next2, int argument) {
            if (size == op.length) {
                int n = size * 2;
                op = Arrays.copyOf(op, n);
                out = Arrays.copyOf(out, n);
                out2 = Arrays.copyOf(out2, n);
                arg = Arrays.copyOf(arg, n);
                group = Arrays.copyOf(group, n);
            }
            op[size] = kind;
            out[size] = next;
            out2[size] = next2;
            arg[size] = argument;
            group[size] = currentGroup;
            return size++;
        }

        /** Compiles {@code node} so that it continues to {@code next}; returns its entry state. */
        private int compile(EreNode node, int next) {
            if (node instanceof Literal l) {
                BitSet one = new BitSet(256);
                one.set(l.c());
                return state(BYTE, next, -1, classSet(one));
            } else if (node instanceof AnyByte) {
                return state(BYTE, next, -1, classSet(all()));
            } else if (node instanceof ByteSet s) {
                return state(BYTE, next, -1, classSet(s.bytes()));
            } else if (node instanceof Anchor a) {
                return state(ASSERT, next, -1, a.kind().ordinal());
            } else if (node instanceof Group g) {
                return compile(g.body(), next);
            } else if (node instanceof Sequence s) {
                int entry = next;
                for (int i = s.items().size() - 1; i >= 0; i--) {
                    entry = compile(s.items().get(i), entry);
                }
                return entry;
            } else if (node instanceof Alternation a) {
                int entry = compile(a.branches().get(a.branches().size() - 1), next);
                for (int i = a.branches().size() - 2; i >= 0; i--) {
                    entry = state(SPLIT, compile(a.branches().get(i), next), entry, 0);
                }
                return entry;
            } else if (node instanceof Repeat r) {
                return repeat(r, next);
            }
            throw new IllegalStateException("not compilable: " + node);
        }

        private int repeat(Repeat r, int next) {
            int entry;
            if (r.max() < 0) {
                // body* : loop -> (body -> loop | next)
                int loop = state(SPLIT, -1, next, 0);
                int body = compile(r.body(), loop); // may grow the arrays: assign afterwards
                out[loop] = body;
                entry = loop;
            } else {
                // (body (body (...)?)?)? for the optional copies
                entry = next;
                for (int i = 0; i < r.max() - r.min(); i++) {
                    entry = state(SPLIT, compile(r.body(), entry), next, 0);
                }
            }
            for (int i = 0; i < r.min(); i++) {
                entry = compile(r.body(), entry);
            }
            return entry;
        }
    }
}
