package dev.logsentry.ui.sources;

import dev.logsentry.core.remote.ReceiverStatus;
import dev.logsentry.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Sources view: every open source with its size, line count and indexing progress. */
public final class SourcesView extends VBox {
    private final ListView<SourceItem> list = new ListView<>();

    public SourcesView(SourcesViewModel model) {
        setId("sourcesView");
        getStyleClass().add("sources-view");
        Label title = new Label("Sources");
        title.getStyleClass().add("view-title");
        list.setId("sourcesList");
        list.setItems(model.sources());
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                model.selectedProperty().set(now);
                            }
                        });
        model.selectedProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                list.getSelectionModel().select(now);
                            }
                        });
        list.setCellFactory(v -> new SourceCell());
        list.setPlaceholder(new Label("No sources.\nDrop log files here."));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    public ListView<SourceItem> list() {
        return list;
    }

    /** Two lines per source: the name, then size, lines and state with a progress bar. */
    private static final class SourceCell extends ListCell<SourceItem> {
        private final Label name = new Label();
        private final Label details = new Label();
        private final Label counters = new Label();
        private final Label health = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final VBox box = new VBox(2);

        SourceCell() {
            name.getStyleClass().add("source-name");
            name.setGraphic(Icons.icon("mdi2f-file-document-outline"));
            details.getStyleClass().add("source-details");
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.setPrefHeight(6);
            HBox row = new HBox(6, details, new Region());
            counters.getStyleClass().addAll("source-details", "source-counters");
            health.getStyleClass().addAll("source-details", "source-counters");
            box.getChildren().addAll(name, row, counters, health, progress);
            box.setPadding(new Insets(2, 0, 2, 0));
        }

        @Override
        protected void updateItem(SourceItem item, boolean empty) {
            super.updateItem(item, empty);
            name.textProperty().unbind();
            details.textProperty().unbind();
            progress.progressProperty().unbind();
            progress.visibleProperty().unbind();
            for (Label l : new Label[] {counters, health}) {
                l.textProperty().unbind();
                l.visibleProperty().unbind();
                l.managedProperty().unbind();
            }
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.textProperty().bind(item.nameProperty());
            details.textProperty()
                    .bind(
                            Bindings.createStringBinding(
                                    () -> describe(item),
                                    item.lineCountProperty(),
                                    item.sizeProperty(),
                                    item.stateProperty(),
                                    item.kindProperty(),
                                    item.followingProperty(),
                                    item.remoteProperty()));
            for (int i = 0; i < 2; i++) {
                int part = i;
                Label l = part == 0 ? counters : health;
                l.textProperty()
                        .bind(
                                Bindings.createStringBinding(
                                        () ->
                                                item.remoteProperty().get() == null
                                                        ? ""
                                                        : counters(item.remoteProperty().get())
                                                                .split("\n")[part],
                                        item.remoteProperty()));
                l.visibleProperty().bind(item.remoteProperty().isNotNull());
                l.managedProperty().bind(l.visibleProperty());
            }
            progress.progressProperty().bind(item.progressProperty());
            progress.visibleProperty()
                    .bind(item.stateProperty().isNotEqualTo(SourceItem.State.READY));
            progress.managedProperty().bind(progress.visibleProperty());
            Tooltip tip = new Tooltip();
            // a remote host's source follows a link: show the day file it reads now
            tip.textProperty()
                    .bind(
                            Bindings.createStringBinding(
                                    () -> {
                                        var days = item.remoteFilesProperty().get();
                                        return days.isEmpty()
                                                ? item.path().toString()
                                                : days.get(days.size() - 1).toString();
                                    },
                                    item.remoteFilesProperty()));
            setTooltip(tip);
            setGraphic(box);
        }

        private static String describe(SourceItem item) {
            ReceiverStatus.Host remote = item.remoteProperty().get();
            String size =
                    (remote == null ? item.kindProperty().get() : "remote")
                            + " \u00b7 "
                            + humanSize(item.sizeProperty().get());
            String lines = String.format("%,d lines", item.lineCountProperty().get());
            String follow = item.followingProperty().get() ? " \u00b7 following" : "";
            // the line count on a line of its own: "file · 200.0 MB · 1,929,840 lines" was cut
            // to "1,929,840 l" in a Sources view of the default width. Always two lines, so a
            // cell keeps its height when the state changes.
            String kind = item.kindProperty().get();
            return switch (item.stateProperty().get()) {
                case OPENING -> kind + "\nopening\u2026";
                case INDEXING -> size + "\n" + lines + " \u00b7 indexing";
                case READY -> size + "\n" + lines + follow;
                case CANCELLED -> size + "\n" + lines + " \u00b7 cancelled";
                case FAILED -> kind + "\nfailed";
                case CLOSED -> kind + "\nclosed";
            };
        }
    }

    /**
     * A remote host's counters: lines and bytes received, frames rejected and the lag of its last
     * line (arrival minus the sender's time stamp); "?" where a spool followed without the
     * service's status cannot tell.
     */
    public static String counters(ReceiverStatus.Host h) {
        String rejected = h.rejected() < 0 ? "?" : String.format("%,d", h.rejected());
        String lag =
                h.lagMillis() < 0
                        ? "?"
                        : h.lagMillis() < 10_000
                                ? String.format("%.1f s", h.lagMillis() / 1000.0)
                                : String.format("%,d s", h.lagMillis() / 1000);
        return String.format(
                "received %,d lines, %s\n%s rejected \u00b7 lag %s",
                h.lines(), humanSize(h.bytes()), rejected, lag);
    }

    /** Bytes as B, KB, MB or GB with one decimal. */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
