package dev.logsentry.ui.events;

import dev.logsentry.core.index.LineSource;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The centre table: the lines of the selected source, virtualized and backed by the index through a
 * {@link LineListAdapter}; never a list of all lines.
 */
public final class LogTableView extends TableView<LogRow> {
    private LineListAdapter adapter;

    public LogTableView() {
        setId("logTable");
        getStyleClass().add("log-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("Open a log: File \u203a Open (Ctrl+O), or drop files here."));

        TableColumn<LogRow, Long> number = new TableColumn<>("#");
        number.setId("lineNumberColumn");
        number.getStyleClass().add("line-number-column");
        number.setPrefWidth(80);
        number.setSortable(false);
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));

        TableColumn<LogRow, String> text = new TableColumn<>("Line");
        text.setId("lineTextColumn");
        text.getStyleClass().add("line-text-column");
        text.setPrefWidth(1400);
        text.setSortable(false);
        text.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));

        getColumns().add(number);
        getColumns().add(text);
    }

    /** Shows {@code source}, or nothing when null. */
    public void show(LineSource source) {
        if (source == null) {
            adapter = null;
            setItems(FXCollections.observableArrayList());
            return;
        }
        if (adapter != null && adapter.source() == source) {
            adapter.refresh();
            return;
        }
        adapter = new LineListAdapter(source);
        setItems(adapter);
    }

    /** Publishes lines the shown source has gained. */
    public void refresh() {
        if (adapter != null) {
            adapter.refresh();
        }
    }
}
