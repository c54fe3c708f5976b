package dev.logsentry.ui.summary;

import dev.logsentry.core.summary.SummaryInput;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows the Summary view alone on the logs given as arguments (files or multilog directories), for
 * README screenshots until the workbench hosts it: {@code java -cp ... SummaryViewDemo LOG...}.
 */
public final class SummaryViewDemo {
    private SummaryViewDemo() {}

    public static void main(String[] args) {
        Platform.startup(
                () -> {
                    Application.setUserAgentStylesheet(
                            new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                    SummaryViewModel model = new SummaryViewModel();
                    for (String a : args) {
                        Path p = Path.of(a);
                        model.inputs()
                                .add(
                                        p.toFile().isDirectory()
                                                ? new SummaryInput.Multilog(p)
                                                : new SummaryInput.LogFile(p));
                    }
                    model.rangeProperty().set("All");
                    SummaryView view = new SummaryView(model, Executors.newSingleThreadExecutor());
                    Stage stage = new Stage();
                    stage.setTitle("LogSentry - Summary");
                    stage.setScene(new Scene(view, 1200, 760));
                    stage.show();
                    model.run(Executors.newSingleThreadExecutor());
                });
    }
}
