package dev.logsentry.ui.workbench;

import dev.logsentry.core.AppInfo;
import dev.logsentry.ui.common.Icons;
import dev.logsentry.ui.events.LogTableView;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourcesView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The one window of the workbench: menu bar, tool bar, the Sources view on the left, the lines of
 * the selected source in the centre and the status bar. Files and folders dropped anywhere on it
 * open, through the same {@link #openDropped} path the tests use.
 */
public final class WorkbenchWindow {
    private final Stage stage;
    private final WorkbenchViewModel model;
    private final BorderPane root = new BorderPane();
    private final LogTableView table = new LogTableView();
    private final SourcesView sourcesView;
    private final StatusBar statusBar = new StatusBar();
    private final Label lineCount = new Label();
    private Theme theme = Theme.LIGHT;

    public WorkbenchWindow(Stage stage, WorkbenchViewModel model) {
        this.stage = stage;
        this.model = model;
        this.sourcesView = new SourcesView(model.sources());
        root.setId("workbench");
        root.setTop(new VBox(menuBar(), toolBar()));
        SplitPane split = new SplitPane();
        split.setOrientation(Orientation.HORIZONTAL);
        MessageBar messages = new MessageBar(model.messages(), model::dismiss);
        BorderPane centre = new BorderPane(table);
        centre.setTop(messages);
        split.getItems().addAll(sourcesView, centre);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(sourcesView, false);
        root.setCenter(split);
        root.setBottom(statusBar());
        bindSelection();
        installDragAndDrop();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(css());
        stage.setScene(scene);
        stage.getIcons().setAll(Icons.appIcons());
        stage.titleProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    SourceItem s = model.selectedProperty().get();
                                    return s == null
                                            ? AppInfo.NAME
                                            : s.nameProperty().get() + " \u2014 " + AppInfo.NAME;
                                },
                                model.selectedProperty()));
    }

    public Stage stage() {
        return stage;
    }

    public LogTableView table() {
        return table;
    }

    /** Opens what was dropped; the drag-and-drop handler and the tests both call this. */
    public void openDropped(List<File> files) {
        model.open(files.stream().map(File::toPath).toList());
    }

    private static String css() {
        var url = WorkbenchWindow.class.getResource(Theme.APP_CSS);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + Theme.APP_CSS);
        }
        return url.toExternalForm();
    }

    private void bindSelection() {
        sourcesView
                .list()
                .getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                model.selectedProperty().set(now);
                            }
                        });
        ChangeListener<Object> showSelected = (obs, old, now) -> showSelected();
        model.selectedProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (old != null) {
                                old.linesProperty().removeListener(showSelected);
                                old.lineCountProperty().removeListener(showSelected);
                            }
                            if (now != null) {
                                now.linesProperty().addListener(showSelected);
                                now.lineCountProperty().addListener(showSelected);
                                sourcesView.list().getSelectionModel().select(now);
                            }
                            showSelected();
                        });
        model.sources().addListener((ListChangeListener<SourceItem>) c -> showSelected());
    }

    private void showSelected() {
        SourceItem s = model.selectedProperty().get();
        table.show(s == null ? null : s.linesProperty().get());
        statusBar.progressProperty().unbind();
        if (s == null) {
            lineCount.setText("");
            statusBar.setProgress(0);
            return;
        }
        lineCount.setText(String.format("%,d lines", s.lineCountProperty().get()));
        statusBar
                .progressProperty()
                .bind(
                        Bindings.when(s.stateProperty().isEqualTo(SourceItem.State.READY))
                                .then(0.0)
                                .otherwise(s.progressProperty()));
    }

    private StatusBar statusBar() {
        statusBar.setId("statusBar");
        statusBar.textProperty().bind(model.statusProperty());
        lineCount.setId("lineCount");
        lineCount.getStyleClass().add("status-line-count");
        Label source = new Label();
        source.setId("statusSource");
        source.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    SourceItem s = model.selectedProperty().get();
                                    return s == null ? "No source" : s.path().toString();
                                },
                                model.selectedProperty()));
        statusBar.getRightItems().addAll(source, lineCount);
        return statusBar;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem open =
                item(
                        "_Open\u2026",
                        "Shortcut+O",
                        "mdi2f-file-document-outline",
                        e -> chooseFiles());
        open.setId("menuOpen");
        MenuItem openFolder =
                item(
                        "Open _Folder\u2026",
                        "Shortcut+Shift+O",
                        "mdi2f-folder-open-outline",
                        e -> chooseFolder());
        Menu recent = new Menu("Open _Recent");
        recent.setId("menuRecent");
        fillRecent(recent);
        model.recentPaths().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        MenuItem close = item("_Close", "Shortcut+W", "mdi2c-close", e -> model.closeSelected());
        close.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem quit = item("_Quit", "Shortcut+Q", "mdi2p-power", e -> Platform.exit());
        file.getItems()
                .addAll(
                        open,
                        openFolder,
                        recent,
                        new SeparatorMenuItem(),
                        close,
                        new SeparatorMenuItem(),
                        quit);

        Menu view = new Menu("_View");
        MenuItem toggleTheme =
                item(
                        "Toggle _Dark Theme",
                        "Shortcut+Shift+D",
                        "mdi2t-theme-light-dark",
                        e -> toggleTheme());
        MenuItem focusSources =
                item("Focus _Sources", "Shortcut+1", null, e -> sourcesView.list().requestFocus());
        MenuItem focusLines = item("Focus _Lines", "Shortcut+2", null, e -> table.requestFocus());
        view.getItems().addAll(toggleTheme, new SeparatorMenuItem(), focusSources, focusLines);

        Menu help = new Menu("_Help");
        MenuItem keys =
                item("_Keyboard Shortcuts", "F1", "mdi2k-keyboard-outline", e -> showShortcuts());
        MenuItem about =
                item("_About LogSentry", null, "mdi2i-information-outline", e -> showAbout());
        about.setId("menuAbout");
        help.getItems().addAll(keys, about);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : model.recentPaths()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> model.open(p));
            recent.getItems().add(mi);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            recent.getItems().add(new SeparatorMenuItem());
            MenuItem clear = new MenuItem("Clear Recent");
            clear.setOnAction(e -> model.clearRecent());
            recent.getItems().add(clear);
        }
    }

    private ToolBar toolBar() {
        Button open =
                toolButton(
                        "mdi2f-file-document-outline",
                        "Open a log file (Ctrl+O)",
                        e -> chooseFiles());
        open.setId("toolOpen");
        Button folder =
                toolButton(
                        "mdi2f-folder-open-outline",
                        "Open a folder (Ctrl+Shift+O)",
                        e -> chooseFolder());
        Button close =
                toolButton(
                        "mdi2c-close-box-outline",
                        "Close the selected source (Ctrl+W)",
                        e -> model.closeSelected());
        close.disableProperty().bind(model.selectedProperty().isNull());
        Button theme =
                toolButton(
                        "mdi2t-theme-light-dark",
                        "Light or dark theme (Ctrl+Shift+D)",
                        e -> toggleTheme());
        ToolBar bar =
                new ToolBar(
                        open,
                        folder,
                        close,
                        new javafx.scene.control.Separator(Orientation.VERTICAL),
                        theme);
        bar.setId("toolBar");
        return bar;
    }

    private static Button toolButton(String icon, String tip, EventHandler<ActionEvent> action) {
        Button b = new Button(null, Icons.icon(icon));
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("flat");
        b.setOnAction(action);
        return b;
    }

    private static MenuItem item(
            String text, String accelerator, String icon, EventHandler<ActionEvent> action) {
        MenuItem mi = new MenuItem(text);
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        if (icon != null) {
            mi.setGraphic(Icons.icon(icon));
        }
        mi.setOnAction(action);
        return mi;
    }

    private void installDragAndDrop() {
        root.setOnDragOver(this::acceptFiles);
        root.setOnDragDropped(
                e -> {
                    boolean ok = e.getDragboard().hasFiles();
                    if (ok) {
                        openDropped(e.getDragboard().getFiles());
                    }
                    e.setDropCompleted(ok);
                    e.consume();
                });
    }

    private void acceptFiles(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
        }
        e.consume();
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Log Files");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("All files", "*"),
                        new FileChooser.ExtensionFilter(
                                "Logs",
                                "*.log",
                                "*.log.*",
                                "*.gz",
                                "syslog*",
                                "messages*",
                                "current"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            openDropped(files);
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a Log Folder (all logs in it, or a multilog directory)");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            model.open(dir.toPath());
        }
    }

    private void toggleTheme() {
        theme = theme.other();
        theme.apply();
        root.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("dark"), theme == Theme.DARK);
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle("About " + AppInfo.NAME);
        about.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        about.setGraphic(new ImageView(Icons.appIcon(64)));
        about.setContentText(
                "Log analyzer for system administrators: reads, follows and classifies logs as"
                        + " logcheck does, and decodes djbdns dnscache logs.\n\nJava "
                        + System.getProperty("java.version")
                        + ", JavaFX "
                        + System.getProperty("javafx.runtime.version"));
        about.show();
    }

    private void showShortcuts() {
        Alert keys = new Alert(Alert.AlertType.INFORMATION);
        keys.initOwner(stage);
        keys.setTitle("Keyboard Shortcuts");
        keys.setHeaderText("Keyboard shortcuts");
        keys.setContentText(
                String.join(
                        "\n",
                        "Ctrl+O\tOpen files",
                        "Ctrl+Shift+O\tOpen a folder",
                        "Ctrl+W\tClose the selected source",
                        "Ctrl+Q\tQuit",
                        "Ctrl+1 / Ctrl+2\tFocus sources / lines",
                        "Ctrl+Shift+D\tToggle dark theme",
                        "Home / End\tFirst / last line",
                        "F1\tThis list"));
        keys.show();
    }
}
