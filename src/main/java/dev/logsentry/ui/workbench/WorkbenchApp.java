package dev.logsentry.ui.workbench;

import dev.logsentry.ui.common.FxDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Arguments: {@code --samples} opens the bundled sample logs; any other
 * argument is a file or folder to open. Without arguments the sources of the last session reopen.
 * The window layout, theme, columns and open sources are saved on exit and restored at start.
 */
public final class WorkbenchApp extends Application {
    private WorkbenchViewModel model;
    private WorkbenchWindow window;
    private WorkspaceStore store;

    private final List<String> samples = new ArrayList<>();

    @Override
    public void start(Stage stage) {
        Path config = ConfigDirs.configDir();
        store = new WorkspaceStore(config);
        WorkspaceState state = store.load();
        model = new WorkbenchViewModel(new FxDialogs(() -> stage), new RecentFiles(config));
        window = new WorkbenchWindow(stage, model);
        window.apply(state);
        stage.show();
        List<Path> initial = new ArrayList<>();
        boolean explicit = false;
        for (String arg : getParameters().getRaw()) {
            if (arg.equals("--samples")) {
                List<Path> extracted = SampleLogs.extract(model.messages());
                extracted.forEach(p -> samples.add(p.toString()));
                initial.addAll(extracted);
                explicit = true;
            } else if (!arg.startsWith("--")) {
                initial.add(Path.of(arg));
                explicit = true;
            }
        }
        if (!explicit) {
            state.openSources().stream().map(Path::of).filter(Files::exists).forEach(initial::add);
        }
        model.open(initial);
        if (!explicit && state.selectedSource() != null) {
            model.sources().stream()
                    .filter(s -> s.path().toString().equals(state.selectedSource()))
                    .findFirst()
                    .ifPresent(s -> model.selectedProperty().set(s));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            store.save(window.capture().without(samples));
        }
        if (model != null) {
            model.close();
        }
    }
}
