package dev.logsentry.ui.workbench;

import dev.logsentry.core.AppInfo;
import dev.logsentry.ui.common.Controls;
import dev.logsentry.ui.common.Icons;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.ImageView;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window-level actions (open, close, quit, about, shortcuts) and the menu items and tool
 * buttons that trigger them, so a menu entry and its button can never disagree.
 */
final class WorkbenchActions {
    private final Stage stage;
    private final WorkbenchViewModel model;
    private final Consumer<List<Path>> open;

    WorkbenchActions(Stage stage, WorkbenchViewModel model, Consumer<List<Path>> open) {
        this.stage = stage;
        this.model = model;
        this.open = open;
    }

    Menu fileMenu() {
        Menu file = new Menu("_File");
        MenuItem openItem =
                Controls.menuItem(
                        "_Open\u2026",
                        "Shortcut+O",
                        "mdi2f-file-document-outline",
                        e -> chooseFiles());
        openItem.setId("menuOpen");
        MenuItem openFolder =
                Controls.menuItem(
                        "Open _Folder\u2026",
                        "Shortcut+Shift+O",
                        "mdi2f-folder-open-outline",
                        e -> chooseFolder());
        MenuItem journal =
                Controls.menuItem(
                        "Open System _Journal",
                        "Shortcut+J",
                        "mdi2n-notebook-outline",
                        e -> model.openJournal());
        journal.setId("menuJournal");
        Menu recent = new Menu("Open _Recent");
        recent.setId("menuRecent");
        fillRecent(recent);
        model.recentPaths().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        MenuItem follow =
                Controls.menuItem(
                        "_Follow New Lines",
                        "Shortcut+L",
                        "mdi2p-play-circle-outline",
                        e -> model.toggleFollow());
        follow.setId("menuFollow");
        follow.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem merge =
                Controls.menuItem(
                        "_Merge Open Logs",
                        "Shortcut+M",
                        "mdi2c-call-merge",
                        e -> model.mergeOpenLogs());
        merge.setId("menuMerge");
        MenuItem close =
                Controls.menuItem(
                        "_Close", "Shortcut+W", "mdi2c-close", e -> model.closeSelected());
        close.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem quit =
                Controls.menuItem("_Quit", "Shortcut+Q", "mdi2p-power", e -> Platform.exit());
        file.getItems()
                .addAll(
                        openItem,
                        openFolder,
                        recent,
                        new SeparatorMenuItem(),
                        close,
                        new SeparatorMenuItem(),
                        quit);
        return file;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : model.recentPaths()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open.accept(List.of(p)));
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

    void chooseFiles() {
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
            open.accept(files.stream().map(File::toPath).toList());
        }
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a Log Folder (all logs in it, or a multilog directory)");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            open.accept(List.of(dir.toPath()));
        }
    }

    void showAbout() {
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

    void showShortcuts(List<MenuItem> items) {
        StringBuilder text = new StringBuilder();
        for (MenuItem mi : items) {
            if (mi.getAccelerator() != null) {
                text.append(
                        String.format(
                                "%-22s %s%n",
                                mi.getAccelerator().getDisplayText(),
                                mi.getText().replace("_", "").replace("\u2026", "")));
            }
        }
        Alert keys = new Alert(Alert.AlertType.INFORMATION);
        keys.initOwner(stage);
        keys.setTitle("Keyboard Shortcuts");
        keys.setHeaderText("Every action and its shortcut");
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text.toString());
        area.setEditable(false);
        area.setPrefRowCount(Math.min(24, items.size() + 1));
        area.setStyle("-fx-font-family: monospace;");
        keys.getDialogPane().setContent(area);
        keys.show();
    }
}
