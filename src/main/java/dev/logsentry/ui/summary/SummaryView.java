package dev.logsentry.ui.summary;

import dev.logsentry.core.summary.Detail;
import dev.logsentry.core.summary.SummaryOutline;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Summary view: a range picker (logwatch's ranges, any of them typed), the detail level, the
 * summary as a tree of services, sections and items whose numbers are links to the lines behind
 * them, a bar chart of the selected breakdown, and export to the HTML digest. Self-contained: a
 * host (the workbench) mounts it, sets {@link SummaryViewModel#inputs()} and wires {@link
 * SummaryViewModel#setOnOpenLines} to its Events view.
 */
public final class SummaryView extends BorderPane {
    private final SummaryViewModel model;
    private final Executor executor;
    private final TreeTableView<SummaryOutline.Node> tree = new TreeTableView<>();
    private final BarChart<String, Number> chart =
            new BarChart<>(new CategoryAxis(), new NumberAxis());
    private Function<Window, File> exportChooser = SummaryView::chooseFile;
    private String hostName = "localhost";

    /**
     * @param executor runs the summary off the FX thread (the workbench's)
     */
    public SummaryView(SummaryViewModel model, Executor executor) {
        this.model = model;
        this.executor = executor;
        getStyleClass().add("summary-view");
        // a short stack clips the view instead of pushing its tab header out of sight
        setMinSize(0, 0);
        setTop(toolbar());
        setCenter(center());
        Label status = new Label();
        status.setId("summaryStatus");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        setBottom(status);
        model.outline().addListener((ListChangeListener<SummaryOutline.Node>) c -> rebuild());
    }

    /** Below this width the chart goes under the outline instead of beside it. */
    static final double SIDE_BY_SIDE_WIDTH = 720;

    /** A narrow view lower than this shows the outline only (the chart needs the room). */
    static final double CHART_BELOW_HEIGHT = 440;

    private FlowPane toolbar() {
        ComboBox<String> range = new ComboBox<>();
        range.setId("summaryRange");
        range.setEditable(true);
        range.getItems().setAll(SummaryViewModel.RANGE_PRESETS);
        range.valueProperty().bindBidirectional(model.rangeProperty());
        range.setTooltip(
                new Tooltip(
                        "A logwatch --range: Today, Yesterday, All, '-3 days', '2026/11/25',"
                                + " 'between 11/01/2026 and 11/03/2026', 'since 2 hours ago for those hours'"));
        ChoiceBox<Detail> detail = new ChoiceBox<>();
        detail.setId("summaryDetail");
        detail.getItems().setAll(Detail.LOW, Detail.MED, Detail.HIGH);
        detail.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(Detail d) {
                        return d == null
                                ? ""
                                : d.level() == 0
                                        ? "Low"
                                        : d.level() == 5
                                                ? "Med"
                                                : d.level() == 10 ? "High" : d.label();
                    }

                    @Override
                    public Detail fromString(String s) {
                        return Detail.parse(s);
                    }
                });
        detail.valueProperty().bindBidirectional(model.detailProperty());
        Button run = new Button("Summarise");
        run.setId("summaryRun");
        run.disableProperty().bind(model.busyProperty());
        run.setOnAction(e -> model.run(executor));
        // a long run (a big log, a wide range) can be stopped here as well as in Progress
        Button cancel = new Button("Cancel");
        cancel.setId("summaryCancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        // Enter in the typed range summarises; the combo box's skin consumes the editor's own
        // action, so a filter sees the key first
        range.addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !range.isShowing()) {
                        range.commitValue();
                        if (!model.busyProperty().get()) {
                            model.run(executor);
                        }
                        e.consume();
                    }
                });
        Button export = new Button("Export HTML\u2026");
        export.setId("summaryExport");
        export.disableProperty().bind(model.summaryProperty().isNull());
        export.setOnAction(e -> export());
        // a flow, not a tool bar: in a narrow stack a tool bar hid Summarise behind its "»"
        FlowPane bar =
                new FlowPane(
                        6,
                        4,
                        new HBox(6, centred(new Label("Range:")), range),
                        new HBox(6, centred(new Label("Detail:")), detail),
                        run,
                        cancel,
                        export);
        bar.setId("summaryToolbar");
        bar.getStyleClass().add("summary-toolbar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private static Label centred(Label l) {
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }

    private javafx.scene.layout.StackPane center() {
        tree.setId("summaryTree");
        tree.setMinHeight(0);
        tree.setShowRoot(false);
        tree.getStyleClass().add("dense"); // AtlantaFX: log readers want many rows
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<SummaryOutline.Node, String> label = new TreeTableColumn<>("Item");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().label()));
        label.setPrefWidth(420);
        TreeTableColumn<SummaryOutline.Node, SummaryOutline.Node> count =
                new TreeTableColumn<>("Count");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        count.setCellFactory(c -> new CountCell());
        count.setPrefWidth(160);
        tree.getColumns().setAll(List.of(label, count));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showChart(b));
        chart.setId("summaryChart");
        // counts are whole numbers: no "2.5" between the ticks
        NumberAxis counts = (NumberAxis) chart.getYAxis();
        counts.setMinorTickCount(0);
        counts.setTickLabelFormatter(
                new StringConverter<>() {
                    @Override
                    public String toString(Number n) {
                        double d = n.doubleValue();
                        return d == Math.rint(d) ? String.format("%,d", (long) d) : "";
                    }

                    @Override
                    public Number fromString(String s) {
                        return Double.valueOf(s.replace(",", ""));
                    }
                });
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle("Select a breakdown");
        SplitPane split = new SplitPane(tree, chart);
        split.setId("summarySplit");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        // side by side in a wide view; in a narrow stack the chart goes below the outline, and in
        // a small one (the Events perspective's bottom corner) only the outline shows, so neither
        // the Count column nor the chart is squeezed to nothing
        javafx.beans.InvalidationListener fit = obs -> fit(split);
        widthProperty().addListener(fit);
        heightProperty().addListener(fit);
        // why the outline is empty, said in the whole centre rather than in the table's body: in
        // the Events perspective's small bottom stack that body is one line high and cut the hint
        Label empty = new Label();
        empty.setId("summaryPlaceholder");
        empty.setWrapText(true);
        empty.setPadding(new Insets(8));
        empty.setMinHeight(Region.USE_PREF_SIZE);
        empty.maxWidthProperty().bind(widthProperty());
        empty.textProperty()
                .bind(
                        javafx.beans.binding.Bindings.createStringBinding(
                                this::placeholderText,
                                model.busyProperty(),
                                model.summaryProperty(),
                                model.inputs()));
        tree.setPlaceholder(new Label());
        javafx.beans.binding.BooleanBinding none =
                javafx.beans.binding.Bindings.isEmpty(model.outline());
        empty.visibleProperty().bind(none);
        split.visibleProperty().bind(none.not());
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(split, empty);
        center.setMinSize(0, 0);
        javafx.scene.layout.StackPane.setAlignment(empty, javafx.geometry.Pos.TOP_LEFT);
        return center;
    }

    private void fit(SplitPane split) {
        boolean wide = getWidth() >= SIDE_BY_SIDE_WIDTH;
        boolean room = wide || getHeight() >= CHART_BELOW_HEIGHT;
        if (!room) {
            if (split.getItems().size() > 1) {
                split.getItems().setAll(tree);
            }
            return;
        }
        Orientation o = wide ? Orientation.HORIZONTAL : Orientation.VERTICAL;
        if (split.getItems().size() == 1 || split.getOrientation() != o) {
            split.setOrientation(o);
            split.getItems().setAll(tree, chart);
            split.setDividerPositions(0.6);
        }
    }

    /** Why the outline is empty: nothing open, not run yet, running, or nothing in the range. */
    private String placeholderText() {
        if (model.busyProperty().get()) {
            return "Summarising\u2026";
        }
        if (model.inputs().isEmpty()) {
            return "No log open: open logs (File \u203a Open) to summarise them.";
        }
        if (model.summaryProperty().get() == null) {
            return "Choose a range and press Summarise: the open logs are summarised here.";
        }
        return "Nothing to summarise: no line of the open logs in \u201c"
                + model.rangeProperty().get()
                + "\u201d is claimed by a service. Try the range \u201cAll\u201d.";
    }

    /** A number as a link to its lines; a plain label when no line is behind it. */
    private final class CountCell extends TreeTableCell<SummaryOutline.Node, SummaryOutline.Node> {
        @Override
        protected void updateItem(SummaryOutline.Node n, boolean empty) {
            super.updateItem(n, empty);
            setText(null);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            if (n.lines() != null && n.lines().size() > 0) {
                Hyperlink link = new Hyperlink(n.value());
                link.getStyleClass().add("summary-count-link");
                link.setTooltip(
                        new Tooltip(
                                "Show the " + n.lines().size() + " line(s) behind this number"));
                link.setOnAction(e -> model.openLines(n));
                setGraphic(link);
            } else {
                setGraphic(new Label(n.value()));
            }
        }
    }

    private void rebuild() {
        TreeItem<SummaryOutline.Node> root = new TreeItem<>();
        for (SummaryOutline.Node n : model.outline()) {
            TreeItem<SummaryOutline.Node> item = item(n);
            item.setExpanded(true);
            for (TreeItem<SummaryOutline.Node> c : item.getChildren()) {
                c.setExpanded(c.getValue().children().size() <= 12);
            }
            root.getChildren().add(item);
        }
        tree.setRoot(root);
    }

    private static TreeItem<SummaryOutline.Node> item(SummaryOutline.Node n) {
        TreeItem<SummaryOutline.Node> t = new TreeItem<>(n);
        for (SummaryOutline.Node c : n.children()) {
            t.getChildren().add(item(c));
        }
        return t;
    }

    private void showChart(TreeItem<SummaryOutline.Node> item) {
        chart.getData().clear();
        if (item == null || item.getValue().children().isEmpty()) {
            chart.setTitle("Select a breakdown");
            return;
        }
        SummaryOutline.Node n = item.getValue();
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (SummaryOutline.Node c :
                n.children().subList(0, Math.min(Detail.TOP, n.children().size()))) {
            if (c.count() >= 0) {
                String key =
                        c.label().length() > 28 ? c.label().substring(0, 27) + "\u2026" : c.label();
                s.getData().add(new XYChart.Data<>(key, c.count()));
            }
        }
        chart.setTitle(n.label());
        chart.getData().add(s);
    }

    private void export() {
        File f = exportChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            model.exportHtml(f.toPath(), hostName);
            model.statusProperty().set("Exported to " + f);
        } catch (IOException e) {
            model.statusProperty().set("Cannot export to " + f + ": " + e.getMessage());
        }
    }

    private static File chooseFile(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export summary as HTML");
        fc.setInitialFileName("logsentry-summary.html");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        return fc.showSaveDialog(owner);
    }

    /** Replaces the save dialog (tests, hosts with their own dialogs). */
    public void setExportChooser(Function<Window, File> chooser) {
        this.exportChooser = chooser;
    }

    /** The host name the exported digest is titled with. */
    public void setHostName(String name) {
        this.hostName = name;
    }

    public SummaryViewModel model() {
        return model;
    }

    public TreeTableView<SummaryOutline.Node> tree() {
        return tree;
    }

    BarChart<String, Number> chart() {
        return chart;
    }
}
