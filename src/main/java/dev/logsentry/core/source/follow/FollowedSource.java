package dev.logsentry.core.source.follow;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.index.SpillFile;
import dev.logsentry.core.source.MultilogDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A followed log as one growing {@link RawLineSource}: the lines of the file as it was indexed,
 * then every line the {@link Follower} reads, with a marker line wherever the file was rotated or
 * truncated. Followed lines are kept in a private temporary file (owner-only, deleted on close), so
 * they stay readable whatever later happens to the log, at a few bytes of heap per line.
 *
 * <p>Usage: {@code FollowedSource s = FollowedSource.follow(indexedFile);
 * executor.submit(s.follower()::run); ... s.close();}
 */
public final class FollowedSource implements RawLineSource, FollowListener {
    /** Marker lines start with this, so they can be styled and told apart from log lines. */
    public static final String MARKER_PREFIX = "\u2500\u2500\u2500 ";

    private final String name;
    private volatile RawLineSource base;

    /** True while the followed file is still the one the base lines were read from. */
    private boolean followingBase;

    private volatile boolean baseGone;
    private IndexedFile ownedBase;
    private final long baseLines;
    private final long baseBytes;
    private final SpillFile spill;
    private final ConcurrentSkipListSet<Long> markers = new ConcurrentSkipListSet<>();
    private final List<FollowListener> listeners = new CopyOnWriteArrayList<>();
    private final Follower follower;

    private FollowedSource(
            String name,
            RawLineSource base,
            long baseLines,
            long baseBytes,
            Path file,
            long start,
            Object expectedKey,
            int displayLimit)
            throws IOException {
        this.name = name;
        this.base = base;
        this.followingBase = base instanceof IndexedFile;
        this.baseLines = baseLines;
        this.baseBytes = baseBytes;
        this.spill = new SpillFile(name, displayLimit);
        this.follower = new Follower(file, start, expectedKey, this, Follower.DEFAULT_POLL_MILLIS);
    }

    /**
     * Follows an indexed file from the end of its complete lines. Index it to the end first (its
     * {@link IndexedFile#index} job) so that no line is read twice.
     */
    public static FollowedSource follow(IndexedFile file) throws SourceException {
        // Catch up first: lines appended since indexing, through the file's own channel, so that
        // even a file rotated away meanwhile gives its last lines.
        file.index(IndexProgress.NONE, () -> false);
        try {
            return new FollowedSource(
                    file.name(),
                    file,
                    file.completeLineCount(),
                    file.completeBytes(),
                    file.path(),
                    file.completeBytes(),
                    file.fileKey(),
                    displayLimitOf(file));
        } catch (IOException e) {
            throw new SourceException(
                    file.path(),
                    SourceException.Reason.UNREADABLE,
                    "Cannot follow " + file.path() + ": no temporary file (" + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * Follows a multilog directory: its lines so far, then what multilog appends to {@code
     * current}; multilog's own rotation (current renamed to {@code @....s}, a new current) is a
     * rename-and-create. Index the directory to the end first.
     */
    public static FollowedSource follow(MultilogDirectory dir) throws SourceException {
        dir.index(IndexProgress.NONE, () -> false); // catch up, as for a single file
        List<RawLineSource> parts = dir.parts();
        Path current = dir.files().get(dir.files().size() - 1);
        if (!current.getFileName().toString().equals("current")
                || !(parts.get(parts.size() - 1) instanceof IndexedFile last)) {
            throw new SourceException(
                    dir.directory(),
                    SourceException.Reason.MISSING,
                    dir.directory() + " has no current file to follow");
        }
        long partial = last.lineCount() - last.completeLineCount();
        try {
            return new FollowedSource(
                    dir.name(),
                    dir,
                    dir.lineCount() - partial,
                    dir.size(),
                    current,
                    last.completeBytes(),
                    last.fileKey(),
                    last.displayLimit());
        } catch (IOException e) {
            throw new SourceException(
                    current,
                    SourceException.Reason.UNREADABLE,
                    "Cannot follow " + current + ": no temporary file (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Follows {@code file} from {@code startOffset} with nothing before it (0 reads it all). */
    public static FollowedSource follow(Path file, long startOffset) throws SourceException {
        try {
            Path fn = file.getFileName();
            return new FollowedSource(
                    fn == null ? file.toString() : fn.toString(),
                    null,
                    0,
                    0,
                    file,
                    startOffset,
                    null,
                    OpenOptions.DEFAULT_DISPLAY_LIMIT);
        } catch (IOException e) {
            throw new SourceException(
                    file,
                    SourceException.Reason.UNREADABLE,
                    "Cannot follow " + file + ": no temporary file (" + e.getMessage() + ")",
                    e);
        }
    }

    private static int displayLimitOf(IndexedFile file) {
        return file.displayLimit();
    }

    /** The follower to run on the caller's executor: {@code executor.submit(follower()::run)}. */
    public Follower follower() {
        return follower;
    }

    /** Also tells {@code l} about every line and event, on the follower's thread. */
    public void addListener(FollowListener l) {
        listeners.add(l);
    }

    public void removeListener(FollowListener l) {
        listeners.remove(l);
    }

    /** Whether line {@code index} is a marker (rotation, truncation, ...) rather than log text. */
    public boolean isMarker(long index) {
        return markers.contains(index);
    }

    @Override
    public void line(byte[] raw) {
        append(raw);
        for (FollowListener l : listeners) {
            l.line(raw);
        }
    }

    @Override
    public void event(FollowEvent event) {
        if (event.kind() == FollowEvent.Kind.ROTATED) {
            followingBase = false;
        } else if (event.kind() == FollowEvent.Kind.TRUNCATED && followingBase) {
            followingBase = false;
            rebase(event.copy());
        }
        markers.add(baseLines + spill.lineCount());
        append((MARKER_PREFIX + event.message()).getBytes(StandardCharsets.UTF_8));
        for (FollowListener l : listeners) {
            l.event(event);
        }
    }

    /**
     * The indexed file was truncated under the base lines (copytruncate): read them from the
     * rotated copy, which starts with the same bytes, or say they are gone. Never show whatever now
     * stands at their offsets.
     */
    private void rebase(Path copy) {
        if (copy != null) {
            try {
                IndexedFile f = IndexedFile.open(copy, OpenOptions.DEFAULT.withAllowBinary(true));
                f.index(IndexProgress.NONE, () -> false);
                if (f.completeLineCount() >= baseLines) {
                    ownedBase = f;
                    base = f;
                    return;
                }
                f.close();
            } catch (SourceException | IOException e) {
                // fall through: the lines are gone
            }
        }
        baseGone = true;
    }

    private String goneText() {
        return "[no longer available: " + name + " was truncated and no copy was found]";
    }

    private void append(byte[] raw) {
        try {
            spill.append(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the followed lines of " + name, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long lineCount() {
        return baseLines + spill.lineCount();
    }

    @Override
    public String line(long index) throws IOException {
        if (index < baseLines && baseGone) {
            return goneText();
        }
        return index < baseLines ? base.line(index) : spill.line(index - baseLines);
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        if (index < baseLines && baseGone) {
            return goneText().getBytes(StandardCharsets.UTF_8);
        }
        return index < baseLines ? base.rawLine(index) : spill.rawLine(index - baseLines);
    }

    @Override
    public long lineLength(long index) {
        if (index < baseLines && baseGone) {
            return goneText().length();
        }
        return index < baseLines ? base.lineLength(index) : spill.lineLength(index - baseLines);
    }

    /** Lines that came from the source the follow started from (their offsets are its own). */
    public long baseLineCount() {
        return baseLines;
    }

    /**
     * The offset of a line in its own file for base lines; followed lines report their position in
     * the private copy, since they may come from several file generations.
     */
    @Override
    public long offset(long index) {
        return index < baseLines ? base.offset(index) : spill.offset(index - baseLines);
    }

    @Override
    public long size() {
        return baseBytes + spill.size();
    }

    /** Stops following, then frees the private copy. The base file is left open (the caller's). */
    @Override
    public void close() throws IOException {
        follower.close();
        spill.close();
        if (ownedBase != null) {
            ownedBase.close();
        }
    }
}
