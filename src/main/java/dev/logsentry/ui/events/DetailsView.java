package dev.logsentry.ui.events;

import javafx.scene.control.ScrollPane;

/**
 * The Details view of the workbench: the {@link DetailsPane} of the line selected in the active log
 * editor, scrollable so that a short or narrow stack (a detached window, a side stack) never clips
 * it. It follows the editor through the Events model, which always shows the active log.
 */
final class DetailsView extends ScrollPane {
    DetailsView(DetailsPane pane) {
        super(pane);
        setId("detailsView");
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("details-view");
    }
}
