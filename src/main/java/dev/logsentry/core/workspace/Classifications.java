package dev.logsentry.core.workspace;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.index.LineSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * Keeps every syslog-like source of a {@link Workspace} classified with the current rules: starts a
 * {@link Classification} when a source's lines appear (again when following replaces them), stops
 * it when the source closes, and classifies everything again when the rules change. Listens to the
 * workspace; its own listener is called on worker threads.
 */
public final class Classifications implements WorkspaceListener, AutoCloseable {
    /** What a classification reports, on its worker thread. */
    public interface Listener {
        /** More lines got their verdicts. */
        void progressed(Classification c);

        /** The timeline and rule counts are ready. */
        void summarized(Classification c);

        void failed(Classification c, String message);
    }

    private final Workspace workspace;
    private final ExecutorService background;
    private final int threads;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Listener relay = new Relay();
    private final Map<OpenSource, Classification> running = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private volatile Classifier classifier;

    public Classifications(Workspace workspace, ExecutorService background, int threads) {
        this.workspace = workspace;
        this.background = background;
        this.threads = threads;
        this.subscription = workspace.addListener(this);
    }

    /** Adds a listener; the returned handle removes it again. */
    public AutoCloseable addListener(Listener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** How many listeners are registered (for tests that check nothing is left behind). */
    public int listenerCount() {
        return listeners.size();
    }

    /** How many sources are being (or were) classified. */
    public int size() {
        return running.size();
    }

    /** The classifier in use, or null before the rules were loaded. */
    public Classifier classifier() {
        return classifier;
    }

    /** Uses {@code c} from now on: every open source is classified again. */
    public synchronized void setClassifier(Classifier c) {
        classifier = c;
        running.values().forEach(Classification::cancel);
        running.clear();
        workspace.sources().forEach(this::attach);
    }

    /** The classification of {@code s}, or null while it has none. */
    public Classification of(OpenSource s) {
        return s == null ? null : running.get(s);
    }

    @Override
    public void changed(OpenSource s) {
        attach(s);
    }

    /**
     * Synchronized with {@link #attach}: a late "changed" event from a worker thread either
     * attaches before this removes it, or sees the source closed; it never attaches after.
     */
    @Override
    public synchronized void removed(OpenSource s) {
        Classification c = running.remove(s);
        if (c != null) {
            c.cancel();
        }
    }

    private synchronized void attach(OpenSource s) {
        LineSource lines = s.lines();
        Classifier rules = classifier;
        if (rules == null || lines == null || s.closed() || !classifiable(s)) {
            return;
        }
        Classification old = running.get(s);
        if (old != null && old.classified().source() == lines) {
            return;
        }
        if (old != null) {
            old.cancel();
        }
        Classification c =
                new Classification(s, new ClassifiedSource(lines, rules, threads), threads, relay);
        running.put(s, c);
        background.submit(c::run);
    }

    private static boolean classifiable(OpenSource s) {
        return s.contentKind() != ContentKind.UNKNOWN;
    }

    /** Passes a classification's reports to every listener. */
    private final class Relay implements Listener {
        @Override
        public void progressed(Classification c) {
            listeners.forEach(l -> l.progressed(c));
        }

        @Override
        public void summarized(Classification c) {
            listeners.forEach(l -> l.summarized(c));
        }

        @Override
        public void failed(Classification c, String message) {
            listeners.forEach(l -> l.failed(c, message));
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        running.values().forEach(Classification::cancel);
        running.clear();
    }
}
