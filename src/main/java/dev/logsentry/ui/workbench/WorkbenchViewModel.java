package dev.logsentry.ui.workbench;

import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.core.workspace.DnscacheFeed;
import dev.logsentry.core.workspace.OpenSource;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.core.workspace.WorkspaceListener;
import dev.logsentry.ui.common.Dialogs;
import dev.logsentry.ui.dns.DnsViewModel;
import dev.logsentry.ui.events.EventsViewModel;
import dev.logsentry.ui.remote.RemoteHostsViewModel;
import dev.logsentry.ui.rules.RulesViewModel;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourcesViewModel;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench window's model: binds the views to the core {@link Workspace} (the lifecycle of
 * sources) and {@link Classifications}, and holds what the window shows around them (status,
 * messages, progress, recent files, the perspective asked for). It owns the background executor and
 * closes everything it started in {@link #close}.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    private final RecentFiles recent;
    private final Dialogs dialogs;
    private final ExecutorService background =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "logsentry-background");
                        t.setDaemon(true);
                        return t;
                    });
    private final Workspace workspace;
    private final Classifications classifications;
    private final SourcesViewModel sourcesModel;
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final ObservableList<UserMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<Path> recentPaths = FXCollections.observableArrayList();
    private final EventsViewModel events;
    private final RulesViewModel rules = new RulesViewModel();
    private final DnsViewModel dns;
    private final Map<OpenSource, DnscacheFeed> dnsFeeds = new IdentityHashMap<>();
    private final ObjectProperty<Perspective> requestedPerspective = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty lineCountText = new SimpleStringProperty("");
    private final InvalidationListener selectedChanged = obs -> updateLineCount();
    private final AutoCloseable statusListener;
    private final RemoteHostsViewModel remote;
    private SourceItem dnsShown;
    private final BinaryBanner binaries =
            new BinaryBanner(messages, files -> sourcesModel().openAnyway(files));

    /** A workbench on this machine's logs, journal and rules. */
    public WorkbenchViewModel(Dialogs dialogs, RecentFiles recent) {
        this(dialogs, recent, null, RuleSetup.LOGCHECK_CONF);
    }

    /**
     * @param workspace the sources' lifecycle, or null for one over this machine's files and
     *     journal (made on this model's executor)
     * @param logcheckConf logcheck.conf whose options the viewer honours, or null for none
     */
    public WorkbenchViewModel(
            Dialogs dialogs, RecentFiles recent, Workspace workspace, Path logcheckConf) {
        this.recent = recent;
        this.dialogs = dialogs;
        this.dns = new DnsViewModel(dialogs::copyToClipboard);
        this.workspace = workspace == null ? new Workspace(background) : workspace;
        this.classifications =
                new Classifications(
                        this.workspace,
                        background,
                        Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.sourcesModel = new SourcesViewModel(this.workspace, this::problem);
        this.events =
                new EventsViewModel(classifications, background, this::warn, dialogs, logcheckConf);
        recentPaths.setAll(recent.paths());
        events.currentProperty().bind(sourcesModel.selectedProperty());
        events.rules()
                .ruleTreeProperty()
                .addListener((obs, old, now) -> rules.treeProperty().set(now));
        events.ruleCountsProperty().addListener((obs, old, now) -> updateMatchCounts());
        events.showRuleRequests()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                rules.selectedRuleProperty().set(null);
                                rules.selectedRuleProperty().set(now);
                                request(Perspective.RULES);
                            }
                        });
        sourcesModel
                .selectedProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (old != null) {
                                old.lineCountProperty().removeListener(selectedChanged);
                                old.progressProperty().removeListener(selectedChanged);
                                old.stateProperty().removeListener(selectedChanged);
                            }
                            if (now != null) {
                                now.lineCountProperty().addListener(selectedChanged);
                                now.progressProperty().addListener(selectedChanged);
                                now.stateProperty().addListener(selectedChanged);
                            }
                            updateLineCount();
                            showDns(now);
                        });
        events.classifyProgressProperty().addListener(selectedChanged);
        sources()
                .addListener(
                        (javafx.collections.ListChangeListener<SourceItem>)
                                c -> {
                                    while (c.next()) {
                                        for (SourceItem item : c.getAddedSubList()) {
                                            markDnscache(item);
                                            item.stateProperty()
                                                    .addListener((o, a, b) -> markDnscache(item));
                                        }
                                    }
                                });
        events.statusProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && !now.isEmpty()) {
                                status.set(now);
                            }
                        });
        statusListener = this.workspace.addListener(new StatusListener());
        remote =
                new RemoteHostsViewModel(
                        this.workspace,
                        classifications,
                        sourcesModel,
                        background,
                        RemoteHostsViewModel.thisMachine(),
                        events::goToLine);
        remote.statusProperty().addListener((obs, old, now) -> status.set(now));
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

    /** The Sources view's model. */
    public SourcesViewModel sourcesModel() {
        return sourcesModel;
    }

    /** The core service behind the window (for features that plug in, and for tests). */
    public Workspace workspace() {
        return workspace;
    }

    public Classifications classifications() {
        return classifications;
    }

    /** File › Listen for Remote Hosts: the receiver or a service's spool, and its alerts. */
    public RemoteHostsViewModel remote() {
        return remote;
    }

    /** Whether {@code item} was recognised as a dnscache log. */
    public boolean isDnscache(SourceItem item) {
        return item != null && item.isDnscache();
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

    public ObservableList<SourceItem> sources() {
        return sourcesModel.sources();
    }

    public ObjectProperty<SourceItem> selectedProperty() {
        return sourcesModel.selectedProperty();
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

    // ---- actions -------------------------------------------------------------------------------

    /**
     * Opens each path (files, folders) and selects the first; the same path twice only selects it.
     */
    public void open(List<Path> paths) {
        OpenSource first = null;
        for (Path path : paths) {
            List<OpenSource> opened = workspace.open(path);
            if (first == null && !opened.isEmpty()) {
                first = opened.get(0);
            }
            if (!opened.isEmpty()) {
                status.set("Opening " + path + "\u2026");
                remember(path);
            }
        }
        sourcesModel.select(first);
    }

    /** Asks for log files (Ctrl+O), starting in the selected log's folder or /var/log. */
    public void chooseFiles() {
        List<Path> files = dialogs.chooseFiles("Open Log Files", startFolder());
        if (!files.isEmpty()) {
            open(files);
        }
    }

    /** Asks for a folder (Ctrl+Shift+O): all logs in it, or a multilog directory. */
    public void chooseFolder() {
        dialogs.chooseFolder(
                        "Open a Log Folder (all logs in it, or a multilog directory)",
                        startFolder())
                .ifPresent(this::open);
    }

    /** Where choosers start: the selected log's folder, else the last used one, else /var/log. */
    Path startFolder() {
        SourceItem s = selectedProperty().get();
        return RecentFiles.startFolder(s == null ? null : s.path(), recentPaths);
    }

    /** Opens one path and selects it. */
    public void open(Path path) {
        open(List.of(path));
    }

    private void remember(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        background.submit(
                () -> {
                    recent.add(normal); // writes recent.json: off the FX thread
                    List<Path> now = recent.paths();
                    Platform.runLater(() -> recentPaths.setAll(now));
                });
    }

    /** Merges every open log into one chronological view (Ctrl+M), opened as a new source. */
    public void mergeOpenLogs() {
        OpenSource merged = workspace.mergeOpenLogs();
        if (merged != null) {
            status.set("Merging " + merged.name() + "\u2026");
            sourcesModel.select(merged);
        }
    }

    /** Opens the systemd journal (Ctrl+J). */
    public void openJournal() {
        status.set("Reading the systemd journal\u2026");
        sourcesModel.select(workspace.openJournal());
    }

    /** Starts or stops following the selected source (Ctrl+L). */
    public void toggleFollow() {
        SourceItem item = selectedProperty().get();
        if (item == null) {
            return;
        }
        OpenSource s = item.handle();
        boolean on = !s.following();
        workspace.follow(s, on);
        if (s.following() != on) {
            return; // refused: the workspace told why
        }
        status.set(
                on
                        ? "Following " + item.path() + " (Ctrl+L stops)"
                        : "Stopped following " + item.nameProperty().get());
        if (on && item.isDnscache()) {
            dnsFeeds.put(
                    s,
                    new DnscacheFeed(
                            workspace,
                            s,
                            tree -> Platform.runLater(() -> dns.addCompleted(tree)),
                            text -> Platform.runLater(() -> warn(text))));
        } else if (!on) {
            DnscacheFeed feed = dnsFeeds.remove(s);
            if (feed != null) {
                feed.close();
            }
        }
    }

    /** Closes the selected source and stops its background work. */
    public void closeSelected() {
        SourceItem item = selectedProperty().get();
        if (item != null) {
            close(item);
        }
    }

    public void close(SourceItem item) {
        DnscacheFeed feed = dnsFeeds.remove(item.handle());
        if (feed != null) {
            feed.close();
        }
        sourcesModel.close(item);
        if (item.isDnscache()) {
            dns.openLogs().remove(item.nameProperty().get());
        }
        if (item == dnsShown) {
            dns.clear();
            dnsShown = null;
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

    // ---- what the window shows -----------------------------------------------------------------

    /** Tells the DNS view a dnscache log is open (its empty state then says "not selected"). */
    private void markDnscache(SourceItem item) {
        String name = item.nameProperty().get();
        boolean open =
                sources().contains(item) && item.stateProperty().get() != SourceItem.State.CLOSED;
        if (open && item.isDnscache() && !dns.openLogs().contains(name)) {
            dns.openLogs().add(name);
        }
    }

    private void showDns(SourceItem item) {
        if (item == null || !item.isDnscache() || item == dnsShown) {
            return;
        }
        dnsShown = item;
        dns.load(List.of(item.path()), background);
        request(Perspective.DNS);
    }

    private void request(Perspective p) {
        requestedPerspective.set(null);
        requestedPerspective.set(p);
    }

    private void problem(WorkspaceListener.Problem p) {
        if (BinaryBanner.isBinary(p)) {
            binaries.add(p);
            return;
        }
        messages.add(
                p.error()
                        ? UserMessage.error(p.message(), p.cause())
                        : new UserMessage(
                                p.source() == null
                                        ? UserMessage.Severity.WARNING
                                        : UserMessage.Severity.INFO,
                                p.message(),
                                ""));
        if (p.error()) {
            status.set(p.message());
        }
    }

    /** The dialogs, file choosers and clipboard the workbench was given. */
    Dialogs dialogs() {
        return dialogs;
    }

    /** The workbench's background executor (for work its menus start). */
    java.util.concurrent.Executor background() {
        return background;
    }

    /** Shows {@code text} as a warning in the message bar. */
    void warning(String text) {
        warn(text);
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
        SourceItem s = selectedProperty().get();
        if (s == null) {
            lineCountText.set("");
            progress.set(0);
            return;
        }
        lineCountText.set(String.format("%,d lines", s.lineCountProperty().get()));
        double classify = events.classifyProgressProperty().get();
        progress.set(
                s.stateProperty().get() == SourceItem.State.READY
                        ? (classify >= 1 ? 0 : classify)
                        : s.progressProperty().get());
        if (s.isDnscache() && s != dnsShown) {
            showDns(s);
        }
    }

    /** Status bar lines for sources that finished opening. */
    private final class StatusListener implements WorkspaceListener {
        @Override
        public void changed(OpenSource s) {
            if (s.state() == OpenSource.State.READY) {
                Platform.runLater(
                        () -> {
                            SourceItem item = sourcesModel.itemOf(s);
                            if (item != null && item == selectedProperty().get()) {
                                status.set(
                                        String.format(
                                                "Opened %s: %,d lines",
                                                s.name(), item.lineCountProperty().get()));
                            }
                        });
            } else if (s.state() == OpenSource.State.CANCELLED) {
                Platform.runLater(() -> status.set("Indexing of " + s.name() + " cancelled"));
            }
        }
    }

    @Override
    public void close() {
        remote.close(); // stops the receiver before the sources it writes into go
        try {
            statusListener.close();
            classifications.close();
        } catch (Exception e) {
            // removing listeners cannot fail
        }
        dnsFeeds.values().forEach(DnscacheFeed::close);
        dnsFeeds.clear();
        events.dispose();
        sourcesModel.dispose();
        workspace.close();
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
