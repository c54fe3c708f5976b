package dev.logsentry.ui.workbench;

import dev.logsentry.ui.sources.CoreSourceOpener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Arguments: {@code --samples} opens the bundled sample logs; any other
 * argument is a file or folder to open.
 */
public final class WorkbenchApp extends Application {
    private WorkbenchViewModel model;

    @Override
    public void start(Stage stage) {
        Theme.LIGHT.apply();
        model =
                new WorkbenchViewModel(
                        new CoreSourceOpener(), new RecentFiles(ConfigDirs.configDir()));
        WorkbenchWindow window = new WorkbenchWindow(stage, model);
        stage.show();
        List<Path> initial = new ArrayList<>();
        for (String arg : getParameters().getRaw()) {
            if (arg.equals("--samples")) {
                initial.addAll(SampleLogs.extract(model.messages()));
            } else if (!arg.startsWith("--")) {
                initial.add(Path.of(arg));
            }
        }
        window.stage().toFront();
        model.open(initial);
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }
}
