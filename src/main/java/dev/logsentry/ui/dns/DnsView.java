package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.Outcome;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The DNS perspective: a table of client queries (filter by search text and outcome) above the
 * selected query's resolution tree, a diagram of its walk, and the log's statistics as charts. A
 * self-contained node: the workbench mounts it and hands it either an analysis ({@link #show}) or
 * paths to load off the FX thread ({@link DnsViewModel#load}).
 */
public final class DnsView extends BorderPane {
    public static final String STYLESHEET = "/dev/logsentry/ui/dns/dns.css";

    private final DnsViewModel model;
    private final TabPane tabs = new TabPane();
    private final QueryTable table;
    private final ResolutionTreeTable tree;
    private final WalkDiagram walk = new WalkDiagram();
    private final DnsStatsPane stats = new DnsStatsPane();
    private final TextField search = new TextField();
    private Node treeBox;
    private Node walkScroll;
    private Node queries;
    private SplitPane resolution;

    /** A view on its own model whose copy actions use the system clipboard. */
    public DnsView() {
        this(new DnsViewModel(new dev.logsentry.ui.common.FxDialogs(null)::copyToClipboard));
    }

    public DnsView(DnsViewModel model) {
        this.model = model;
        this.table = new QueryTable(model, this::showResolution);
        this.tree = new ResolutionTreeTable(model);
        setId("dnsView");
        getStyleClass().add("dns-view");
        getStylesheets().add(DnsView.class.getResource(STYLESHEET).toExternalForm());
        setTop(toolbar());
        setCenter(center());
        model.analysisProperty().addListener((o, a, b) -> stats.show(b));
        model.selectedProperty()
                .addListener(
                        (o, a, b) -> {
                            tree.show(b);
                            walk.show(b);
                        });
    }

    /** Shows an analysed log (core result); the view adapts it and keeps no other state. */
    public void show(DnscacheAnalysis analysis) {
        model.show(analysis);
    }

    public DnsViewModel model() {
        return model;
    }

    public TableView<QueryRow> table() {
        return table;
    }

    public ResolutionTreeTable tree() {
        return tree;
    }

    public WalkDiagram walk() {
        return walk;
    }

    /** The Resolution and Statistics tabs. */
    public TabPane tabs() {
        return tabs;
    }

    /** Brings the selected query's resolution tree to the front and focuses it. */
    private void showResolution() {
        tabs.getSelectionModel().select(0);
        tree.requestFocus();
        if (tree.getRoot() != null) {
            tree.getSelectionModel().select(tree.getRoot());
        }
    }

    /** The parts a docking host shows as views of their own. */
    public record Parts(Node tree, Node walk, Node stats) {}

    /**
     * For a docking host: this view keeps its tool bar and the query table; the resolution tree,
     * walk diagram and statistics are returned, to be placed as views of their own.
     */
    public Parts dockParts() {
        if (getCenter() instanceof SplitPane split) {
            split.getItems().clear();
        }
        setCenter(queries);
        tabs.getTabs().clear();
        resolution.getItems().clear();
        // out of this view, the parts keep its stylesheet (the walk's boxes, the tree's columns)
        String css = DnsView.class.getResource(STYLESHEET).toExternalForm();
        for (Node part : java.util.List.of(treeBox, walkScroll, stats)) {
            if (part instanceof javafx.scene.Parent p && !p.getStylesheets().contains(css)) {
                p.getStylesheets().add(css);
                p.getStyleClass().add("dns-view"); // where the glue colours are defined
            }
        }
        return new Parts(treeBox, walkScroll, stats);
    }

    /** Puts the keyboard focus into the search field (the workbench binds Ctrl+F and '/'). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private HBox toolbar() {
        search.setId("dnsSearch");
        search.setPromptText("Search name, client or type  (/)");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        search.clear();
                        table.requestFocus();
                    }
                });
        ComboBox<Outcome> outcome = new ComboBox<>();
        outcome.setId("dnsOutcome");
        outcome.getItems().add(null);
        outcome.getItems().addAll(Outcome.values());
        outcome.setButtonCell(outcomeCell());
        outcome.setCellFactory(l -> outcomeCell());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        Label count = new Label();
        count.setId("dnsCount");
        count.textProperty()
                .bind(
                        javafx.beans.binding.Bindings.size(model.rows())
                                .asString("%d queries shown"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("dnsStatus");
        status.textProperty().bind(model.statusProperty());
        // a narrow view shortens the status (the whole text in its tooltip); a tool bar hid it
        // behind an overflow button instead
        status.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(status.textProperty());
        status.setTooltip(full);
        search.setMinWidth(200); // most of its prompt, which names what it searches
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, search, outcome, count, grow, busy, status);
        bar.setId("dnsToolbar");
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        return bar;
    }

    /** Under the query table, when the log has any: what "?" rows and unattributed lines are. */
    private Label legend() {
        Label legend =
                new Label(null, dev.logsentry.ui.common.Icons.icon("mdi2i-information-outline"));
        legend.setId("dnsLegend");
        legend.getStyleClass().add("dns-legend");
        legend.setMaxWidth(Double.MAX_VALUE);
        legend.textProperty().bind(model.legendProperty());
        legend.visibleProperty().bind(model.legendProperty().isNotEmpty());
        legend.managedProperty().bind(legend.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.legendTipProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        legend.setTooltip(tip);
        return legend;
    }

    private static ListCell<Outcome> outcomeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Outcome item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "All outcomes" : item.name());
            }
        };
    }

    private SplitPane center() {
        ScrollPane walkScroll = new ScrollPane(walk);
        walkScroll.setId("dnsWalkScroll");
        BorderPane treeBox = new BorderPane(tree);
        treeBox.setBottom(new LogLineBar(model));
        this.treeBox = treeBox;
        this.walkScroll = walkScroll;
        SplitPane resolution = new SplitPane(treeBox, walkScroll);
        this.resolution = resolution;
        resolution.setDividerPositions(0.64);
        Tab treeTab = new Tab("Resolution", resolution);
        Tab statsTab = new Tab("Statistics", stats);
        tabs.getTabs().setAll(treeTab, statsTab);
        tabs.setId("dnsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane queries = new BorderPane(table);
        queries.setBottom(legend());
        this.queries = queries;
        SplitPane split = new SplitPane(queries, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        return split;
    }
}
