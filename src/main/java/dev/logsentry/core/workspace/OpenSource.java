package dev.logsentry.core.workspace;

import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.SourceKind;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One source open in a {@link Workspace}: a file, a folder's log, a multilog directory, the journal
 * or a merged view. A handle read from any thread (its fields are volatile); only the workspace
 * changes it, and tells its listeners each time. Views, the classifier and later features (the rule
 * editor, summaries, remote hosts) all refer to the same handle.
 */
public final class OpenSource {
    /** Where a source is in its life. */
    public enum State {
        OPENING,
        INDEXING,
        READY,
        CANCELLED,
        FAILED,
        CLOSED
    }

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Path path;
    private final String name;
    private volatile State state = State.OPENING;
    private volatile SourceKind sourceKind;
    private volatile ContentKind contentKind = ContentKind.UNKNOWN;
    private volatile LineSource lines;
    private volatile double progress = -1;
    private volatile boolean following;
    private volatile String problem;
    private volatile LineSource base;
    private volatile Runnable cancel = () -> {};
    private final Object changed = new Object();
    private long version;

    OpenSource(Path path, String name) {
        this.path = path;
        this.name = name;
    }

    /** A number unique in this process, for logs and maps. */
    public long id() {
        return id;
    }

    /** The file or directory opened; for the journal and merged views a descriptive path. */
    public Path path() {
        return path;
    }

    /** The name shown in the Sources view. */
    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    /** How it was opened (file, gzip, multilog, journal, merged), or null while opening. */
    public SourceKind sourceKind() {
        return sourceKind;
    }

    /** What its lines are; {@link ContentKind#UNKNOWN} until the first lines were read. */
    public ContentKind contentKind() {
        return contentKind;
    }

    /** The lines, readable while indexing goes on; null until the first screen is read. */
    public LineSource lines() {
        return lines;
    }

    /** Indexing progress from 0 to 1, or -1 while unknown. */
    public double progress() {
        return progress;
    }

    /** Whether new lines are being followed (tail -f). */
    public boolean following() {
        return following;
    }

    /** Whether lines may still be added: being indexed, or followed. */
    public boolean growing() {
        State s = state;
        return s == State.OPENING || s == State.INDEXING || (s == State.READY && following);
    }

    /** Why opening failed (a message naming the file), or null. */
    public String problem() {
        return problem;
    }

    /** Whether the workspace has closed this source (its lines are released). */
    public boolean closed() {
        return state == State.CLOSED;
    }

    /**
     * Waits until the source changed (grew, progressed, changed state) or {@code millis} passed;
     * background work that follows a growing source waits here instead of sleeping blindly.
     */
    public void awaitChange(long seen, long millis) throws InterruptedException {
        synchronized (changed) {
            if (version == seen) {
                changed.wait(millis);
            }
        }
    }

    /** A counter bumped by every change; pass it to {@link #awaitChange}. */
    public long version() {
        synchronized (changed) {
            return version;
        }
    }

    void signal() {
        synchronized (changed) {
            version++;
            changed.notifyAll();
        }
    }

    void state(State s) {
        state = s;
    }

    void sourceKind(SourceKind k) {
        sourceKind = k;
    }

    void contentKind(ContentKind k) {
        contentKind = k;
    }

    void lines(LineSource l) {
        lines = l;
    }

    void progress(double p) {
        progress = p;
    }

    void following(boolean f) {
        following = f;
    }

    void problem(String p) {
        problem = p;
    }

    /** While followed: the indexed source the follow started from (closed with the source). */
    LineSource base() {
        return base;
    }

    void base(LineSource b) {
        base = b;
    }

    void onCancel(Runnable r) {
        cancel = r;
    }

    void cancel() {
        cancel.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
