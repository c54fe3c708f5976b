package dev.logsentry.ui.events;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.ui.common.Controls;
import dev.logsentry.ui.common.Icons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Events perspective: a filter bar, the timeline, the table of lines coloured by verdict, and
 * the details of the selected line. Binds to an {@link EventsViewModel}; holds no logic of its own
 * beyond layout and key bindings.
 */
public final class EventsView extends BorderPane {
    private final EventsViewModel model;
    private final LogTableView table = new LogTableView();
    private final DetailsPane details;
    private final TimelineView timeline;
    private final List<MenuItem> accelerated = new ArrayList<>();
    private final SplitPane split = new SplitPane();
    private final TextField quickFilter = new TextField();
    private final Map<Verdict, ToggleButton> verdictButtons = new HashMap<>();
    private final HBox filterBar;
    private Parts parts;

    public EventsView(EventsViewModel model) {
        this.model = model;
        this.details = new DetailsPane(model::showRule);
        this.timeline = new TimelineView();
        timeline.dataProperty().bind(model.timelineProperty());
        timeline.rangeProperty().bindBidirectional(model.timeRangeProperty());
        timeline.onJumpProperty().set(model::jumpToTime);
        setId("eventsView");
        table.verdictsProperty().bind(model.verdictsProperty());
        table.highlightProperty().bind(model.highlightProperty());
        // repaint the visible rows at most four times a second while verdicts arrive
        javafx.animation.PauseTransition repaint =
                new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
        repaint.setOnFinished(e -> table.repaintVerdicts());
        model.verdictsGrewProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (repaint.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                                repaint.playFromStart();
                            }
                        });
        model.currentProperty().addListener((obs, old, now) -> showRows());
        javafx.beans.InvalidationListener empty = obs -> table.setEmptyText(emptyText());
        model.currentProperty().addListener(empty);
        model.rowsProperty().addListener(empty);
        model.filterStatusProperty().addListener(empty);
        model.currentProperty()
                .subscribe(
                        (old, now) -> {
                            if (old != null) {
                                old.stateProperty().removeListener(empty);
                            }
                            if (now != null) {
                                now.stateProperty().addListener(empty);
                            }
                        });
        model.rowsProperty().addListener((obs, old, now) -> showRows());
        model.rowsGrewProperty().addListener((obs, old, now) -> grow());
        model.revealRequests()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                table.reveal(now);
                            }
                        });
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().addAll(table, details);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(details, false);
        filterBar = filterBar();
        setTop(new VBox(filterBar, timeline));
        setCenter(split);
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, now) -> model.selectLine(now == null ? -1 : now.line()));
        model.detailsProperty().addListener((obs, old, now) -> details.show(now));
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::menuKeysFirst);
        table.setOnKeyPressed(
                e -> {
                    if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                        model.copySelection(selectedLines());
                        e.consume();
                    } else if (e.getCode() == KeyCode.SLASH) {
                        quickFilter.requestFocus();
                        e.consume();
                    }
                });
    }

    private void showRows() {
        var item = model.currentProperty().get();
        var lines = item == null ? null : item.linesProperty().get();
        if (lines == null) {
            table.show(null, null);
        } else if (model.rowsProperty().get() == null) {
            table.show(lines, item.path());
        } else {
            table.show(lines, model.rowsProperty().get(), item.path());
        }
    }

    /** Why the table has no rows: no log, an empty log, a filter without match, or still busy. */
    private String emptyText() {
        var item = model.currentProperty().get();
        if (item == null) {
            return null;
        }
        String name = item.nameProperty().get();
        if (model.rowsProperty().get() != null) {
            String status = model.filterStatusProperty().get();
            return status != null && status.startsWith("Filtering")
                    ? "Filtering " + name + "\u2026"
                    : "No line of "
                            + name
                            + " matches the filter.\nChange it, or clear it with Events \u203a"
                            + " Clear Filters (Ctrl+Shift+X).";
        }
        return switch (item.stateProperty().get()) {
            case READY -> name + " is empty: it has no lines (yet).";
            case CANCELLED -> "Reading " + name + " was cancelled.";
            case FAILED -> name + " could not be read: see the message above.";
            case CLOSED -> null;
            case OPENING, INDEXING -> "Reading " + name + "\u2026";
        };
    }

    /** Publishes rows the shown source or filter has gained; called while sources grow. */
    public void grow() {
        var item = model.currentProperty().get();
        var lines = item == null ? null : item.linesProperty().get();
        if (table.adapter() == null || table.adapter().source() != lines) {
            showRows();
        } else {
            int before = table.getItems().size();
            table.grow();
            int after = table.getItems().size();
            if (item != null && item.followingProperty().get() && after > before) {
                table.scrollTo(after - 1); // follow mode reads like tail -f
            }
        }
    }

    /** The Details and Timeline, as a docking host shows them: views of their own. */
    public record Parts(Node details, Node timeline) {}

    /**
     * For a docking host: this view keeps its filter bar and the table (the log editor's content);
     * the details of the selected line and the timeline are returned, each to be placed as a view
     * of its own that follows whichever log this view shows. Called once; later calls return the
     * same parts.
     */
    public Parts dockParts() {
        if (parts == null) {
            split.getItems().clear();
            setTop(filterBar);
            setCenter(table);
            parts = new Parts(new DetailsView(details), new TimelinePanel(timeline, model));
        }
        return parts;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public LogTableView table() {
        return table;
    }

    public DetailsPane details() {
        return details;
    }

    public TextField quickFilter() {
        return quickFilter;
    }

    List<Long> selectedLines() {
        List<Long> lines = new ArrayList<>();
        for (LogRow r : table.getSelectionModel().getSelectedItems()) {
            if (r != null) {
                lines.add(r.line());
            }
        }
        return lines;
    }

    private HBox filterBar() {
        quickFilter.setId("quickFilter");
        quickFilter.setPromptText("Filter lines (/ or Ctrl+F) \u2014 text, or a regex with .*");
        quickFilter.textProperty().bindBidirectional(model.quickTextProperty());
        HBox.setHgrow(quickFilter, Priority.ALWAYS);
        ToggleButton matchCase = toggle("Aa", null, "Match case", "filterCase");
        matchCase.selectedProperty().bindBidirectional(model.caseSensitiveProperty());
        ToggleButton regex = toggle(".*", null, "Regular expression", "filterRegex");
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        HBox box = new HBox(4, Icons.icon("mdi2f-filter-outline"), quickFilter, matchCase, regex);
        for (Verdict v : Verdict.values()) {
            ToggleButton b =
                    toggle(
                            VerdictStyle.label(v),
                            VerdictStyle.icon(v),
                            "Show " + VerdictStyle.label(v).toLowerCase() + " lines",
                            "verdictFilter" + v.name());
            b.getStyleClass().add(VerdictStyle.styleClass(v) + "-toggle");
            b.setSelected(model.shownVerdicts().contains(v));
            b.selectedProperty().addListener((obs, old, now) -> model.showVerdict(v, now));
            model.shownVerdicts()
                    .addListener(
                            (javafx.collections.SetChangeListener<Verdict>)
                                    c -> b.setSelected(model.shownVerdicts().contains(v)));
            verdictButtons.put(v, b);
            box.getChildren().add(b);
        }
        Label status = new Label();
        status.setId("filterStatus");
        status.getStyleClass().add("filter-status");
        status.textProperty().bind(model.filterStatusProperty());
        box.getChildren().add(status);
        box.getStyleClass().add("filter-bar");
        // in a narrow editor (the DNS perspective's) the verdict toggles keep only their icons
        box.widthProperty()
                .addListener(
                        (obs, old, now) -> {
                            var display =
                                    now.doubleValue() < 720
                                            ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                                            : javafx.scene.control.ContentDisplay.LEFT;
                            verdictButtons.values().forEach(b -> b.setContentDisplay(display));
                        });
        return box;
    }

    private static ToggleButton toggle(String text, Node icon, String tip, String id) {
        ToggleButton b = new ToggleButton(text, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    /** Buttons for the window's tool bar: jumps between reportable lines. */
    public List<Node> toolItems() {
        Button prev =
                button(
                        "mdi2a-arrow-up-bold-outline",
                        "Previous reported line (Ctrl+Alt+Up)",
                        () -> model.jump(null, false),
                        "toolPrevReported");
        Button next =
                button(
                        "mdi2a-arrow-down-bold-outline",
                        "Next reported line (Ctrl+Alt+Down)",
                        () -> model.jump(null, true),
                        "toolNextReported");
        Button export =
                button(
                        "mdi2e-export",
                        "Export the shown lines (Ctrl+Shift+S)",
                        model::exportShown,
                        "toolExport");
        return List.of(prev, next, export);
    }

    private static Button button(String icon, String tip, Runnable action, String id) {
        Button b = Controls.toolButton(icon, tip, e -> action.run());
        b.setId(id);
        return b;
    }

    /** The Events menu: navigation, filters, export. */
    public Menu menu() {
        Menu m = new Menu("_Events");
        m.getItems().add(item("Find / Filter", "Shortcut+F", () -> quickFilter.requestFocus()));
        m.getItems().add(item("Next Match", "F3", () -> model.nextMatch(true)));
        m.getItems().add(item("Previous Match", "Shift+F3", () -> model.nextMatch(false)));
        m.getItems().add(new SeparatorMenuItem());
        m.getItems()
                .add(item("Next Reported Line", "Shortcut+Alt+Down", () -> model.jump(null, true)));
        m.getItems()
                .add(
                        item(
                                "Previous Reported Line",
                                "Shortcut+Alt+Up",
                                () -> model.jump(null, false)));
        m.getItems()
                .add(item("Next Attack", "Shortcut+Alt+A", () -> model.jump(Verdict.ATTACK, true)));
        m.getItems()
                .add(
                        item(
                                "Previous Attack",
                                "Shortcut+Alt+Shift+A",
                                () -> model.jump(Verdict.ATTACK, false)));
        m.getItems()
                .add(
                        item(
                                "Next Violation",
                                "Shortcut+Alt+V",
                                () -> model.jump(Verdict.VIOLATION, true)));
        m.getItems()
                .add(
                        item(
                                "Previous Violation",
                                "Shortcut+Alt+Shift+V",
                                () -> model.jump(Verdict.VIOLATION, false)));
        m.getItems()
                .add(
                        item(
                                "Next Unusual",
                                "Shortcut+Alt+U",
                                () -> model.jump(Verdict.UNUSUAL, true)));
        m.getItems()
                .add(
                        item(
                                "Previous Unusual",
                                "Shortcut+Alt+Shift+U",
                                () -> model.jump(Verdict.UNUSUAL, false)));
        m.getItems().add(item("Go to Line\u2026", "Shortcut+G", model::askGoToLine));
        m.getItems().add(item("Show Deciding Rule", "F4", model::showDecidingRule));
        m.getItems().add(new SeparatorMenuItem());
        CheckMenuItem hide = new CheckMenuItem("Hide Ignored Lines");
        hide.setId("menuHideIgnored");
        hide.setAccelerator(KeyCombination.keyCombination("Shortcut+H"));
        accelerated.add(hide);
        hide.selectedProperty().bindBidirectional(model.hideIgnoredProperty());
        m.getItems().add(hide);
        m.getItems().add(item("Clear Filters", "Shortcut+Shift+X", model::clearFilters));
        m.getItems().add(item("Choose Rules Folder\u2026", null, model::chooseRules));
        Menu level = new Menu("Report Level");
        for (var l : dev.logsentry.core.rules.Level.values()) {
            CheckMenuItem mi = new CheckMenuItem(l.directoryName());
            mi.selectedProperty().bind(model.rules().levelProperty().isEqualTo(l));
            mi.setOnAction(e -> model.rules().levelProperty().set(l));
            level.getItems().add(mi);
        }
        m.getItems().add(level);
        m.getItems().add(new SeparatorMenuItem());
        m.getItems()
                .add(
                        item(
                                "Copy Selected Lines (Ctrl+C in the table)",
                                null,
                                () -> model.copySelection(selectedLines())));
        m.getItems().add(item("Export Shown Lines\u2026", "Shortcut+Shift+S", model::exportShown));
        m.getItems()
                .add(
                        item(
                                "Export Selected Lines\u2026",
                                null,
                                () -> model.exportLines(selectedLines())));
        return m;
    }

    private MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem mi = Controls.menuItem(text, accelerator, null, e -> action.run());
        accelerated.add(mi);
        return mi;
    }

    /**
     * The table's and the filter field's own key handling take some of the menu's shortcuts
     * (Ctrl+Alt+A reads as Ctrl+A, select all): inside this view the Events menu's accelerators go
     * first.
     */
    private void menuKeysFirst(javafx.scene.input.KeyEvent e) {
        for (MenuItem mi : accelerated) {
            if (mi.getAccelerator() != null && !mi.isDisable() && mi.getAccelerator().match(e)) {
                if (mi instanceof CheckMenuItem check) {
                    check.setSelected(!check.isSelected());
                }
                mi.fire();
                e.consume();
                return;
            }
        }
    }

    /** The layout this view remembers: table columns and the details split. */
    public record Layout(double detailsDivider, List<Column> columns) {}

    /** One table column: its id, width and whether it is shown. */
    public record Column(String id, double width, boolean visible) {}

    /** Restores columns (order, width, visibility) and the details split. */
    public void apply(Layout layout) {
        split.setDividerPositions(layout.detailsDivider());
        if (layout.columns().isEmpty()) {
            return;
        }
        Map<String, TableColumn<LogRow, ?>> byId = new HashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<LogRow, ?>> ordered = new ArrayList<>();
        for (Column cs : layout.columns()) {
            TableColumn<LogRow, ?> c = byId.remove(cs.id());
            if (c != null) {
                c.setPrefWidth(cs.width());
                c.setVisible(cs.visible());
                ordered.add(c);
            }
        }
        ordered.addAll(byId.values());
        table.getColumns().setAll(ordered);
    }

    /** The layout to remember. */
    public Layout capture() {
        List<Column> columns =
                table.getColumns().stream()
                        .map(c -> new Column(c.getId(), c.getWidth(), c.isVisible()))
                        .toList();
        double divider =
                split.getDividers().isEmpty() ? 0.72 : split.getDividers().get(0).getPosition();
        return new Layout(divider, columns);
    }
}
