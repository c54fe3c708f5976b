package dev.logsentry.core.summary;

import java.util.Arrays;

/**
 * The lines behind a number: each a source (index into {@link Summary#sources()}) and a 1-based
 * line number in it, packed into one long so that a million references cost 8 MB, not a million
 * objects. The workbench follows them to the Events view; the CLI does not keep them.
 */
public final class LineRefs {
    private static final int LINE_BITS = 40;
    private long[] refs = new long[4];
    private int size;

    /** Adds line {@code line} (1-based) of source {@code source}. */
    public void add(int source, long line) {
        if (size == refs.length) {
            refs = Arrays.copyOf(refs, size * 2);
        }
        refs[size++] = ((long) source << LINE_BITS) | line;
    }

    /** Adds every reference of {@code other}. */
    public void addAll(LineRefs other) {
        if (size + other.size > refs.length) {
            refs = Arrays.copyOf(refs, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.refs, 0, refs, size, other.size);
        size += other.size;
    }

    public int size() {
        return size;
    }

    /** The source index of reference {@code i}. */
    public int source(int i) {
        return (int) (refs[i] >>> LINE_BITS);
    }

    /** The 1-based line number of reference {@code i}. */
    public long line(int i) {
        return refs[i] & ((1L << LINE_BITS) - 1);
    }

    /** The references in source and line order, without duplicates. */
    public LineRefs sorted() {
        LineRefs out = new LineRefs();
        long[] copy = Arrays.copyOf(refs, size);
        Arrays.sort(copy);
        out.refs = new long[Math.max(4, copy.length)];
        for (long r : copy) {
            if (out.size == 0 || out.refs[out.size - 1] != r) {
                out.refs[out.size++] = r;
            }
        }
        return out;
    }
}
