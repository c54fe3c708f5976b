package dev.logsentry.ui.workbench;

import dev.logsentry.core.AppInfo;
import dev.logsentry.ui.common.Controls;
import dev.logsentry.ui.common.Icons;
import dev.logsentry.ui.remote.RemoteDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

/**
 * The window-level actions (open, journal, follow, merge, close, quit, about, shortcuts) and the
 * menu items that trigger them; tool buttons call the same model methods, so a menu entry and its
 * button can never disagree.
 */
final class WorkbenchActions {
    private final Stage stage;
    private final WorkbenchViewModel model;
    private final RemoteDialogs remote;
    private Runnable onQuit = Platform::exit;
    private BooleanSupplier mayQuit = () -> true;

    WorkbenchActions(Stage stage, WorkbenchViewModel model) {
        this.stage = stage;
        this.model = model;
        this.remote = new RemoteDialogs(model.remote(), () -> stage, model.dialogs());
    }

    /** What File > Quit does: end the application (tests replace it). */
    void setOnQuit(Runnable action) {
        onQuit = action;
    }

    /** Asked before File > Quit ends the application (unsaved rule edits); false cancels. */
    void setQuitGuard(BooleanSupplier guard) {
        mayQuit = guard;
    }

    Menu fileMenu() {
        Menu file = new Menu("_File");
        MenuItem openItem =
                Controls.menuItem(
                        "_Open\u2026",
                        "Shortcut+O",
                        "mdi2f-file-document-outline",
                        e -> model.chooseFiles());
        openItem.setId("menuOpen");
        MenuItem openFolder =
                Controls.menuItem(
                        "Open _Folder\u2026",
                        "Shortcut+Shift+O",
                        "mdi2f-folder-open-outline",
                        e -> model.chooseFolder());
        openFolder.setId("menuOpenFolder");
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
                        "Shortcut+Shift+M",
                        "mdi2c-call-merge",
                        e -> model.mergeOpenLogs());
        merge.setId("menuMerge");
        MenuItem listen =
                Controls.menuItem(
                        "Listen for Remote _Hosts\u2026",
                        "Shortcut+Shift+L",
                        "mdi2s-server-network",
                        e -> remote.askAndListen());
        listen.setId("menuListen");
        listen.disableProperty().bind(model.remote().listeningProperty());
        MenuItem stopListening =
                Controls.menuItem(
                        "Stop Listening",
                        null,
                        "mdi2s-stop-circle-outline",
                        e -> model.remote().stop());
        stopListening.setId("menuStopListening");
        stopListening.disableProperty().bind(model.remote().listeningProperty().not());
        MenuItem close =
                Controls.menuItem(
                        "_Close", "Shortcut+W", "mdi2c-close", e -> model.closeSelected());
        close.setId("menuClose");
        close.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem quit =
                Controls.menuItem(
                        "_Quit",
                        "Shortcut+Q",
                        "mdi2p-power",
                        e -> {
                            if (mayQuit.getAsBoolean()) {
                                onQuit.run();
                            }
                        });
        quit.setId("menuQuit");
        file.getItems()
                .addAll(
                        openItem,
                        openFolder,
                        journal,
                        recent,
                        new SeparatorMenuItem(),
                        follow,
                        merge,
                        new SeparatorMenuItem(),
                        listen,
                        stopListening,
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
            mi.setOnAction(e -> model.open(List.of(p)));
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
}
