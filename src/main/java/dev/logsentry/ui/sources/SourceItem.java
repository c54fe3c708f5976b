package dev.logsentry.ui.sources;

import dev.logsentry.core.index.LineSource;
import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One open source as the workbench shows it: the core {@link LineSource} (once available) plus FX
 * properties for its state. Properties are only changed on the FX thread.
 */
public final class SourceItem {

    /** Where a source is in its life. */
    public enum State {
        OPENING,
        INDEXING,
        READY,
        CANCELLED,
        FAILED
    }

    private final Path path;
    private final StringProperty name = new SimpleStringProperty();
    private final ObjectProperty<LineSource> lines = new SimpleObjectProperty<>();
    private final LongProperty lineCount = new SimpleLongProperty();
    private final LongProperty size = new SimpleLongProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.OPENING);
    private final StringProperty problem = new SimpleStringProperty();
    private final StringProperty kind = new SimpleStringProperty("log");
    private final javafx.beans.property.BooleanProperty following =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private Runnable cancel = () -> {};

    public SourceItem(Path path) {
        this.path = path;
        Path fileName = path.getFileName();
        name.set(fileName == null ? path.toString() : fileName.toString());
    }

    public Path path() {
        return path;
    }

    public StringProperty nameProperty() {
        return name;
    }

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
    public javafx.beans.property.BooleanProperty followingProperty() {
        return following;
    }

    /** What the source is: "log", or "dnscache" once recognised. */
    public StringProperty kindProperty() {
        return kind;
    }

    /** The message shown when opening failed, naming the file. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** Sets what {@link #cancel()} does: stop the background work that fills this source. */
    public void onCancel(Runnable action) {
        this.cancel = action;
    }

    /** Stops background work on this source. */
    public void cancel() {
        cancel.run();
    }

    @Override
    public String toString() {
        return name.get();
    }
}
