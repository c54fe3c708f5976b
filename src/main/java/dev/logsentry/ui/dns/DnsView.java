package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.Outcome;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
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
    private final TableView<QueryRow> table = new TableView<>();
    private final ResolutionTreeTable tree = new ResolutionTreeTable();
    private final WalkDiagram walk = new WalkDiagram();
    private final DnsStatsPane stats = new DnsStatsPane();
    private final TextField search = new TextField();

    public DnsView() {
        this(new DnsViewModel());
    }

    public DnsView(DnsViewModel model) {
        this.model = model;
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

    /** Puts the keyboard focus into the search field (the workbench binds Ctrl+F and '/'). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private ToolBar toolbar() {
        search.setId("dnsSearch");
        search.setPromptText("Search name, client or type  (/)");
        search.setPrefColumnCount(28);
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
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new ToolBar(search, outcome, count, grow, busy, status);
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
        table.setId("dnsQueries");
        table.getStyleClass().addAll("dns-queries", atlantafx.base.theme.Styles.DENSE);
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(
                        java.util.List.of(
                                column("Time", 190, QueryRow::time),
                                column("Client", 150, QueryRow::client),
                                column("Name", 240, QueryRow::name),
                                column("Type", 70, QueryRow::type),
                                column("Outcome", 140, QueryRow::outcome),
                                column("Steps", 60, QueryRow::steps),
                                column("Max glue", 70, QueryRow::maxGluelessness),
                                column("Duration", 100, QueryRow::duration),
                                column("Size", 60, QueryRow::bytes)));
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, b) -> model.selectedProperty().set(b == null ? null : b.tree()));

        ScrollPane walkScroll = new ScrollPane(walk);
        walkScroll.setId("dnsWalkScroll");
        SplitPane resolution = new SplitPane(tree, walkScroll);
        resolution.setDividerPositions(0.62);
        Tab treeTab = new Tab("Resolution", resolution);
        Tab statsTab = new Tab("Statistics", stats);
        TabPane tabs = new TabPane(treeTab, statsTab);
        tabs.setId("dnsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane split = new SplitPane(table, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        return split;
    }

    private static <T> TableColumn<QueryRow, T> column(
            String title, double width, Function<QueryRow, T> value) {
        TableColumn<QueryRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
