package dev.logsentry.ui.workbench;

import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheParser;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.MultilogDirectory;
import dev.logsentry.core.source.follow.FollowedSource;
import dev.logsentry.ui.dns.DnsViewModel;
import dev.logsentry.ui.events.EventsViewModel;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Follow mode (Ctrl+L): a plain file or multilog directory through {@link FollowedSource}, the
 * journal by re-reading after its cursor; a followed dnscache log also feeds the DNS perspective.
 * The followed source stays classified (its session keeps running while it follows).
 */
final class FollowController {
    private final ExecutorService background;
    private final EventsViewModel events;
    private final DnsViewModel dns;
    private final ObservableList<SourceItem> sources;
    private final StringProperty status;
    private final Consumer<String> warn;
    private final Predicate<SourceItem> isDnscache;

    FollowController(
            ExecutorService background,
            EventsViewModel events,
            DnsViewModel dns,
            ObservableList<SourceItem> sources,
            StringProperty status,
            Consumer<String> warn,
            Predicate<SourceItem> isDnscache) {
        this.background = background;
        this.events = events;
        this.dns = dns;
        this.sources = sources;
        this.status = status;
        this.warn = warn;
        this.isDnscache = isDnscache;
    }

    /**
     * Starts or stops following the selected source (Ctrl+L): new lines appear as they are written,
     * through rotation and truncation, with a marker line where the file changed.
     */
    void toggle(SourceItem item) {
        if (item == null || item.stateProperty().get() != SourceItem.State.READY) {
            status.set("Follow: wait until the source is indexed.");
            return;
        }
        LineSource lines = item.linesProperty().get();
        if (lines instanceof JournalSource journal) {
            followJournal(item, journal);
            return;
        }
        if (lines instanceof FollowedSource followed) {
            closeQuietly(followed);
            item.followingProperty().set(false);
            status.set("Stopped following " + item.nameProperty().get());
            return;
        }
        LineSource base = lines;
        Task<FollowedSource> start =
                new Task<>() {
                    @Override
                    protected FollowedSource call() throws Exception {
                        if (base instanceof IndexedFile file) {
                            return FollowedSource.follow(file);
                        }
                        if (base instanceof MultilogDirectory dir) {
                            return FollowedSource.follow(dir);
                        }
                        throw new IllegalStateException(
                                item.path()
                                        + " cannot be followed (only plain files and multilog directories)");
                    }
                };
        start.setOnSucceeded(
                e -> {
                    FollowedSource followed = start.getValue();
                    item.linesProperty().set(followed);
                    item.followingProperty().set(true);
                    events.detach(item);
                    events.attach(item);
                    background.submit(followed.follower()::run);
                    if (isDnscache.test(item)) {
                        followDnscache(item, followed);
                    }
                    status.set("Following " + item.path() + " (Ctrl+L stops)");
                });
        start.setOnFailed(
                e ->
                        warn.accept(
                                "Cannot follow "
                                        + item.path()
                                        + ": "
                                        + start.getException().getMessage()));
        background.submit(start);
    }

    /**
     * Follow mode in the DNS perspective: lines appended to a followed dnscache log are parsed as
     * they come, and each client query appears in the query table once it completes.
     */
    private void followDnscache(SourceItem item, FollowedSource followed) {
        long start = followed.lineCount();
        DnscacheParser parser = new DnscacheParser(item.nameProperty().get());
        DnscacheAnalyzer analyzer =
                new DnscacheAnalyzer(tree -> Platform.runLater(() -> dns.addCompleted(tree)));
        background.submit(
                () -> {
                    long next = start;
                    try {
                        while (item.followingProperty().get() && sources.contains(item)) {
                            long end = followed.lineCount();
                            for (; next < end; next++) {
                                if (!followed.isMarker(next)) {
                                    analyzer.accept(parser.parse(followed.line(next), next + 1));
                                }
                            }
                            Thread.sleep(250);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        Platform.runLater(
                                () ->
                                        warn.accept(
                                                "Following "
                                                        + item.path()
                                                        + " stopped: "
                                                        + e.getMessage()));
                    }
                });
    }

    /** The journal is followed by reading what comes after the cursor, once a second. */
    private void followJournal(SourceItem item, JournalSource journal) {
        if (item.followingProperty().get()) {
            item.followingProperty().set(false);
            status.set("Stopped following " + item.nameProperty().get());
            return;
        }
        item.followingProperty().set(true);
        events.detach(item);
        events.attach(item);
        background.submit(
                () -> {
                    try {
                        while (item.followingProperty().get() && sources.contains(item)) {
                            journal.index(
                                    IndexProgress.NONE, () -> !item.followingProperty().get());
                            Thread.sleep(1000);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (SourceException e) {
                        Platform.runLater(
                                () ->
                                        warn.accept(
                                                "Following the journal stopped: "
                                                        + e.getMessage()));
                    }
                });
        status.set("Following the systemd journal (Ctrl+L stops)");
    }

    private static void closeQuietly(LineSource lines) {
        try {
            lines.close();
        } catch (IOException e) {
            // a followed copy of a read-only file: nothing is lost by failing to close it
        }
    }
}
