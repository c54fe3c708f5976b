package dev.logsentry.ui.remote;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.remote.ReceiverSettings;
import dev.logsentry.core.remote.RemoteService;
import dev.logsentry.core.remote.SenderSnippets;
import dev.logsentry.core.remote.StatusFile;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.core.workspace.remote.RemoteHost;
import dev.logsentry.core.workspace.remote.RemoteHosts;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourcesViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File › Listen for Remote Hosts: starts the core {@link RemoteHosts} (the receiver of {@code
 * logsentry serve} in this process, or a running service's spool), mirrors the hosts' counters into
 * their {@link SourceItem}s, and hands alert digests and results to a {@link Presenter}. Starting
 * and stopping run off the FX thread (binding, generating a key); every outcome comes back on it.
 */
public final class RemoteHostsViewModel implements AutoCloseable {
    /** Alerts go out at most once per this window (the first at once, the rest as one digest). */
    public static final Duration ALERT_WINDOW = Duration.ofSeconds(5);

    /** What the user sees of it: dialogs and desktop notifications (FX thread). */
    public interface Presenter {
        /** Listening started: the certificate's fingerprints and the lines for the senders. */
        void started(String title, String sheet);

        /** It could not start: a message naming the port, certificate or folder. */
        void failed(String title, String message);

        /** Attack (or violation) lines arrived. */
        void alert(RemoteHosts.AlertDigest digest);
    }

    private final Workspace workspace;
    private final Classifications classifications;
    private final SourcesViewModel sources;
    private final ExecutorService background;
    private volatile SettingsResolver machine;
    private final LongConsumer goToLine;
    private final ReadOnlyBooleanWrapper listening = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty alertViolations = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final AtomicBoolean busy = new AtomicBoolean();
    private Presenter presenter;
    private volatile RemoteHosts session;

    /**
     * @param machine this machine's defaults (state folder for the generated certificate, host name
     *     for the senders' lines)
     * @param goToLine selects a line of the selected source (the Events view's)
     */
    public RemoteHostsViewModel(
            Workspace workspace,
            Classifications classifications,
            SourcesViewModel sources,
            ExecutorService background,
            SettingsResolver machine,
            LongConsumer goToLine) {
        this.workspace = workspace;
        this.classifications = classifications;
        this.sources = sources;
        this.background = background;
        this.machine = machine;
        this.goToLine = goToLine;
        alertViolations.addListener(
                (obs, old, now) -> {
                    RemoteHosts s = session;
                    if (s != null) {
                        s.alertViolations(now);
                    }
                });
    }

    /**
     * This machine's defaults as {@code logsentry serve} finds them (the state folder, the host
     * name); a fallback under the home folder when they cannot be read.
     */
    public static SettingsResolver thisMachine() {
        try {
            return SettingsResolver.forThisMachine();
        } catch (IOException e) {
            return new SettingsResolver(
                    System.getenv(),
                    null,
                    Path.of(System.getProperty("user.home"), ".local", "state", "logsentry"),
                    "localhost");
        }
    }

    /** Uses other defaults (tests: a state folder of their own for the generated certificate). */
    public void useMachine(SettingsResolver m) {
        machine = m;
    }

    public void setPresenter(Presenter p) {
        presenter = p;
    }

    /** Whether a receiver runs or a spool is followed. */
    public ReadOnlyBooleanProperty listeningProperty() {
        return listening.getReadOnlyProperty();
    }

    /** Whether security violations raise notifications too (attacks always do). */
    public BooleanProperty alertViolationsProperty() {
        return alertViolations;
    }

    /** A line for the status bar: what happened last. */
    public StringProperty statusProperty() {
        return status;
    }

    /** What the dialog offers first: this machine's defaults. */
    public ListenRequest defaults() {
        return new ListenRequest(
                true,
                "0.0.0.0",
                ReceiverSettings.DEFAULT_PORT,
                machine.defaultStateDir().resolve("spool"),
                null,
                null,
                new char[0],
                alertViolations.get());
    }

    /** Where {@code logsentry serve} keeps its spool by default (to follow it). */
    public Path serviceSpool() {
        return ReceiverSettings.DEFAULT_SPOOL;
    }

    /** Where the generated certificate lives (as for {@code serve}: STATE/tls). */
    public Path generatedCertificateDir() {
        return machine.defaultStateDir().resolve("tls");
    }

    /** Starts listening (or following) in the background; the presenter hears how it went. */
    public void start(ListenRequest r) {
        if (session != null || !busy.compareAndSet(false, true)) {
            return;
        }
        alertViolations.set(r.alertViolations());
        status.set(r.receive() ? "Starting the receiver\u2026" : "Opening " + r.spool() + "\u2026");
        background.submit(
                () -> {
                    try {
                        RemoteHosts s = open(r);
                        s.alertViolations(r.alertViolations());
                        String sheet = r.receive() ? sheet(r, s) : null;
                        Platform.runLater(() -> started(r, s, sheet));
                    } catch (IOException | RuntimeException e) {
                        String m = message(r, e);
                        Platform.runLater(() -> failed(r, m));
                    } finally {
                        busy.set(false);
                    }
                });
    }

    private RemoteHosts open(ListenRequest r) throws IOException {
        Listener l = new Listener();
        if (!r.receive()) {
            return RemoteHosts.follow(
                    workspace,
                    classifications,
                    r.spool(),
                    Path.of("/var/lib/logsentry").resolve(StatusFile.NAME),
                    ALERT_WINDOW,
                    l);
        }
        boolean p12 = r.pkcs12();
        RemoteService.Config c =
                new RemoteService.Config(
                        ReceiverSettings.defaults(r.spool()).withListen(r.address(), r.port()),
                        new RemoteService.Identity(
                                p12 ? null : r.certificate(),
                                p12 ? null : r.key(),
                                p12 ? r.certificate() : null,
                                p12 ? r.password() : null,
                                generatedCertificateDir(),
                                List.of(machine.hostName(), "localhost")),
                        Set.of(),
                        new RuleSetup(
                                null, Level.SERVER, CheckOptions.defaults(Profile.LOGCHECK_1_4)),
                        null,
                        null,
                        null,
                        machine.hostName());
        return RemoteHosts.listen(workspace, classifications, c, ALERT_WINDOW, l);
    }

    /**
     * What went wrong, for a person: a PKCS#12 store that cannot be opened is, nearly always, a
     * wrong password (the JDK says "keystore password was incorrect" or names a MAC or padding).
     */
    static String message(ListenRequest r, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (r.receive() && r.pkcs12() && m.contains("PKCS#12") && m.contains("wrong password")) {
            return "Cannot open the certificate store "
                    + r.certificate()
                    + ": the password is wrong"
                    + (r.password() == null || r.password().length == 0
                            ? " (none was given; enter the store's password)"
                            : "")
                    + ", or the file is no PKCS#12 store.";
        }
        return m;
    }

    private String sheet(ListenRequest r, RemoteHosts s) {
        var receiver = s.service().receiver();
        return "Listening on "
                + receiver.status().listen()
                + "; each host's lines go to "
                + r.spool()
                + "/HOST/YYYY-MM-DD.log\n\n"
                + SenderSnippets.sheet(
                        s.service().identity().certificate(),
                        machine.hostName(),
                        receiver.port(),
                        false);
    }

    private void started(ListenRequest r, RemoteHosts s, String sheet) {
        session = s;
        listening.set(true);
        status.set(
                r.receive()
                        ? "Listening for remote hosts on "
                                + s.service().receiver().status().listen()
                        : "Following the spool " + r.spool());
        if (presenter != null && sheet != null) {
            presenter.started("Listening for Remote Hosts", sheet);
        }
    }

    private void failed(ListenRequest r, String message) {
        status.set("Not listening: " + message);
        if (presenter != null) {
            presenter.failed(
                    r.receive() ? "Cannot Listen for Remote Hosts" : "Cannot Follow the Spool",
                    message);
        }
    }

    /** Stops the receiver (or the spool watch); the hosts' sources stay open with their lines. */
    public void stop() {
        RemoteHosts s = session;
        session = null;
        if (s == null) {
            return;
        }
        listening.set(false);
        status.set("Stopped listening for remote hosts");
        background.submit(s::close);
    }

    /** Shows the first line of {@code d}: selects its host's source, then the line. */
    public void show(RemoteHosts.AlertDigest d) {
        SourceItem item = sources.itemOf(d.first().host().source());
        if (item == null) {
            return; // the user closed that host meanwhile
        }
        sources.selectedProperty().set(item);
        long line = d.first().line();
        Platform.runLater(() -> goToLine.accept(line));
    }

    private void counters() {
        RemoteHosts s = session;
        if (s == null) {
            return;
        }
        for (RemoteHost h : s.hosts()) {
            mirror(h);
        }
    }

    /** Copies a host's counters and day files into its item in the Sources view (FX thread). */
    private void mirror(RemoteHost h) {
        SourceItem item = sources.itemOf(h.source());
        if (item != null) {
            item.remoteProperty().set(h.counters());
            List<java.nio.file.Path> files = h.files();
            if (!files.equals(item.remoteFilesProperty().get())) {
                item.remoteFilesProperty().set(files);
            }
        }
    }

    /** Core events, moved to the FX thread. */
    private final class Listener implements RemoteHosts.Listener {
        @Override
        public void hostAdded(RemoteHost host) {
            Platform.runLater(
                    () -> {
                        mirror(host);
                        status.set("Remote host " + host.host() + " is sending");
                    });
        }

        @Override
        public void nextDay(RemoteHost host) {
            Platform.runLater(() -> mirror(host));
        }

        @Override
        public void countersChanged() {
            Platform.runLater(RemoteHostsViewModel.this::counters);
        }

        @Override
        public void alerts(RemoteHosts.AlertDigest digest) {
            Platform.runLater(
                    () -> {
                        if (presenter != null) {
                            presenter.alert(digest);
                        }
                    });
        }

        @Override
        public void event(String message) {
            Platform.runLater(() -> status.set(message));
        }
    }

    /** Stops listening at once (the window closes). */
    @Override
    public void close() {
        RemoteHosts s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }
}
