package dev.logsentry.core.workspace;

import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheParser;
import dev.logsentry.core.dnscache.ResolutionTree;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.follow.FollowedSource;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Follow mode for a dnscache log: the lines appended to a followed source are parsed as they come
 * (on the follower's thread, when the workspace says the source grew) and each client query is
 * handed to {@code completed} once its resolution is complete. Close it to stop.
 */
public final class DnscacheFeed implements WorkspaceListener, AutoCloseable {
    private final OpenSource source;
    private final DnscacheParser parser;
    private final DnscacheAnalyzer analyzer;
    private final AutoCloseable subscription;
    private final Consumer<String> problems;
    private long next;

    /** Starts after the lines the source has now; {@code completed} runs on a worker thread. */
    public DnscacheFeed(
            Workspace workspace,
            OpenSource source,
            Consumer<ResolutionTree> completed,
            Consumer<String> problems) {
        this.source = source;
        this.parser = new DnscacheParser(source.name());
        this.analyzer = new DnscacheAnalyzer(completed::accept);
        this.problems = problems;
        LineSource lines = source.lines();
        this.next = lines == null ? 0 : lines.lineCount();
        this.subscription = workspace.addListener(this);
    }

    @Override
    public synchronized void progressed(OpenSource s) {
        if (s != source || !(s.lines() instanceof FollowedSource followed)) {
            return;
        }
        try {
            long end = followed.lineCount();
            for (; next < end; next++) {
                if (!followed.isMarker(next)) {
                    analyzer.accept(parser.parse(followed.line(next), next + 1));
                }
            }
        } catch (IOException e) {
            problems.accept("Following " + s.path() + " stopped: " + e.getMessage());
        }
    }

    @Override
    public void removed(OpenSource s) {
        if (s == source) {
            close();
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener from a list cannot fail
        }
    }
}
