package dev.logsentry.ui.events;

import dev.logsentry.ui.common.Icons;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Timeline view of the workbench: the {@link TimelineView} of the active log, and above it,
 * while a time range filters the table, a bar naming that range with a button that clears it (a
 * double click on the timeline does the same).
 */
final class TimelinePanel extends BorderPane {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    TimelinePanel(TimelineView timeline, EventsViewModel model) {
        setId("timelineView");
        getStyleClass().add("timeline-panel");
        Label range = new Label();
        range.setId("timelineRange");
        range.setGraphic(Icons.icon("mdi2f-filter-outline"));
        range.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = new Button("Clear", Icons.icon("mdi2c-close"));
        clear.setId("timelineClearRange");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> model.timeRangeProperty().set(null));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, range, grow, clear);
        bar.setId("timelineRangeBar");
        bar.getStyleClass().add("timeline-range-bar");
        bar.setPadding(new Insets(2, 6, 2, 6));
        bar.visibleProperty().bind(model.timeRangeProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        model.timeRangeProperty().subscribe(r -> range.setText(text(r)));
        timeline.emptyTextProperty()
                .bind(
                        javafx.beans.binding.Bindings.createStringBinding(
                                () -> emptyText(model),
                                model.currentProperty(),
                                model.classifyProgressProperty()));
        timeline.setMinHeight(40);
        timeline.setPrefHeight(Region.USE_COMPUTED_SIZE);
        setTop(bar);
        setCenter(timeline);
        setMinHeight(0);
    }

    private static String emptyText(EventsViewModel model) {
        var item = model.currentProperty().get();
        if (item == null) {
            return "No log open: File \u203a Open (Ctrl+O) shows its lines over time here.";
        }
        double done = model.classifyProgressProperty().get();
        return done < 1
                ? String.format(
                        "Classifying %s\u2026 %d%%", item.nameProperty().get(), (int) (done * 100))
                : "Counting the lines of " + item.nameProperty().get() + " over time\u2026";
    }

    private static String text(TimeRange r) {
        return r == null
                ? ""
                : "Showing lines from " + TIME.format(r.from()) + " to " + TIME.format(r.to());
    }
}
