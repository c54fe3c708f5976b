package dev.logsentry.ui.events;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The centre table: the lines of the selected source, virtualized and backed by the index through a
 * {@link LineListAdapter}; never a list of all lines. Rows carry the style class of their verdict
 * ({@code verdict-attack}, ...) once the background classification has reached them.
 */
public final class LogTableView extends TableView<LogRow> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObjectProperty<Function<String, List<int[]>>> highlight =
            new SimpleObjectProperty<>(text -> List.of());
    private final ObjectProperty<LongFunction<Verdict>> verdicts =
            new SimpleObjectProperty<>(l -> null);
    private LineListAdapter adapter;
    private final Label emptyText = new Label();
    // the rows and verdict cells the virtual flow has made (a few dozen, reused while scrolling)
    private final java.util.Set<VerdictRow> liveRows =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final java.util.Set<VerdictCell> liveVerdictCells =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final java.util.Set<HighlightCell> liveMessageCells =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private long cellsMade; // rows and cells the factories made, for tests

    public LogTableView() {
        setId("logTable");
        getStyleClass().add("log-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setTableMenuButtonVisible(true);
        emptyText.setId("logTableEmpty");
        emptyText.setWrapText(true);
        setPlaceholder(emptyText);
        setEmptyText(null);

        getColumns().add(column("number", "#", 70, r -> r.number()));
        getColumns()
                .add(
                        column(
                                "time",
                                "Time",
                                150,
                                r ->
                                        r.fields().time() == null
                                                ? ""
                                                : TIME.format(r.fields().time())));
        getColumns().add(column("host", "Host", 90, r -> nullToEmpty(r.fields().host())));
        getColumns().add(column("program", "Program", 185, LogRow::programAndPid));
        TableColumn<LogRow, LogRow> verdict = new TableColumn<>("Verdict");
        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict-column");
        verdict.setPrefWidth(100);
        verdict.setSortable(false);
        verdict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        verdict.setCellFactory(
                c -> {
                    VerdictCell cell = new VerdictCell();
                    liveVerdictCells.add(cell);
                    cellsMade++;
                    return cell;
                });
        getColumns().add(verdict);
        TableColumn<LogRow, String> message =
                column("message", "Message", 760, r -> r.fields().message());
        message.setCellFactory(
                c -> {
                    HighlightCell cell = new HighlightCell();
                    liveMessageCells.add(cell);
                    cellsMade++;
                    return cell;
                });
        getColumns().add(message);
        getColumns().add(column("source", "Source", 110, LogRow::source));
        getColumns().add(column("line", "Line", 500, LogRow::text));
        getColumns().get(getColumns().size() - 1).setVisible(false);
        // the Message column takes the width the other columns leave: in a wide window its text
        // was cut with "..." beside an empty strip (it only grows; a narrow window scrolls)
        javafx.beans.InvalidationListener fill = obs -> fill(message);
        widthProperty().addListener(fill);
        getColumns().forEach(c -> c.visibleProperty().addListener(fill));

        setRowFactory(
                t -> {
                    VerdictRow row = new VerdictRow();
                    liveRows.add(row);
                    cellsMade++;
                    return row;
                });
        // both repaint the cells the table has: refresh() would make new ones (CSS, skins)
        verdicts.addListener((obs, old, now) -> repaintVerdicts());
        highlight.addListener(
                (obs, old, now) -> liveMessageCells.forEach(HighlightCell::showHighlight));
        // Ctrl+Home / Ctrl+End go to the first / last line and select it, as an editor does (the
        // table's own binding only moves the focus, so the details kept showing the old line)
        addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.isShortcutDown()
                            && !e.isShiftDown()
                            && (e.getCode() == javafx.scene.input.KeyCode.HOME
                                    || e.getCode() == javafx.scene.input.KeyCode.END)
                            && !getItems().isEmpty()) {
                        int row =
                                e.getCode() == javafx.scene.input.KeyCode.HOME
                                        ? 0
                                        : getItems().size() - 1;
                        getSelectionModel().clearAndSelect(row);
                        getFocusModel().focus(row);
                        scrollTo(row);
                        e.consume();
                    }
                });
    }

    /** Room the scroll bar and borders take beside the columns. */
    private static final double SCROLL_BAR_ROOM = 24;

    private void fill(TableColumn<LogRow, ?> message) {
        double others = 0;
        for (TableColumn<LogRow, ?> c : getVisibleLeafColumns()) {
            if (c != message) {
                others += c.getWidth();
            }
        }
        double room = getWidth() - others - SCROLL_BAR_ROOM;
        if (message.isVisible() && room > message.getWidth()) {
            message.setPrefWidth(room);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> TableColumn<LogRow, T> column(
            String id, String title, double width, java.util.function.Function<LogRow, T> value) {
        TableColumn<LogRow, T> c = new TableColumn<>(title);
        c.setId(id);
        c.getStyleClass().add(id + "-column");
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /**
     * What the table says while it has no rows: why (an empty file, a filter that matches nothing)
     * and what to do; null for the start, when no log is open.
     */
    public void setEmptyText(String text) {
        emptyText.setText(
                text == null ? "Open a log: File \u203a Open (Ctrl+O), or drop files here." : text);
    }

    /** The text shown while the table has no rows. */
    public String emptyText() {
        return emptyText.getText();
    }

    /** Where the quick filter matches in a message: [start, end) spans to highlight. */
    public ObjectProperty<Function<String, List<int[]>>> highlightProperty() {
        return highlight;
    }

    /** How to find a line's verdict; returns null while the line is not classified yet. */
    public ObjectProperty<LongFunction<Verdict>> verdictsProperty() {
        return verdicts;
    }

    /** Shows all lines of {@code source}, or nothing when null. */
    public void show(LineSource source, Path file) {
        if (source == null) {
            adapter = null;
            setItems(FXCollections.observableArrayList());
            return;
        }
        if (adapter != null
                && adapter.source() == source
                && adapter.rows() instanceof RowIndex.AllRows) {
            adapter.refresh();
            return;
        }
        show(source, RowIndex.all(source), file);
    }

    /**
     * Shows the rows of {@code rows} (a filter) of {@code source}. The table keeps its list and
     * cells: only the adapter's row index changes, so a new filter repaints the visible cells
     * instead of making new ones.
     */
    public void show(LineSource source, RowIndex rows, Path file) {
        if (adapter == null) {
            adapter = new LineListAdapter(source, rows);
            setItems(adapter);
            return;
        }
        // the old rows are gone: nothing to keep selected, nothing for the selection to look up
        getSelectionModel().clearSelection();
        getFocusModel().focus(-1);
        adapter.show(source, rows);
        if (getItems() != adapter) {
            setItems(adapter);
        }
    }

    public LineListAdapter adapter() {
        return adapter;
    }

    /** Publishes rows the shown source or filter has gained. */
    public void grow() {
        if (adapter != null) {
            adapter.refresh();
        }
    }

    /**
     * Updates the verdict colours and labels of the visible rows in place, without recreating cells
     * (which {@link #refresh()} does, at a cost of CSS and skins for every cell): called while the
     * background classification reaches more lines.
     */
    public void repaintVerdicts() {
        liveRows.forEach(VerdictRow::showVerdict);
        liveVerdictCells.forEach(VerdictCell::showVerdict);
    }

    /** How many rows and cells the table's factories have made so far (tests: none per filter). */
    long cellsMade() {
        return cellsMade;
    }

    /** Selects and scrolls to the row that shows {@code line}, if it is shown. */
    public boolean reveal(long line) {
        if (adapter == null) {
            return false;
        }
        long row = adapter.rows().rowOf(line);
        if (row < 0 || row >= getItems().size()) {
            return false;
        }
        getSelectionModel().clearAndSelect((int) row);
        scrollTo((int) Math.max(0, row - 5));
        getFocusModel().focus((int) row);
        return true;
    }

    private Verdict verdictOf(LogRow row) {
        return row == null ? null : verdicts.get().apply(row.line());
    }

    /** A row coloured by its verdict. */
    private final class VerdictRow extends TableRow<LogRow> {
        private Verdict shown;

        @Override
        protected void updateItem(LogRow item, boolean empty) {
            super.updateItem(item, empty);
            shown = null;
            getStyleClass().removeAll(VerdictStyle.ALL_CLASSES);
            showVerdict();
        }

        void showVerdict() {
            Verdict v = isEmpty() ? null : verdictOf(getItem());
            if (v == shown) {
                return;
            }
            getStyleClass().removeAll(VerdictStyle.ALL_CLASSES);
            if (v != null) {
                getStyleClass().add(VerdictStyle.styleClass(v));
            }
            shown = v;
        }
    }

    /** The message, with the quick filter's matches highlighted. */
    private final class HighlightCell extends TableCell<LogRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            show(text, empty);
        }

        void showHighlight() {
            show(getItem(), isEmpty());
        }

        private void show(String text, boolean empty) {
            List<int[]> spans = empty || text == null ? List.of() : highlight.get().apply(text);
            if (spans.isEmpty()) {
                setText(empty ? null : text);
                setGraphic(null);
                return;
            }
            TextFlow flow = new TextFlow();
            int at = 0;
            for (int[] span : spans) {
                if (span[0] < at || span[1] > text.length()) {
                    continue;
                }
                flow.getChildren().add(plain(text.substring(at, span[0])));
                Text match = new Text(text.substring(span[0], span[1]));
                match.getStyleClass().addAll("text", "filter-match");
                flow.getChildren().add(match);
                at = span[1];
            }
            flow.getChildren().add(plain(text.substring(at)));
            setText(null);
            setGraphic(flow);
        }

        private static Text plain(String s) {
            Text t = new Text(s);
            t.getStyleClass().add("text");
            return t;
        }
    }

    /** Icon and word for the verdict, so it never rests on colour alone. */
    private final class VerdictCell extends TableCell<LogRow, LogRow> {
        private Verdict shown;
        private boolean placeholder;

        @Override
        protected void updateItem(LogRow item, boolean empty) {
            super.updateItem(item, empty);
            shown = null;
            placeholder = false;
            setText(null);
            setGraphic(null);
            showVerdict();
        }

        void showVerdict() {
            if (isEmpty() || getItem() == null) {
                return;
            }
            Verdict v = verdictOf(getItem());
            if (v == null) {
                if (!placeholder) {
                    setText("\u2026");
                    setGraphic(null);
                    placeholder = true;
                }
            } else if (v != shown) {
                setText(VerdictStyle.label(v));
                setGraphic(VerdictStyle.icon(v));
                placeholder = false;
                shown = v;
            }
        }
    }
}
