package dev.logsentry.ui.workbench;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.workspace.Classification;
import dev.logsentry.core.workspace.Classifications;
import dev.logsentry.ui.events.LogTableView;
import dev.logsentry.ui.sources.SourceItem;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;

/**
 * What a log's editor shows while another log's editor is the active one: its lines with their
 * verdicts in a table of their own, so that an editor area split into two stacks shows two logs
 * side by side. The one Events view (filters, details, follow commands) works on the active editor;
 * a click here makes this log the active one and brings the Events view here.
 */
final class LogPeek extends BorderPane {
    private final SourceItem item;
    private final Classifications classifications;
    private final LogTableView table = new LogTableView();
    private final AtomicBoolean repaintQueued = new AtomicBoolean();
    private final AutoCloseable subscription;
    private final InvalidationListener grown = obs -> showLines();

    LogPeek(SourceItem item, Classifications classifications, Runnable activate) {
        this.item = item;
        this.classifications = classifications;
        getStyleClass().add("log-peek");
        table.setId("logPeekTable");
        table.setEmptyText(item.nameProperty().get() + " has no lines yet.");
        table.verdictsProperty().set(this::verdict);
        Label title =
                new Label(
                        item.nameProperty().get()
                                + ": every line. Click to filter, follow and see details here.");
        title.getStyleClass().add("log-peek-title");
        title.setMaxWidth(Double.MAX_VALUE);
        setTop(title);
        setCenter(table);
        setMinHeight(0);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> activate.run());
        item.linesProperty().addListener(grown);
        item.lineCountProperty().addListener(grown);
        subscription = classifications.addListener(new Repaint());
        showLines();
    }

    /** The table (tests look at its rows). */
    LogTableView table() {
        return table;
    }

    private void showLines() {
        LineSource lines = item.linesProperty().get();
        table.show(lines, item.path());
    }

    private Verdict verdict(long line) {
        Classification c = classifications.of(item.handle());
        if (c == null) {
            return null;
        }
        ClassifiedSource cs = c.classified();
        return line < cs.classifiedCount() ? cs.verdict(line) : null;
    }

    /** Stops listening (its editor closed). */
    void dispose() {
        item.linesProperty().removeListener(grown);
        item.lineCountProperty().removeListener(grown);
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener cannot fail
        }
    }

    /** Verdicts arrive in the background: one repaint per FX pulse at most. */
    private final class Repaint implements Classifications.Listener {
        @Override
        public void progressed(Classification c) {
            if (c.source() == item.handle() && repaintQueued.compareAndSet(false, true)) {
                Platform.runLater(
                        () -> {
                            repaintQueued.set(false);
                            table.refresh();
                        });
            }
        }

        @Override
        public void summarized(Classification c) {}

        @Override
        public void failed(Classification c, String message) {}
    }
}
