package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnsTypes;
import dev.logsentry.core.dnscache.Entries;
import dev.logsentry.core.dnscache.ResolutionStep;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The selected query's resolution tree: one row per step, glueless lookups as expandable rows whose
 * children are one gluelessness level down; each row carries the CSS class of its level ({@code
 * glue-0}..{@code glue-3}) and the level as text; ambiguous steps get the class {@code ambiguous}
 * and a tooltip naming the other candidate queries. Columns are sized to their content; a right
 * click copies a step or shows its line in the log.
 */
public final class ResolutionTreeTable extends TreeTableView<ResolutionStep> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());
    private static final KeyCombination COPY =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    /** Indentation per tree level plus the disclosure arrow, in pixels (Modena and AtlantaFX). */
    private static final double INDENT = 18;

    private final DnsViewModel model;
    private final List<Column> columns = new ArrayList<>();
    private String rootLabel = "";
    private ResolutionTree shown;

    /** One column: its title and the text of a row (the root row has a null step). */
    private record Column(
            TreeTableColumn<ResolutionStep, String> column,
            String title,
            Function<TreeItem<ResolutionStep>, String> text) {}

    public ResolutionTreeTable(DnsViewModel model) {
        this.model = model;
        setId("dnsTree");
        setShowRoot(true);
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        getStyleClass().addAll("dns-tree", atlantafx.base.theme.Styles.DENSE);
        column("Step", this::stepText);
        column("Glue", i -> i.getValue() == null ? "" : Glue.label(i.getValue().gluelessness()));
        Label glue = new Label("Glue");
        glue.setTooltip(
                new Tooltip(
                        "Gluelessness: how many glueless detours deep this step is (G0 = the"
                                + " query itself; G1 = finding a name server's address; ...)"));
        columns.get(1).column().setText(null);
        columns.get(1).column().setGraphic(glue);
        column("Time", i -> timeText(i.getValue()));
        column("Line", i -> lineText(i.getValue()));
        column("Detail", i -> detailText(i.getValue()));
        getColumns().setAll(columns.stream().map(Column::column).toList());
        Label empty = new Label();
        empty.setId("dnsTreeEmpty");
        empty.getStyleClass().add("dns-empty");
        empty.setWrapText(true);
        empty.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        model.analysisProperty().get() != null
                                                ? "Select a query in DNS Queries to see how"
                                                        + " dnscache resolved it."
                                                : model.openLogs().isEmpty()
                                                        ? "No dnscache log open. Open one with"
                                                                + " File > Open."
                                                        : "Select the dnscache log in Sources (or"
                                                                + " its tab) to see its queries.",
                                model.analysisProperty(),
                                model.openLogs()));
        setPlaceholder(empty);
        setRowFactory(t -> row());
        setOnContextMenuRequested(
                e -> { // the Menu key or Shift+F10: the menu of the selected step
                    TreeItem<ResolutionStep> item = getSelectionModel().getSelectedItem();
                    if (item != null && e.isKeyboardTrigger()) {
                        menu(item).show(this, e.getScreenX(), e.getScreenY());
                        e.consume();
                    }
                });
        setOnKeyPressed(
                e -> {
                    TreeItem<ResolutionStep> item = getSelectionModel().getSelectedItem();
                    if (COPY.match(e) && item != null) {
                        model.copy(copyText(item));
                        e.consume();
                    }
                });
        fitColumns();
    }

    private void column(String title, Function<TreeItem<ResolutionStep>, String> text) {
        TreeTableColumn<ResolutionStep, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setSortable(false); // the order of the steps is the order of the log
        columns.add(new Column(c, title, text));
    }

    private TreeTableRow<ResolutionStep> row() {
        TreeTableRow<ResolutionStep> row =
                new TreeTableRow<>() {
                    @Override
                    protected void updateItem(ResolutionStep item, boolean empty) {
                        super.updateItem(item, empty);
                        getStyleClass().removeAll(Glue.CLASSES);
                        getStyleClass().removeAll("ambiguous", "restart", "lookup", "partial");
                        setTooltip(null);
                        if (empty) {
                            return;
                        }
                        if (item == null) { // the root: the query itself
                            if (shown != null && shown.isPartial()) {
                                getStyleClass().add("partial");
                                setTooltip(new Tooltip(QueryRow.PARTIAL_EXPLAINED));
                            }
                            return;
                        }
                        getStyleClass().add(Glue.styleClass(item.gluelessness()));
                        if (item.ambiguous()) {
                            getStyleClass().add("ambiguous");
                            setTooltip(new Tooltip(ambiguity(item)));
                        }
                        if (item.isRestart()) {
                            getStyleClass().add("restart");
                        }
                        if (item.isLookup()) {
                            getStyleClass().add("lookup");
                        }
                    }
                };
        row.setOnContextMenuRequested(
                e -> {
                    if (row.isEmpty() || row.getTreeItem() == null) {
                        return;
                    }
                    getSelectionModel().select(row.getIndex());
                    menu(row.getTreeItem()).show(row, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
        return row;
    }

    /** The context menu of a tree row. */
    ContextMenu menu(TreeItem<ResolutionStep> item) {
        MenuItem copy = new MenuItem("Copy");
        copy.setId("dnsTreeMenuCopy");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> model.copy(copyText(item)));
        MenuItem line = new MenuItem("Show Log Line");
        line.setId("dnsTreeMenuLogLine");
        ResolutionStep s = item.getValue();
        line.setDisable(s == null || s.entry() == null);
        line.setOnAction(e -> model.showLogLine(s));
        return new ContextMenu(copy, line);
    }

    /** The row as text: its columns separated by tabs, then its children indented. */
    String copyText(TreeItem<ResolutionStep> item) {
        StringBuilder sb = new StringBuilder();
        copy(item, 0, sb);
        return sb.toString();
    }

    private void copy(TreeItem<ResolutionStep> item, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth))
                .append(
                        columns.stream()
                                .map(c -> c.text().apply(item))
                                .collect(Collectors.joining("\t")))
                .append('\n');
        for (TreeItem<ResolutionStep> c : item.getChildren()) {
            copy(c, depth + 1, sb);
        }
    }

    /** Shows a query's tree, fully expanded, columns fitted; {@code null} clears the table. */
    public void show(ResolutionTree tree) {
        shown = tree;
        if (tree == null) {
            setRoot(null);
            return;
        }
        rootLabel =
                tree.isPartial()
                        ? "query #" + tree.serial() + ": asked before the log began (?)"
                        : tree.name()
                                + " "
                                + (tree.type() < 0 ? "?" : DnsTypes.mnemonic(tree.type()))
                                + " -> "
                                + tree.outcome();
        TreeItem<ResolutionStep> root = new TreeItem<>(null);
        root.setExpanded(true);
        for (ResolutionStep s : tree.steps()) {
            root.getChildren().add(item(s));
        }
        setRoot(root);
        fitColumns();
        refresh();
    }

    /** Sizes every column to its title and its widest text (the Step column with indentation). */
    void fitColumns() {
        ColumnFit fit = ColumnFit.of(this, ".tree-table-cell");
        List<TreeItem<ResolutionStep>> items = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        if (getRoot() != null) {
            flatten(getRoot(), 0, items, depths);
        }
        List<Integer> index = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            index.add(i);
        }
        for (Column c : columns) {
            boolean step = c.title().equals("Step");
            fit.fit(
                    c.column(),
                    c.title(),
                    index,
                    i ->
                            fit.text(c.text().apply(items.get(i)))
                                    + (step ? (depths.get(i) + 1) * INDENT : 0),
                    step ? 200 : c.column().getGraphic() == null ? 40 : fit.header(c.title()) + 4);
        }
    }

    private static void flatten(
            TreeItem<ResolutionStep> item,
            int depth,
            List<TreeItem<ResolutionStep>> items,
            List<Integer> depths) {
        items.add(item);
        depths.add(depth);
        for (TreeItem<ResolutionStep> c : item.getChildren()) {
            flatten(c, depth + 1, items, depths);
        }
    }

    private static TreeItem<ResolutionStep> item(ResolutionStep s) {
        TreeItem<ResolutionStep> i = new TreeItem<>(s);
        i.setExpanded(true);
        for (ResolutionStep c : s.children()) {
            i.getChildren().add(item(c));
        }
        return i;
    }

    private String stepText(TreeItem<ResolutionStep> item) {
        ResolutionStep s = item.getValue();
        if (s == null) {
            return rootLabel;
        }
        String text = s.isLookup() ? "glueless lookup " + s.name() : s.kind() + " " + nz(s.name());
        if (s.isRestart()) {
            text += "  \u21b3 restart";
        }
        if (s.ambiguous()) {
            text += "  (ambiguous)";
        }
        return text;
    }

    private static String ambiguity(ResolutionStep s) {
        return "Ambiguous: this line could also belong to "
                + s.alternatives().stream().map(n -> "#" + n).collect(Collectors.joining(", "))
                + ". Several queries were waiting for the same answer; the earliest was chosen"
                + " (their trees look the same either way).";
    }

    private static String timeText(ResolutionStep s) {
        return s == null || s.entry() == null || s.entry().time() == null
                ? ""
                : TIME.format(s.entry().time());
    }

    private static String lineText(ResolutionStep s) {
        return s == null || s.entry() == null ? "" : String.valueOf(s.entry().line());
    }

    private static String detailText(ResolutionStep s) {
        if (s == null) {
            return "";
        }
        if (s.isLookup()) {
            return "finding the address of a name server, gluelessness " + s.gluelessness();
        }
        return Entries.detail(s.entry());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
