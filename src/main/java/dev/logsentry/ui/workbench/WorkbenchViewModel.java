package dev.logsentry.ui.workbench;

import dev.logsentry.core.dnscache.DnscacheDetector;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.MergedSource;
import dev.logsentry.core.source.MultilogDirectory;
import dev.logsentry.core.source.OpenedLog;
import dev.logsentry.ui.dns.DnsViewModel;
import dev.logsentry.ui.events.EventsViewModel;
import dev.logsentry.ui.rules.RulesViewModel;
import dev.logsentry.ui.sources.PartlyReadableException;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourceOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * State and actions of the workbench window: the open sources, the selection, status and messages.
 * Loading runs on a background executor owned here; this class only touches its properties on the
 * FX thread.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    private static final Duration REFRESH = Duration.millis(150);

    private final SourceOpener opener;
    private final RecentFiles recent;
    private final ExecutorService background =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "logsentry-background");
                        t.setDaemon(true);
                        return t;
                    });
    private final ObservableList<SourceItem> sources = FXCollections.observableArrayList();
    private final ObjectProperty<SourceItem> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final ObservableList<UserMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<Path> recentPaths = FXCollections.observableArrayList();
    private final Timeline refresher;
    private final EventsViewModel events;
    private final RulesViewModel rules = new RulesViewModel();
    private final DnsViewModel dns = new DnsViewModel();
    private final java.util.Map<SourceItem, Boolean> dnscacheSources =
            new java.util.IdentityHashMap<>();
    private SourceItem dnsShown;
    private final ObjectProperty<Perspective> requestedPerspective = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty lineCountText = new SimpleStringProperty("");
    private final FollowController follow;

    public WorkbenchViewModel(SourceOpener opener, RecentFiles recent) {
        this.opener = opener;
        this.recent = recent;
        recentPaths.setAll(recent.paths());
        refresher = new Timeline(new KeyFrame(REFRESH, e -> refreshCounts()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        events = new EventsViewModel(sources, background, this::warn);
        follow =
                new FollowController(
                        background, events, dns, sources, status, this::warn, this::isDnscache);
        events.currentProperty().bind(selected);
        events.ruleTreeProperty().addListener((obs, old, now) -> rules.treeProperty().set(now));
        events.ruleCountsProperty().addListener((obs, old, now) -> updateMatchCounts());
        events.showRuleRequests()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                rules.selectedRuleProperty().set(null);
                                rules.selectedRuleProperty().set(now);
                                requestedPerspective.set(null);
                                requestedPerspective.set(Perspective.RULES);
                            }
                        });
        selected.addListener(
                (obs, old, now) -> {
                    updateLineCount();
                    showDns(now);
                    if (now != null && now.stateProperty().get() == SourceItem.State.READY) {
                        status.set(
                                String.format(
                                        "%s: %,d lines",
                                        now.nameProperty().get(), now.lineCountProperty().get()));
                    }
                });
        sources.addListener(
                (javafx.collections.ListChangeListener<SourceItem>)
                        c -> {
                            while (c.next()) {
                                c.getRemoved().forEach(events::detach);
                                c.getAddedSubList().forEach(events::attach);
                            }
                        });
        events.statusProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && !now.isEmpty()) {
                                status.set(now);
                            }
                        });
        events.reloadRules();
    }

    public EventsViewModel events() {
        return events;
    }

    public RulesViewModel rules() {
        return rules;
    }

    /** The DNS perspective's model: the analysis of the selected dnscache source. */
    public DnsViewModel dns() {
        return dns;
    }

    /** Whether {@code item} was recognised as a dnscache log. */
    public boolean isDnscache(SourceItem item) {
        return dnscacheSources.getOrDefault(item, false);
    }

    /** Marks a source recognised as a dnscache log and shows the DNS perspective for it. */
    private void markDnscache(SourceItem item) {
        dnscacheSources.put(item, true);
        item.kindProperty().set("dnscache");
        if (selected.get() == item) {
            showDns(item);
        }
    }

    /**
     * Whether a source's first lines are a dnscache log; reads the file, so not on the FX thread.
     */
    private static boolean looksLikeDnscache(LineSource lines) {
        List<String> first = new java.util.ArrayList<>();
        try {
            for (long i = 0; i < Math.min(40, lines.lineCount()); i++) {
                first.add(lines.line(i));
            }
        } catch (IOException e) {
            return false;
        }
        return DnscacheDetector.looksLikeDnscache(first);
    }

    private void showDns(SourceItem item) {
        if (item == null || !isDnscache(item) || item == dnsShown) {
            return;
        }
        dnsShown = item;
        dns.load(List.of(item.path()), background);
        requestedPerspective.set(null);
        requestedPerspective.set(Perspective.DNS);
    }

    /** Set when something asks to show a perspective (a "Show in Rules" link, a dnscache log). */
    public ObjectProperty<Perspective> requestedPerspective() {
        return requestedPerspective;
    }

    /** Progress of the background work on the selected source (index, then classification). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty lineCountTextProperty() {
        return lineCountText;
    }

    private void warn(String text) {
        messages.add(new UserMessage(UserMessage.Severity.WARNING, text, ""));
    }

    private void updateMatchCounts() {
        var c = events.classifiedProperty().get();
        rules.matchCountsProperty()
                .set(c == null ? r -> -1 : events.ruleMatchCounts()::applyAsLong);
    }

    private void updateLineCount() {
        SourceItem s = selected.get();
        if (s == null) {
            lineCountText.set("");
            progress.set(0);
            return;
        }
        lineCountText.set(String.format("%,d lines", s.lineCountProperty().get()));
        double p =
                s.stateProperty().get() == SourceItem.State.READY
                        ? (events.classifyProgressProperty().get() >= 1
                                ? 0
                                : events.classifyProgressProperty().get())
                        : s.progressProperty().get();
        progress.set(p);
    }

    public ObservableList<SourceItem> sources() {
        return sources;
    }

    public ObjectProperty<SourceItem> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<UserMessage> messages() {
        return messages;
    }

    public ObservableList<Path> recentPaths() {
        return recentPaths;
    }

    /**
     * Opens each path (files, folders) and selects the first; the same path twice only selects it.
     */
    public void open(List<Path> paths) {
        SourceItem first = null;
        for (Path path : paths) {
            SourceItem item = open(path);
            first = first == null ? item : first;
        }
        if (first == null) {
            return;
        }
        if (first != null && sources.contains(first)) {
            selected.set(first);
        }
    }

    /** Opens one path in the background and selects it; the returned item tracks the work. */
    public SourceItem open(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        if (Files.isDirectory(normal) && !MultilogDirectory.isMultilog(normal)) {
            return openFolder(normal);
        }
        Optional<SourceItem> existing =
                sources.stream().filter(s -> s.path().equals(normal)).findFirst();
        if (existing.isPresent()) {
            selected.set(existing.get());
            return existing.get();
        }
        SourceItem item = new SourceItem(normal);
        load(item, opener);
        background.submit(
                () -> {
                    recent.add(normal); // writes recent.json: off the FX thread
                    List<Path> now = recent.paths();
                    Platform.runLater(() -> recentPaths.setAll(now));
                });
        return item;
    }

    /**
     * Merges every open log (not dnscache logs, not merged views) into one chronological view
     * (Ctrl+M), opened as a new source.
     */
    public void mergeOpenLogs() {
        List<Path> paths =
                sources.stream()
                        .filter(s -> s.stateProperty().get() == SourceItem.State.READY)
                        .filter(s -> !isDnscache(s) && !"merged".equals(s.kindProperty().get()))
                        .map(SourceItem::path)
                        .toList();
        if (paths.size() < 2) {
            warn("Merge needs at least two open, indexed logs.");
            return;
        }
        String name =
                "merged: "
                        + String.join(
                                " + ",
                                paths.stream().map(p -> p.getFileName().toString()).toList());
        SourceItem item = new SourceItem(Path.of(name));
        load(
                item,
                (path, progress, cancelled, ready) -> {
                    List<OpenedLog> logs = new java.util.ArrayList<>();
                    for (Path p : paths) {
                        logs.add(LogOpener.open(p));
                    }
                    MergedSource merged = MergedSource.of(logs, java.time.ZoneId.systemDefault());
                    ready.accept(merged, "merged");
                    merged.index(progress, cancelled);
                    return merged;
                });
    }

    /**
     * Opens the systemd journal (all of it that the user may read, through {@code journalctl -o
     * json}); following it later re-reads only entries after the saved cursor.
     */
    public void openJournal() {
        SourceItem item = new SourceItem(Path.of("systemd journal"));
        load(
                item,
                (path, progress, cancelled, ready) -> {
                    JournalSource journal =
                            JournalSource.open(List.of(), java.time.ZoneId.systemDefault());
                    ready.accept(journal, "journal");
                    journal.index(progress, cancelled);
                    return journal;
                });
    }

    /** Adds {@code item}, selects it and fills it in the background with {@code how}. */
    private void load(SourceItem item, SourceOpener how) {
        Path normal = item.path();
        sources.add(item);
        selected.set(item);
        Task<LineSource> task = new OpenTask(item, how);
        item.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(
                e -> {
                    item.progressProperty().unbind();
                    item.progressProperty().set(1);
                    item.linesProperty().set(task.getValue());
                    item.stateProperty().set(SourceItem.State.READY);
                    refreshCounts();
                    if (task instanceof OpenTask open && open.dnscache) {
                        markDnscache(item);
                    }
                    long count = item.lineCountProperty().get();
                    if (selected.get() == item) {
                        status.set(
                                String.format(
                                        "Opened %s: %,d lines", item.nameProperty().get(), count));
                    }
                    if (count == 0) {
                        messages.add(
                                new UserMessage(
                                        UserMessage.Severity.INFO,
                                        item.path() + " is empty: there are no lines to show yet.",
                                        ""));
                    }
                });
        task.setOnFailed(
                e -> {
                    if (task.getException() instanceof PartlyReadableException partly) {
                        item.progressProperty().unbind();
                        item.linesProperty().set(partly.readable());
                        item.stateProperty().set(SourceItem.State.READY);
                        refreshCounts();
                        messages.add(
                                new UserMessage(
                                        UserMessage.Severity.WARNING,
                                        partly.getMessage()
                                                + " \u2014 showing the lines read before that.",
                                        ""));
                    } else {
                        failed(item, task.getException());
                    }
                });
        task.setOnCancelled(
                e -> {
                    item.progressProperty().unbind();
                    item.stateProperty().set(SourceItem.State.CANCELLED);
                    status.set("Indexing of " + item.nameProperty().get() + " cancelled");
                });
        item.onCancel(() -> task.cancel(true));
        status.set("Opening " + normal + "\u2026");
        background.submit(task);
    }

    /**
     * Starts or stops following the selected source (Ctrl+L): new lines appear as they are written,
     * through rotation and truncation, with a marker line where the file changed.
     */
    public void toggleFollow() {
        if (selected.get() != null) {
            follow.toggle(selected.get());
        }
    }

    /** A folder that is not a multilog directory: opens every log file in it. */
    private SourceItem openFolder(Path dir) {
        try {
            List<Path> files = LogOpener.logFilesIn(dir);
            if (files.isEmpty()) {
                warn(dir + " has no log files to open.");
                return null;
            }
            SourceItem first = null;
            for (Path f : files) {
                SourceItem item = open(f);
                first = first == null ? item : first;
            }
            return first;
        } catch (SourceException e) {
            messages.add(UserMessage.error(e.getMessage(), e));
            return null;
        }
    }

    /** Closes the selected source and stops its background work. */
    public void closeSelected() {
        SourceItem item = selected.get();
        if (item == null) {
            return;
        }
        close(item);
    }

    public void close(SourceItem item) {
        item.cancel();
        int index = sources.indexOf(item);
        sources.remove(item);
        closeQuietly(item.linesProperty().get());
        if (sources.isEmpty()) {
            selected.set(null);
        } else {
            selected.set(sources.get(Math.max(0, Math.min(index, sources.size() - 1))));
        }
        status.set("Closed " + item.nameProperty().get());
    }

    public void dismiss(UserMessage message) {
        messages.remove(message);
    }

    public void clearRecent() {
        recentPaths.clear();
        background.submit(recent::clear);
    }

    private void failed(SourceItem item, Throwable error) {
        item.progressProperty().unbind();
        item.stateProperty().set(SourceItem.State.FAILED);
        String text = describe(item.path(), error);
        item.problemProperty().set(text);
        sources.remove(item);
        if (selected.get() == item) {
            selected.set(sources.isEmpty() ? null : sources.get(sources.size() - 1));
        }
        messages.add(UserMessage.error(text, error));
        status.set(text);
    }

    /** The user-facing text for a failed open: the core's message, which names the file. */
    static String describe(Path path, Throwable error) {
        String message = error == null ? null : error.getMessage();
        if (message == null || message.isBlank()) {
            message = "Cannot open " + path + ": " + (error == null ? "unknown error" : error);
        }
        return message;
    }

    private void refreshCounts() {
        for (SourceItem item : sources) {
            LineSource lines = item.linesProperty().get();
            if (lines != null) {
                item.lineCountProperty().set(lines.lineCount());
                item.sizeProperty().set(lines.size());
            }
        }
        updateLineCount();
        events.refresh();
    }

    private static void closeQuietly(LineSource lines) {
        if (lines == null) {
            return;
        }
        try {
            lines.close();
        } catch (IOException e) {
            // Closing a read-only file cannot lose data; nothing to tell the user.
        }
    }

    @Override
    public void close() {
        refresher.stop();
        sources.forEach(SourceItem::cancel);
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens and indexes one source, publishing the growing source as soon as it can be shown. */
    private final class OpenTask extends Task<LineSource> {
        private final SourceItem item;
        private final SourceOpener how;

        OpenTask(SourceItem item, SourceOpener how) {
            this.item = item;
            this.how = how;
        }

        /** Set in the background once opened: the source is a dnscache log. */
        private volatile boolean dnscache;

        @Override
        protected LineSource call() throws Exception {
            LineSource opened = open();
            dnscache = looksLikeDnscache(opened);
            return opened;
        }

        private LineSource open() throws Exception {
            return how.open(
                    item.path(),
                    (done, total, lines) -> {
                        if (total > 0) {
                            updateProgress(done, total);
                        } else {
                            updateProgress(-1, 1);
                        }
                    },
                    this::isCancelled,
                    (source, kind) ->
                            Platform.runLater(
                                    () -> {
                                        item.kindProperty().set(kind);
                                        item.linesProperty().set(source);
                                        item.stateProperty().set(SourceItem.State.INDEXING);
                                    }));
        }
    }
}
