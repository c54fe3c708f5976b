package dev.logsentry.ui.workbench;

import dev.logsentry.core.AppInfo;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the workbench. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle(AppInfo.NAME);
        stage.setScene(new Scene(new BorderPane(), 1280, 800));
        stage.show();
    }
}
