package dev.logsentry.core.source;

import dev.logsentry.core.index.IndexJob;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexResult;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.index.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Several sources read one after the other as one (the files of a multilog directory, oldest
 * first). A part becomes visible only when all parts before it are fully indexed, so line numbers
 * never move; the last part may keep growing.
 */
public class ConcatenatedSource implements RawLineSource {
    private final String name;
    private final List<RawLineSource> parts;
    private final List<IndexJob> jobs;

    /** First line of each part that is complete; written by the indexing thread. */
    private final long[] firstLine;

    private volatile int active;

    /**
     * @param parts the sources in order, each already open (its first block readable)
     * @param jobs the indexing job of each part, same order
     */
    public ConcatenatedSource(
            String name, List<? extends RawLineSource> parts, List<IndexJob> jobs) {
        if (parts.isEmpty() || parts.size() != jobs.size()) {
            throw new IllegalArgumentException("parts and jobs must match and not be empty");
        }
        this.name = name;
        this.parts = List.copyOf(parts);
        this.jobs = List.copyOf(jobs);
        this.firstLine = new long[parts.size() + 1];
    }

    /** Indexes the parts in order; the IndexJob of this source. */
    public IndexResult index(IndexProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        long bytesBefore = 0;
        for (int i = 0; i < active; i++) {
            bytesBefore += parts.get(i).size();
        }
        while (true) {
            int k = active;
            long base = bytesBefore;
            long linesBase = firstLine[k];
            IndexResult r =
                    jobs.get(k)
                            .run(
                                    (done, total, lines) ->
                                            progress.update(base + done, -1, linesBase + lines),
                                    cancelled);
            if (r.cancelled()) {
                return new IndexResult(lineCount(), size(), true);
            }
            if (k == parts.size() - 1) {
                progress.update(size(), size(), lineCount());
                return new IndexResult(lineCount(), size(), false);
            }
            bytesBefore += parts.get(k).size();
            firstLine[k + 1] = firstLine[k] + parts.get(k).lineCount();
            active = k + 1; // publishes firstLine[k + 1]
        }
    }

    /** The parts, in order. */
    public List<RawLineSource> parts() {
        return parts;
    }

    /** Which part line {@code index} comes from. */
    public int partOf(long index) {
        int k = active;
        if (index < 0 || index >= firstLine[k] + parts.get(k).lineCount()) {
            throw new IndexOutOfBoundsException("line " + index + " of " + lineCount());
        }
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstLine[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The line number of {@code index} inside its part. */
    public long lineInPart(long index) {
        return index - firstLine[partOf(index)];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long lineCount() {
        int k = active;
        return firstLine[k] + parts.get(k).lineCount();
    }

    @Override
    public String line(long index) throws IOException {
        int p = partOf(index);
        return parts.get(p).line(index - firstLine[p]);
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        int p = partOf(index);
        return parts.get(p).rawLine(index - firstLine[p]);
    }

    @Override
    public long lineLength(long index) {
        int p = partOf(index);
        return parts.get(p).lineLength(index - firstLine[p]);
    }

    /** The offset of a line within its own file (see {@link #partOf}). */
    @Override
    public long offset(long index) {
        int p = partOf(index);
        return parts.get(p).offset(index - firstLine[p]);
    }

    @Override
    public long size() {
        int k = active;
        long s = 0;
        for (int i = 0; i <= k; i++) {
            s += parts.get(i).size();
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RawLineSource p : new ArrayList<>(parts)) {
            try {
                p.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
