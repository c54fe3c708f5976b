package dev.logsentry.core.rules.automata;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The states of a lazily built DFA ({@link GroupMatcher}) as written to the automata cache and read
 * back: per state its NFA members, context flags, the groups matched on entering it and at the end
 * of a line from it, and the transitions built so far. A reader checks everything it reads against
 * the NFA (state numbers, classes, groups, the accepting marks), so a file that does not hold
 * together is {@link Invalid} and never reaches a matcher.
 *
 * <p>State 0 is unused and state 1 is the dead state in every DFA; states 2 (the start) to {@code
 * count - 1} are stored. Integers are written as unsigned LEB128 varints, members as deltas (they
 * are sorted), which keeps a file of 50,000 states at a few megabytes.
 */
final class AutomataImage {
    /** Raised for anything in an image that does not hold together. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static final int[] NONE = new int[0];

    /** States in use, 0 and 1 included. */
    final int count;

    final byte[] flags;
    final int[][] members;
    final int[][] accepts;

    /** Groups at the end of a line, null where not known yet. */
    final int[][] atEnd;

    /** Triples (state, class, target * 2 + 1 when entering the target matches groups). */
    final int[] edges;

    final int edgeCount;

    AutomataImage(
            int count,
            byte[] flags,
            int[][] members,
            int[][] accepts,
            int[][] atEnd,
            int[] edges,
            int edgeCount) {
        this.count = count;
        this.flags = flags;
        this.members = members;
        this.accepts = accepts;
        this.atEnd = atEnd;
        this.edges = edges;
        this.edgeCount = edgeCount;
    }

    /** The first states of {@code t}, as many as take about {@code maxBytes} in a file. */
    static AutomataImage of(DfaTable t, PatternNfa nfa, long maxBytes) {
        int n = 3;
        long bytes = 0;
        while (n < t.count) {
            bytes += AutomataImage.fileBytes(t.members[n], t.accepts[n]);
            if (bytes > maxBytes) {
                break;
            }
            n++;
        }
        int[] edges = new int[3 * 1024];
        int e = 0;
        int[] byteOfLocal = new int[257];
        for (int s = 2; s < n; s++) {
            int p = t.rowOf[s];
            int classes = t.classCount(p);
            Arrays.fill(byteOfLocal, -1);
            for (int b = 255; b >= 0; b--) {
                byteOfLocal[t.classOf(p, b)] = b;
            }
            for (int k = 1; k <= classes; k++) {
                int v = t.rows[p + 1 + k];
                if (v == 0 || byteOfLocal[k] < 0) {
                    continue;
                }
                int target = t.stateAt(v < 0 ? -v : v);
                if (target >= n) {
                    continue;
                }
                if (3 * e == edges.length) {
                    edges = Arrays.copyOf(edges, edges.length * 2);
                }
                edges[3 * e] = s;
                edges[3 * e + 1] = nfa.classOfByte[byteOfLocal[k]];
                edges[3 * e + 2] = target << 1 | (v < 0 ? 1 : 0);
                e++;
            }
        }
        return new AutomataImage(n, t.flags, t.members, t.accepts, t.atEnd, edges, e);
    }

    /** Bytes a state takes in a file, at most about (for the file's bound). */
    static long fileBytes(int[] members, int[] accepts) {
        return 16 + 3L * members.length + 3L * accepts.length;
    }

    void writeTo(DataOutputStream out) throws IOException {
        writeVarint(out, count);
        for (int s = 2; s < count; s++) {
            out.writeByte(flags[s]);
            writeSorted(out, members[s]);
            writeSorted(out, accepts[s]);
            if (atEnd[s] == null) {
                writeVarint(out, 0);
            } else {
                writeVarint(out, atEnd[s].length + 1);
                writeSorted(out, atEnd[s]);
            }
        }
        writeVarint(out, edgeCount);
        for (int i = 0; i < edgeCount; i++) {
            writeVarint(out, edges[3 * i]);
            writeVarint(out, edges[3 * i + 1]);
            writeVarint(out, edges[3 * i + 2]);
        }
    }

    /**
     * Reads an image written by {@link #writeTo} for {@code nfa} whose groups are below {@code
     * groupLimit}, keeping only the first states whose memory (members, groups, and a table row of
     * {@code rowBytes} twice over, as tables double) fits in {@code budgetBytes}: transitions into
     * later ones are left unbuilt, to be built again when a line needs them.
     */
    static AutomataImage readFrom(
            ByteBuffer in, PatternNfa nfa, int groupLimit, long budgetBytes, long rowBytes)
            throws Invalid {
        try {
            int stored = readVarint(in);
            if (stored < 3) {
                throw new Invalid("state count");
            }
            if (stored > in.remaining()) {
                throw new Invalid("state count " + stored);
            }
            int count = stored;
            long bytes = 0;
            byte[] flags = new byte[stored];
            int[][] members = new int[stored][];
            int[][] accepts = new int[stored][];
            int[][] atEnd = new int[stored][];
            members[1] = NONE;
            accepts[1] = NONE;
            atEnd[1] = NONE;
            for (int s = 2; s < stored; s++) {
                byte f = in.get();
                if ((f & ~3) != 0) {
                    throw new Invalid("flags of state " + s);
                }
                int[] m = readSorted(in, nfa.size());
                int[] a = readSorted(in, groupLimit);
                int ends = readVarint(in);
                int[] e = ends == 0 ? null : readSorted(in, groupLimit);
                if (e != null && e.length != ends - 1) {
                    throw new Invalid("end groups of state " + s);
                }
                bytes += 4L * m.length + 4L * a.length + 96 + 2 * rowBytes;
                if (s < count && s > 2 && bytes > budgetBytes) {
                    count = s;
                }
                if (s < count) {
                    flags[s] = f;
                    members[s] = m;
                    accepts[s] = a;
                    atEnd[s] = e;
                }
            }
            if (accepts[2].length != 0) {
                throw new Invalid("start state");
            }
            int stored2 = readVarint(in);
            int[] edges = new int[3 * Math.min(stored2, 1 << 22)];
            int n = 0;
            for (int i = 0; i < stored2; i++) {
                int s = readVarint(in);
                int c = readVarint(in);
                int v = readVarint(in);
                int target = v >>> 1;
                boolean accepting = (v & 1) != 0;
                if (s < 2 || s >= stored || c >= nfa.classCount || target < 1 || target >= stored) {
                    throw new Invalid("transition " + i);
                }
                if (s >= count || target >= count) {
                    continue;
                }
                // the invariant of GroupMatcher: an entry is marked accepting exactly when
                // entering its (live) target matches groups
                if (accepting != (target != 1 && accepts[target].length > 0)) {
                    throw new Invalid("accepting mark of transition " + i);
                }
                if (3 * n == edges.length) {
                    edges = Arrays.copyOf(edges, Math.max(3, edges.length * 2));
                }
                edges[3 * n] = s;
                edges[3 * n + 1] = c;
                edges[3 * n + 2] = v;
                n++;
            }
            return new AutomataImage(
                    count,
                    Arrays.copyOf(flags, count),
                    Arrays.copyOf(members, count),
                    Arrays.copyOf(accepts, count),
                    Arrays.copyOf(atEnd, count),
                    edges,
                    n);
        } catch (BufferUnderflowException e) {
            throw new Invalid("truncated");
        }
    }

    /** Writes {@code nfa} for {@link #readNfa} (the automata cache). */
    static void writeNfa(PatternNfa nfa, DataOutputStream out) throws IOException {
        int[] packed = nfa.packed();
        long[] classBits = nfa.classBits();
        int classWords = nfa.classWords();
        byte[] classOfByte = nfa.classOfByte;
        int classCount = nfa.classCount;
        boolean[] wordClass = nfa.wordClass;
        int[] starts = nfa.starts;
        out.writeInt(packed.length / 4);
        for (int v : packed) {
            out.writeInt(v);
        }
        out.writeInt(classWords);
        out.writeInt(classBits.length);
        for (long v : classBits) {
            out.writeLong(v);
        }
        out.write(classOfByte);
        out.writeInt(classCount);
        for (boolean w : wordClass) {
            out.writeBoolean(w);
        }
        out.writeInt(starts.length);
        for (int v : starts) {
            out.writeInt(v);
        }
    }

    /**
     * Reads an NFA written by {@link #writeNfa}, checking that every state, class set and class it
     * refers to exists and that its groups are below {@code groupLimit}.
     *
     * @throws Invalid when it does not hold together
     */
    static PatternNfa readNfa(ByteBuffer in, int groupLimit) throws Invalid {
        int n = count(in, 4, MAX_IMAGE_STATES);
        int[] packed = new int[n * 4];
        in.asIntBuffer().get(packed);
        in.position(in.position() + 4 * packed.length);
        int classWords = count(in, 1, 4);
        int words = count(in, 8, Integer.MAX_VALUE);
        if (words % classWords != 0) {
            throw new Invalid("class sets");
        }
        long[] classBits = new long[words];
        in.asLongBuffer().get(classBits);
        in.position(in.position() + 8 * words);
        byte[] classOfByte = new byte[256];
        need(in, 256);
        in.get(classOfByte);
        int classCount = count(in, 1, 256);
        if (classCount == 0 || (classCount + 63) >>> 6 != classWords) {
            throw new Invalid("class count");
        }
        for (byte c : classOfByte) {
            if ((c & 0xff) >= classCount) {
                throw new Invalid("byte class");
            }
        }
        boolean[] wordClass = new boolean[classCount];
        need(in, classCount);
        for (int c = 0; c < classCount; c++) {
            wordClass[c] = in.get() != 0;
        }
        int[] starts = new int[count(in, 4, n)];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = index(in.getInt(), n);
        }
        int sets = words / classWords;
        int kinds = dev.logsentry.core.rules.ere.EreNode.Anchor.Kind.values().length;
        for (int q = 0; q < n; q++) {
            int op = packed[4 * q] & 3;
            int group = packed[4 * q] >>> 2;
            int out = packed[4 * q + 1];
            int out2 = packed[4 * q + 2];
            int arg = packed[4 * q + 3];
            boolean ok =
                    group < groupLimit
                            && switch (op) {
                                case PatternNfa.BYTE -> ok(out, n) && out2 == -1 && ok(arg, sets);
                                case PatternNfa.SPLIT -> ok(out, n) && (out2 == -1 || ok(out2, n));
                                case PatternNfa.ASSERT ->
                                        ok(out, n) && out2 == -1 && ok(arg, kinds);
                                default -> out == -1 && out2 == -1 && ok(arg, groupLimit);
                            };
            if (!ok) {
                throw new Invalid("NFA state " + q);
            }
        }
        return new PatternNfa(
                packed, classBits, classWords, classOfByte, classCount, wordClass, starts);
    }

    /** An NFA of more states than this is not read back (none is near it). */
    private static final int MAX_IMAGE_STATES = 1 << 24;

    private static boolean ok(int index, int size) {
        return index >= 0 && index < size;
    }

    /** An int count of {@code unit}-byte items at most {@code max} that fit in the rest. */
    static int count(ByteBuffer in, int unit, int max) throws Invalid {
        need(in, 4);
        int n = in.getInt();
        if (n < 0 || n > max || (long) n * unit > in.remaining()) {
            throw new Invalid("count " + n);
        }
        return n;
    }

    static void need(ByteBuffer in, int bytes) throws Invalid {
        if (in.remaining() < bytes) {
            throw new Invalid("truncated");
        }
    }

    static int index(int value, int size) throws Invalid {
        if (value < 0 || value >= size) {
            throw new Invalid("index " + value);
        }
        return value;
    }

    private static void writeSorted(DataOutputStream out, int[] values) throws IOException {
        writeVarint(out, values.length);
        int prev = 0;
        for (int v : values) {
            writeVarint(out, v - prev);
            prev = v;
        }
    }

    /** Strictly increasing values below {@code limit}. */
    private static int[] readSorted(ByteBuffer in, int limit) throws Invalid {
        int n = readVarint(in);
        if (n > in.remaining()) {
            throw new Invalid("length " + n);
        }
        if (n == 0) {
            return NONE;
        }
        int[] values = new int[n];
        long prev = -1;
        for (int i = 0; i < n; i++) {
            long v = (i == 0 ? 0 : prev) + readVarint(in);
            if (v <= prev || v >= limit) {
                throw new Invalid("member " + v);
            }
            values[i] = (int) v;
            prev = v;
        }
        return values;
    }

    static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7f) != 0) {
            out.writeByte((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    static int readVarint(ByteBuffer in) throws Invalid {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                if (value < 0) {
                    throw new Invalid("varint");
                }
                return value;
            }
        }
        throw new Invalid("varint");
    }
}
