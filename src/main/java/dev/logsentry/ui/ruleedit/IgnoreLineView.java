package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.edit.RuleValidator;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Ignore lines like this" pane: the line split into its parts (each variable part a toggle
 * that generalises it), the drafted rule coloured, the proposed file and why, what else the rule
 * catches among the loaded lines, the verdict change, and "Add rule".
 */
public final class IgnoreLineView extends VBox {
    private final IgnoreLineViewModel model;
    private final FlowPane parts = new FlowPane(4, 4);
    private final VBox rule = new VBox();

    public IgnoreLineView(IgnoreLineViewModel model) {
        super(6);
        this.model = model;
        getStylesheets().add(RuleFileEditorView.CSS);
        getStyleClass().add("ignore-line");
        setPadding(new Insets(8));
        parts.setId("ignoreParts");
        model.parts()
                .addListener(
                        (javafx.collections.ListChangeListener<IgnoreLineViewModel.Part>)
                                c -> showParts());
        model.patternProperty().addListener((o, a, b) -> showRule(b));
        Label file = new Label();
        file.setId("ignoreFile");
        file.getStyleClass().add("ignore-file");
        file.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        model.fileProperty().get() == null
                                                ? ""
                                                : "Into " + model.fileProperty().get(),
                                model.fileProperty()));
        Label why = new Label();
        why.setWrapText(true);
        why.getStyleClass().add("rule-caption");
        why.textProperty().bind(model.whyProperty());
        Label count = new Label();
        count.setId("ignoreCount");
        count.getStyleClass().add("preview-count");
        count.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    int n = model.countProperty().get();
                                    String p = model.patternProperty().get();
                                    if (p == null || p.isEmpty()) {
                                        return "Select a line in the Events view, then Ignore"
                                                + " Lines Like This (Ctrl+I or its context menu)";
                                    }
                                    return n < 0
                                            ? "Matching..."
                                            : "Catches "
                                                    + n
                                                    + (n == 1 ? " loaded line" : " loaded lines");
                                },
                                model.countProperty(),
                                model.patternProperty()));
        count.setWrapText(true);
        Label self = new Label();
        self.setId("ignoreThisLine");
        self.textProperty().bind(model.thisLineProperty());
        Label summary = new Label();
        summary.setId("ignoreSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ListView<String> sample = new ListView<>(model.sample());
        sample.getStyleClass().add("mono-list");
        sample.setPrefHeight(140);
        sample.setFixedCellSize(24);
        VBox.setVgrow(sample, Priority.ALWAYS);
        Button add = new Button("Add rule");
        add.setId("ignoreAdd");
        add.setDefaultButton(true);
        add.setTooltip(
                new Tooltip("Append the rule, with this line as its # sample:, to the file"));
        add.setOnAction(e -> model.addRule());
        add.disableProperty().bind(model.patternProperty().isEmpty());
        Label status = new Label();
        status.setId("ignoreStatus");
        status.textProperty().bind(model.statusProperty());
        // before a line is chosen only the way to choose one shows: an empty "Rule" heading, a
        // disabled button and an empty list above that hint read as broken
        Label hint =
                new Label(
                        "Select a line in the Events view, then Ignore Lines Like This (Ctrl+I"
                                + " or its context menu): its rule is built here, with the parts"
                                + " that vary to generalise and what else it would catch.");
        hint.setId("ignoreHint");
        hint.setWrapText(true);
        hint.setPrefWidth(320); // wrapped: its one-line width would widen the whole view
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.getStyleClass().add("ignore-hint");
        var none = model.patternProperty().isEmpty();
        hint.visibleProperty().bind(none);
        hint.managedProperty().bind(none);
        getChildren()
                .addAll(
                        hint,
                        heading("Generalise the parts that vary (click to toggle)"),
                        parts,
                        heading("Rule"),
                        rule,
                        file,
                        why,
                        new FlowPane(8, 4, add, status),
                        count,
                        self,
                        summary,
                        sample);
        for (javafx.scene.Node n : getChildren()) {
            if (n != hint) {
                n.visibleProperty().bind(none.not());
                n.managedProperty().bind(none.not());
            }
        }
        showParts();
        showRule(model.patternProperty().get());
    }

    public IgnoreLineViewModel model() {
        return model;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("ignore-heading");
        return l;
    }

    private void showRule(String pattern) {
        rule.getChildren()
                .setAll(
                        RegexText.regex(
                                RuleValidator.validate(
                                        pattern == null ? "" : pattern, Category.IGNORE)));
    }

    private void showParts() {
        parts.getChildren().clear();
        for (IgnoreLineViewModel.Part p : model.parts()) {
            if (!p.variable()) {
                Label l = new Label(p.text());
                l.getStyleClass().add("part-fixed");
                parts.getChildren().add(l);
                continue;
            }
            ToggleButton b = new ToggleButton(p.text());
            b.setId("part" + p.index());
            b.getStyleClass().add("part-variable");
            b.setSelected(p.generalised());
            String kind = p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            b.setTooltip(
                    new Tooltip(
                            kind
                                    + (p.generalised()
                                            ? ": any " + kind + " (click to keep this one)"
                                            : ": click to match any " + kind)));
            b.setOnAction(e -> model.toggle(p.index(), b.isSelected()));
            parts.getChildren().add(b);
        }
    }
}
