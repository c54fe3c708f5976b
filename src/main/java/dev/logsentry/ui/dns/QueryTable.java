package dev.logsentry.ui.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The client queries of the shown log, one row each, sortable by every column (times as times,
 * counts as numbers, clients by address; the unsorted order is the log's). A right click offers the
 * query's resolution tree, filters by its client or name, and copying the selected queries. The
 * placeholder says why the table is empty.
 */
final class QueryTable extends TableView<QueryRow> {
    private static final KeyCombination COPY =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final DnsViewModel model;
    private final Runnable showTree;
    private final List<Fit> fits = new ArrayList<>();

    /** How to size one column: its title and the text each row shows in it. */
    private record Fit(
            TableColumn<QueryRow, ?> column, String title, Function<QueryRow, String> text) {}

    /** {@code showTree}: brings the resolution tree of the selected query to the front. */
    QueryTable(DnsViewModel model, Runnable showTree) {
        this.model = model;
        this.showTree = showTree;
        setId("dnsQueries");
        getStyleClass().addAll("dns-queries", atlantafx.base.theme.Styles.DENSE);
        SortedList<QueryRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getColumns()
                .setAll(
                        List.of(
                                column("Time", QueryRow::start, QueryRow::time, QueryRow.TIMES),
                                column("Client", r -> r, QueryRow::client, QueryRow.CLIENTS),
                                column(
                                        "Name",
                                        QueryRow::name,
                                        QueryTable::nameText,
                                        QueryRow.NAMES),
                                column("Type", QueryRow::type, QueryRow::type, null),
                                column("Outcome", QueryRow::outcome, QueryRow::outcome, null),
                                column("Steps", QueryRow::steps, r -> "" + r.steps(), null),
                                column(
                                        "Max glue",
                                        QueryRow::maxGluelessness,
                                        r -> Glue.label(r.maxGluelessness()),
                                        null),
                                column(
                                        "Duration",
                                        QueryRow::durationMillis,
                                        QueryRow::duration,
                                        QueryRow.DURATIONS),
                                column("Size", QueryRow::bytes, QueryTable::size, SIZES)));
        tip(
                fits.get(6).column(),
                "Maximum gluelessness: the deepest glueless detour this query needed (G0 = none)");
        tip(fits.get(8).column(), "Bytes of the response sent to the client");
        getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, b) -> model.selectedProperty().set(b == null ? null : b.tree()));
        setRowFactory(t -> row());
        // the Menu key or Shift+F10: the menu of the selected query, at the table
        setOnContextMenuRequested(
                e -> {
                    QueryRow r = getSelectionModel().getSelectedItem();
                    if (r != null && e.isKeyboardTrigger()) {
                        menu(r).show(this, e.getScreenX(), e.getScreenY());
                        e.consume();
                    }
                });
        setOnKeyPressed(
                e -> {
                    if (COPY.match(e)) {
                        model.copyQueries(getSelectionModel().getSelectedItems());
                        e.consume();
                    }
                });
        Label empty = new Label();
        empty.setId("dnsQueriesEmpty");
        empty.getStyleClass().add("dns-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyMessageProperty());
        setPlaceholder(empty);
        model.analysisProperty().addListener((o, a, b) -> fitColumnsLater());
        // fitted to every row (not only the filtered ones), so filtering never changes the widths
        model.allRows()
                .addListener(
                        (ListChangeListener<QueryRow>)
                                c -> {
                                    if (model.allRows().size() <= FIT_ROWS) {
                                        fitColumnsLater();
                                    }
                                });
        fitColumns();
    }

    /** Sizes need at most this many rows: widths stop changing once the typical texts are seen. */
    private static final int FIT_ROWS = 2000;

    private static final Comparator<Integer> SIZES =
            Comparator.comparing((Integer i) -> i < 0).thenComparing(Comparator.naturalOrder());

    private static String nameText(QueryRow r) {
        return r.isPartial()
                ? "? (asked before the log began, #" + r.tree().serial() + ")"
                : r.name();
    }

    private static String size(QueryRow r) {
        return r.bytes() < 0 ? "" : String.valueOf(r.bytes());
    }

    private <T> TableColumn<QueryRow, T> column(
            String title,
            Function<QueryRow, T> value,
            Function<QueryRow, String> text,
            Comparator<T> comparator) {
        TableColumn<QueryRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(
                col ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(T item, boolean empty) {
                                super.updateItem(item, empty);
                                int i = getIndex();
                                List<QueryRow> rows = getTableView().getItems();
                                QueryRow r =
                                        empty || i < 0 || i >= rows.size() ? null : rows.get(i);
                                setText(r == null ? null : text.apply(r));
                            }
                        });
        if (comparator != null) {
            c.setComparator(comparator);
        }
        fits.add(new Fit(c, title, text));
        return c;
    }

    private static void tip(TableColumn<QueryRow, ?> c, String text) {
        Label l = new Label(c.getText());
        l.setTooltip(new Tooltip(text));
        c.setText(null);
        c.setGraphic(l);
    }

    private TableRow<QueryRow> row() {
        TableRow<QueryRow> row =
                new TableRow<>() {
                    @Override
                    protected void updateItem(QueryRow item, boolean empty) {
                        super.updateItem(item, empty);
                        boolean partial = !empty && item != null && item.isPartial();
                        getStyleClass().remove("partial");
                        if (partial) {
                            getStyleClass().add("partial");
                        }
                        setTooltip(partial ? new Tooltip(QueryRow.PARTIAL_EXPLAINED) : null);
                    }
                };
        row.setOnContextMenuRequested(
                e -> {
                    if (row.isEmpty()) {
                        return;
                    }
                    if (!getSelectionModel().getSelectedItems().contains(row.getItem())) {
                        getSelectionModel().clearAndSelect(row.getIndex());
                    }
                    menu(row.getItem()).show(row, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
        return row;
    }

    /** The context menu of a query row. */
    ContextMenu menu(QueryRow r) {
        MenuItem tree = new MenuItem("Show Resolution Tree");
        tree.setId("dnsMenuShowTree");
        tree.setOnAction(
                e -> {
                    getSelectionModel().clearSelection();
                    getSelectionModel().select(r);
                    showTree.run();
                });
        MenuItem client =
                new MenuItem(
                        r.isPartial()
                                ? "Filter by Client (unknown)"
                                : "Filter by Client " + r.tree().client());
        client.setId("dnsMenuFilterClient");
        client.setDisable(r.isPartial());
        client.setOnAction(e -> model.filterByClient(r));
        MenuItem name =
                new MenuItem(
                        r.isPartial() ? "Filter by Name (unknown)" : "Filter by Name " + r.name());
        name.setId("dnsMenuFilterName");
        name.setDisable(r.isPartial());
        name.setOnAction(e -> model.filterByName(r));
        int n = getSelectionModel().getSelectedItems().size();
        MenuItem copy = new MenuItem(n > 1 ? "Copy " + n + " Query Lines" : "Copy Query Line");
        copy.setId("dnsMenuCopy");
        copy.setAccelerator(COPY);
        copy.setOnAction(
                e -> model.copyQueries(List.copyOf(getSelectionModel().getSelectedItems())));
        ContextMenu menu = new ContextMenu(tree, new SeparatorMenuItem(), client, name);
        menu.getItems().addAll(new SeparatorMenuItem(), copy);
        return menu;
    }

    private void fitColumnsLater() {
        if (!fitPending) { // one fit per burst of appended queries (follow mode)
            fitPending = true;
            Platform.runLater(
                    () -> {
                        fitPending = false;
                        fitColumns();
                    });
        }
    }

    private boolean fitPending;

    /** Sizes every column to its title and the texts of (at most {@link #FIT_ROWS}) rows. */
    void fitColumns() {
        ColumnFit fit = ColumnFit.of(this, ".table-cell");
        List<QueryRow> rows = model.allRows();
        List<QueryRow> sample = rows.size() <= FIT_ROWS ? rows : rows.subList(0, FIT_ROWS);
        for (Fit f : fits) {
            // a title given as a graphic (for its tooltip) is a label inside the header label
            double min = f.column().getGraphic() == null ? 40 : fit.header(f.title()) + 4;
            fit.fit(f.column(), f.title(), sample, r -> fit.text(f.text().apply(r)), min);
        }
    }
}
