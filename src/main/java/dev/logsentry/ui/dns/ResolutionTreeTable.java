package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnsTypes;
import dev.logsentry.core.dnscache.Entries;
import dev.logsentry.core.dnscache.ResolutionStep;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * The selected query's resolution tree: one row per step, glueless lookups as expandable rows whose
 * children are one gluelessness level down; each row carries the CSS class of its level ({@code
 * glue-0}..{@code glue-3}) and the level as text; ambiguous steps get the class {@code ambiguous}.
 */
public final class ResolutionTreeTable extends TreeTableView<ResolutionStep> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());

    public ResolutionTreeTable() {
        setId("dnsTree");
        setShowRoot(true);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getStyleClass().addAll("dns-tree", atlantafx.base.theme.Styles.DENSE);

        TreeTableColumn<ResolutionStep, String> step = new TreeTableColumn<>("Step");
        step.setPrefWidth(330);
        step.setMinWidth(200);
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(stepText(c.getValue())));
        TreeTableColumn<ResolutionStep, String> level = new TreeTableColumn<>("Glue");
        level.setPrefWidth(50);
        level.setMinWidth(44);
        level.setCellValueFactory(
                c ->
                        new ReadOnlyStringWrapper(
                                c.getValue().getValue() == null
                                        ? ""
                                        : Glue.label(c.getValue().getValue().gluelessness())));
        TreeTableColumn<ResolutionStep, String> detail = new TreeTableColumn<>("Detail");
        detail.setPrefWidth(420);
        detail.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(detailText(c.getValue().getValue())));
        TreeTableColumn<ResolutionStep, String> line = new TreeTableColumn<>("Line");
        line.setPrefWidth(60);
        line.setMinWidth(52);
        line.setCellValueFactory(
                c -> {
                    ResolutionStep s = c.getValue().getValue();
                    return new ReadOnlyStringWrapper(
                            s == null || s.entry() == null ? "" : String.valueOf(s.entry().line()));
                });
        TreeTableColumn<ResolutionStep, String> time = new TreeTableColumn<>("Time");
        time.setPrefWidth(130);
        time.setMinWidth(120);
        time.setCellValueFactory(
                c -> {
                    ResolutionStep s = c.getValue().getValue();
                    return new ReadOnlyStringWrapper(
                            s == null || s.entry() == null || s.entry().time() == null
                                    ? ""
                                    : TIME.format(s.entry().time()));
                });
        getColumns().setAll(java.util.List.of(step, level, detail, line, time));

        setRowFactory(
                t ->
                        new TreeTableRow<>() {
                            @Override
                            protected void updateItem(ResolutionStep item, boolean empty) {
                                super.updateItem(item, empty);
                                getStyleClass().removeAll(Glue.CLASSES);
                                getStyleClass().removeAll("ambiguous", "restart", "lookup");
                                if (empty || item == null) {
                                    return;
                                }
                                getStyleClass().add(Glue.styleClass(item.gluelessness()));
                                if (item.ambiguous()) {
                                    getStyleClass().add("ambiguous");
                                }
                                if (item.isRestart()) {
                                    getStyleClass().add("restart");
                                }
                                if (item.isLookup()) {
                                    getStyleClass().add("lookup");
                                }
                            }
                        });
    }

    /** Shows a query's tree, fully expanded; {@code null} clears the table. */
    public void show(ResolutionTree tree) {
        if (tree == null) {
            setRoot(null);
            return;
        }
        TreeItem<ResolutionStep> root = new TreeItem<>(null);
        root.setExpanded(true);
        for (ResolutionStep s : tree.steps()) {
            root.getChildren().add(item(s));
        }
        setRoot(root);
        rootLabel =
                tree.name()
                        + " "
                        + (tree.type() < 0 ? "?" : DnsTypes.mnemonic(tree.type()))
                        + " -> "
                        + tree.outcome();
        refresh();
    }

    private String rootLabel = "";

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
            text += "  ? also " + s.alternatives();
        }
        return text;
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
