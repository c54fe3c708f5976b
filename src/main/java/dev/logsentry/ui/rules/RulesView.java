package dev.logsentry.ui.rules;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.ui.common.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Rules perspective's tree: the rule tree in use (categories, files, rules with their line
 * numbers and how often they matched the loaded logs), the selected rule shown in its file, and the
 * rules that could not be compiled. Double-click or Enter opens a rule's file in the pattern editor
 * (through {@link #setOnOpenRule}).
 */
public final class RulesView extends BorderPane {
    private final RulesViewModel model;
    private final TreeView<Object> tree = new TreeView<>();
    private final ListView<String> fileView = new ListView<>();
    private final Label fileTitle = new Label("Select a rule");
    private final ListView<RuleProblem> problems = new ListView<>();
    private BiConsumer<Path, Integer> onOpenRule;

    public RulesView(RulesViewModel model) {
        this.model = model;
        setId("rulesView");
        getStyleClass().add("rules-view");
        tree.setId("rulesTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new RuleCell());
        fileView.setId("ruleFileView");
        fileView.getStyleClass().add("rule-file-view");
        fileView.setCellFactory(l -> new NumberedLineCell());
        fileTitle.getStyleClass().add("view-title");
        problems.setId("ruleProblems");
        problems.setPrefHeight(110);
        problems.setPlaceholder(new Label("Every rule compiled."));
        VBox right = new VBox(fileTitle, fileView);
        VBox.setVgrow(fileView, Priority.ALWAYS);
        // one above the other: side by side, each got half of the column and cut rule names
        SplitPane split = new SplitPane(tree, right, titled("Problems", problems));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55, 0.85);
        setCenter(split);

        model.treeProperty().addListener((obs, old, now) -> rebuild(now));
        model.matchCountsProperty().addListener((obs, old, now) -> tree.refresh());
        model.selectedRuleProperty().addListener((obs, old, now) -> reveal(now));
        tree.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && now.getValue() instanceof Rule r) {
                                showInFile(r);
                            } else if (now != null && now.getValue() instanceof RuleFile f) {
                                showFile(f.sources().isEmpty() ? null : f.sources().get(0), -1);
                            }
                        });
        tree.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                        open(tree.getSelectionModel().getSelectedItem());
                    }
                });
        tree.addEventHandler(
                KeyEvent.KEY_PRESSED,
                e -> {
                    TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
                    if (e.getCode() == KeyCode.ENTER && canOpen(item)) {
                        open(item);
                        e.consume();
                    }
                });
        rebuild(model.treeProperty().get());
    }

    /**
     * What opening a rule or a rule file does (double-click, Enter, the context menu's Open): the
     * workbench opens the file as an editor at the rule's line (0: the file's first rule).
     */
    public void setOnOpenRule(BiConsumer<Path, Integer> action) {
        onOpenRule = action;
    }

    /** Whether {@code item} is a rule or a rule file that can be opened in an editor. */
    public boolean canOpen(TreeItem<Object> item) {
        return onOpenRule != null
                && item != null
                && (item.getValue() instanceof Rule
                        || item.getValue() instanceof RuleFile f && !f.sources().isEmpty());
    }

    /**
     * Opens {@code item}: a rule in its file at its line, a rule file (each of its files, when
     * same-named files of several directories make it up).
     */
    public void open(TreeItem<Object> item) {
        if (!canOpen(item)) {
            return;
        }
        if (item.getValue() instanceof Rule r) {
            onOpenRule.accept(r.file(), r.line());
        } else if (item.getValue() instanceof RuleFile f) {
            f.sources().forEach(file -> onOpenRule.accept(file, 0));
        }
    }

    public TreeView<Object> tree() {
        return tree;
    }

    public ListView<String> fileView() {
        return fileView;
    }

    private static VBox titled(String title, javafx.scene.Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("view-title");
        VBox box = new VBox(l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private void rebuild(RuleTree rules) {
        TreeItem<Object> root = new TreeItem<>("rules");
        if (rules != null) {
            for (Category c : Category.values()) {
                List<RuleFile> files = rules.files(c);
                if (files.isEmpty()) {
                    continue;
                }
                String name =
                        c == Category.IGNORE
                                ? c.directoryName() + ".* (" + rules.level().directoryName() + ")"
                                : c.directoryName();
                TreeItem<Object> category = new TreeItem<>(name);
                for (RuleFile f : files) {
                    TreeItem<Object> file = new TreeItem<>(f);
                    f.rules().forEach(r -> file.getChildren().add(new TreeItem<>(r)));
                    category.getChildren().add(file);
                }
                category.setExpanded(c != Category.IGNORE);
                root.getChildren().add(category);
            }
            problems.setItems(FXCollections.observableArrayList(rules.problems()));
        }
        tree.setRoot(root);
        reveal(model.selectedRuleProperty().get());
    }

    /** Selects {@code rule} in the tree and shows it in its file. */
    private void reveal(Rule rule) {
        if (rule == null || tree.getRoot() == null) {
            return;
        }
        for (TreeItem<Object> category : tree.getRoot().getChildren()) {
            for (TreeItem<Object> file : category.getChildren()) {
                for (TreeItem<Object> item : file.getChildren()) {
                    if (item.getValue() instanceof Rule r && r.id() == rule.id()) {
                        category.setExpanded(true);
                        file.setExpanded(true);
                        tree.getSelectionModel().select(item);
                        int row = tree.getRow(item);
                        tree.scrollTo(Math.max(0, row - 3));
                        showInFile(r);
                        return;
                    }
                }
            }
        }
    }

    private void showInFile(Rule r) {
        showFile(r.file(), r.line());
    }

    private void showFile(Path file, int line) {
        if (file == null) {
            return;
        }
        fileTitle.setText(file.toString());
        fileView.setItems(FXCollections.observableArrayList(RulesViewModel.fileLines(file)));
        if (line > 0 && line <= fileView.getItems().size()) {
            fileView.getSelectionModel().clearAndSelect(line - 1);
            fileView.scrollTo(Math.max(0, line - 4));
        }
    }

    /**
     * Category and file nodes by name; rule nodes as {@code line: pattern} with the match count.
     */
    private final class RuleCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("rule-unmatched");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof RuleFile f) {
                setText(f.name() + "  (" + f.rules().size() + ")");
                setGraphic(Icons.icon("mdi2f-file-document-outline"));
            } else if (item instanceof Rule r) {
                long n = model.matchCountsProperty().get().applyAsLong(r);
                setText(r.line() + ": " + r.source() + (n >= 0 ? "   \u00d7" + n : ""));
                setGraphic(null);
                if (n == 0) {
                    getStyleClass().add("rule-unmatched");
                }
            } else {
                setText(item.toString());
                setGraphic(Icons.icon("mdi2f-folder-outline"));
            }
        }
    }

    /** A rule file line with its 1-based number. */
    private static final class NumberedLineCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.format("%4d  %s", getIndex() + 1, item));
        }
    }
}
