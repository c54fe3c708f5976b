package dev.logsentry.ui.events;

import dev.logsentry.core.browse.LineDetails;
import dev.logsentry.core.browse.RuleHit;
import dev.logsentry.core.rules.Rule;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The details of the selected line: its parsed fields, where it is, its verdict, the rule that
 * decided it (file and line, the regex, the matched part highlighted in the line) and the other
 * rules that match it. "Show in Rules" opens the deciding rule in the Rules perspective.
 */
public final class DetailsPane extends VBox {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx")
                    .withZone(ZoneId.systemDefault());

    private final GridPane fields = new GridPane();
    private final TextFlow line = new TextFlow();
    private final Label verdict = new Label();
    private final Hyperlink rule = new Hyperlink();
    private final Label regex = new Label();
    private final ListView<RuleHit> others = new ListView<>();
    private final Consumer<Rule> showRule;
    private Rule shownRule;

    public DetailsPane(Consumer<Rule> showRule) {
        this.showRule = showRule;
        setId("detailsPane");
        getStyleClass().add("details-pane");
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));
        fields.setHgap(12);
        fields.setVgap(2);
        line.getStyleClass().add("details-line");
        verdict.setId("detailsVerdict");
        rule.setId("detailsRule");
        rule.setOnAction(
                e -> {
                    if (shownRule != null) {
                        showRule.accept(shownRule);
                    }
                });
        regex.setId("detailsRegex");
        regex.getStyleClass().add("details-regex");
        regex.setWrapText(true);
        others.setId("detailsOtherRules");
        others.setPrefHeight(90);
        others.setPlaceholder(new Label("No other rule matches this line."));
        others.setCellFactory(l -> new HitCell());
        others.setOnMouseClicked(
                e -> {
                    RuleHit hit = others.getSelectionModel().getSelectedItem();
                    if (hit != null && e.getClickCount() == 2) {
                        showRule.accept(hit.rule());
                    }
                });
        ScrollPane lineScroll = new ScrollPane(line);
        lineScroll.setFitToWidth(true);
        lineScroll.setPrefHeight(48);
        Label othersTitle = new Label("Other matching rules (double-click to show)");
        othersTitle.getStyleClass().add("details-heading");
        getChildren().addAll(fields, lineScroll, verdict, rule, regex, othersTitle, others);
        VBox.setVgrow(others, Priority.ALWAYS);
        show(null);
    }

    /** Shows {@code d}, or a hint when nothing is selected. */
    public void show(LineDetails d) {
        fields.getChildren().clear();
        line.getChildren().clear();
        others.getItems().clear();
        shownRule = null;
        verdict.getStyleClass().removeAll(VerdictStyle.ALL_CLASSES);
        if (d == null) {
            verdict.setText("Select a line to see why it was classified as it was.");
            verdict.setGraphic(null);
            rule.setText("");
            rule.setVisible(false);
            regex.setText("");
            return;
        }
        var f = d.fields();
        int row = 0;
        row = field(row, "Time", f.time() == null ? "\u2014" : TIME.format(f.time()));
        row = field(row, "Host", f.host());
        row =
                field(
                        row,
                        "Program",
                        f.program() == null
                                ? null
                                : f.program() + (f.pid() >= 0 ? "[" + f.pid() + "]" : ""));
        row =
                field(
                        row,
                        "Source",
                        d.sourceName()
                                + "  line "
                                + String.format("%,d", d.lineNumber())
                                + "  offset "
                                + String.format("%,d", d.offset()));
        if (d.verdict() == null) {
            verdict.setText("Not classified (a marker line)");
            verdict.setGraphic(null);
        } else {
            verdict.setText(VerdictStyle.label(d.verdict()));
            verdict.setGraphic(VerdictStyle.icon(d.verdict()));
            verdict.getStyleClass().add(VerdictStyle.styleClass(d.verdict()));
        }
        RuleHit hit = d.decidingRule();
        if (hit == null) {
            rule.setText(
                    d.verdict() == null
                            ? ""
                            : "No rule matched: logcheck reports what no rule ignores.");
            rule.setDisable(true);
            regex.setText("");
            line.getChildren().add(new Text(d.text()));
        } else {
            shownRule = hit.rule();
            rule.setDisable(false);
            rule.setText(
                    "Decided by "
                            + hit.category().directoryName()
                            + " \u203a "
                            + hit.rule().fileName()
                            + "  ("
                            + hit.file()
                            + ":"
                            + hit.fileLine()
                            + ")  \u2014 Show in Rules");
            regex.setText(hit.regex());
            highlight(d.text(), hit);
        }
        rule.setVisible(true);
        others.getItems().setAll(d.otherMatches());
    }

    private int field(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("details-field-name");
        Label v = new Label(value == null ? "\u2014" : value);
        v.getStyleClass().add("details-field-value");
        fields.addRow(row, n, v);
        return row + 1;
    }

    private void highlight(String text, RuleHit hit) {
        if (!hit.hasSpan() || hit.end() > text.length()) {
            line.getChildren().add(new Text(text));
            return;
        }
        Text before = new Text(text.substring(0, hit.start()));
        Text match = new Text(text.substring(hit.start(), hit.end()));
        match.getStyleClass().add("details-match");
        match.setId("detailsMatch");
        Text after = new Text(text.substring(hit.end()));
        line.getChildren().addAll(before, match, after);
    }

    /** One other matching rule: category, file:line and regex. */
    private static final class HitCell extends ListCell<RuleHit> {
        @Override
        protected void updateItem(RuleHit h, boolean empty) {
            super.updateItem(h, empty);
            setText(
                    empty || h == null
                            ? null
                            : h.category().directoryName()
                                    + " \u203a "
                                    + h.rule().fileName()
                                    + ":"
                                    + h.fileLine()
                                    + "   "
                                    + h.regex());
        }
    }
}
