package dev.logsentry.ui.sources;

import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.remote.ReceiverStatus;
import dev.logsentry.core.workspace.ContentKind;
import dev.logsentry.core.workspace.OpenSource;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One open source as the workbench shows it: FX properties mirroring a core {@link OpenSource}.
 * {@link #sync()} copies the handle's state into the properties; it is only called on the FX
 * thread, so views bind to these properties safely while the core works on other threads.
 */
public final class SourceItem {

    /** Where a source is in its life (as {@link OpenSource.State}). */
    public enum State {
        OPENING,
        INDEXING,
        READY,
        CANCELLED,
        FAILED,
        CLOSED
    }

    private final OpenSource handle;
    private final StringProperty name = new SimpleStringProperty();
    private final ObjectProperty<LineSource> lines = new SimpleObjectProperty<>();
    private final LongProperty lineCount = new SimpleLongProperty();
    private final LongProperty size = new SimpleLongProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.OPENING);
    private final StringProperty problem = new SimpleStringProperty();
    private final StringProperty kind = new SimpleStringProperty("log");
    private final BooleanProperty following = new SimpleBooleanProperty(false);
    private final ObjectProperty<ReceiverStatus.Host> remote = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Path>> remoteFiles = new SimpleObjectProperty<>(List.of());

    public SourceItem(OpenSource handle) {
        this.handle = handle;
        name.set(handle.name());
        sync();
    }

    /** The core source this item shows. */
    public OpenSource handle() {
        return handle;
    }

    /** Copies the core source's state into the properties; FX thread only. */
    public void sync() {
        LineSource l = handle.lines();
        if (lines.get() != l) {
            lines.set(l);
        }
        if (l != null) {
            lineCount.set(l.lineCount());
            size.set(l.size());
        }
        progress.set(handle.progress());
        state.set(State.valueOf(handle.state().name()));
        problem.set(handle.problem());
        following.set(handle.following());
        kind.set(kindText(handle));
    }

    private static String kindText(OpenSource s) {
        if (s.contentKind() == ContentKind.DNSCACHE) {
            return "dnscache";
        }
        return s.sourceKind() == null ? "log" : s.sourceKind().name().toLowerCase();
    }

    /** Whether the source was recognised as a dnscache log. */
    public boolean isDnscache() {
        return handle.contentKind() == ContentKind.DNSCACHE;
    }

    public Path path() {
        return handle.path();
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The lines (read-only mirror of the core source's). */
    public ObjectProperty<LineSource> linesProperty() {
        return lines;
    }

    public LongProperty lineCountProperty() {
        return lineCount;
    }

    public LongProperty sizeProperty() {
        return size;
    }

    /** Indexing progress from 0 to 1, or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** Whether new lines are being followed (tail -f). */
    public BooleanProperty followingProperty() {
        return following;
    }

    /** What the source is: "file", "gzip", "multilog", "journal", "merged", or "dnscache". */
    public StringProperty kindProperty() {
        return kind;
    }

    /**
     * A remote host's counters (lines, bytes, rejected frames, lag) when this source is a host's
     * spool file, else null; set by the remote hosts' model.
     */
    public ObjectProperty<ReceiverStatus.Host> remoteProperty() {
        return remote;
    }

    /**
     * A remote host's day files in the spool shown by this source, oldest first (the last is the
     * one followed now); empty for other sources. Set by the remote hosts' model.
     */
    public ObjectProperty<List<Path>> remoteFilesProperty() {
        return remoteFiles;
    }

    /** The message shown when opening failed, naming the file. */
    public StringProperty problemProperty() {
        return problem;
    }

    @Override
    public String toString() {
        return name.get();
    }
}
