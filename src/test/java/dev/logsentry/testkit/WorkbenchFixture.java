package dev.logsentry.testkit;

import dev.logsentry.ui.common.Dialogs;
import dev.logsentry.ui.dock.DockLayouts;
import dev.logsentry.ui.dock.LayoutNode;
import dev.logsentry.ui.workbench.RecentFiles;
import dev.logsentry.ui.workbench.WorkbenchViewModel;
import dev.logsentry.ui.workbench.WorkbenchWindow;
import dev.logsentry.ui.workbench.WorkspaceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * The whole workbench on TestFX's primary stage, as a person meets it: a fresh model with its own
 * recent-files folder, the window built and shown before each test; after it the model closed
 * (background work stopped), every other window a test opened closed, the folder deleted.
 *
 * <p>Register it next to TestFX's extension, which must come first (it makes the stage):
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class FooTest {
 *     private final FakeDialogs dialogs = new FakeDialogs();
 *     @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(dialogs);
 * }
 * }</pre>
 */
public final class WorkbenchFixture implements BeforeEachCallback, AfterEachCallback {
    /** Makes the model for one test from its recent-files store. */
    @FunctionalInterface
    public interface ModelFactory {
        WorkbenchViewModel create(RecentFiles recent) throws Exception;
    }

    private final ModelFactory factory;
    private Consumer<WorkbenchWindow> configure = w -> {};
    private Runnable afterClose = () -> {};
    private double width = Double.NaN;
    private double height = Double.NaN;
    private Path config;
    private Stage stage;
    private WorkbenchViewModel model;
    private WorkbenchWindow window;

    /** The default workbench over this machine's files, asking {@code dialogs}. */
    public WorkbenchFixture(Dialogs dialogs) {
        this(recent -> new WorkbenchViewModel(dialogs, recent));
    }

    /** A workbench whose model a test makes itself (its own workspace, rules, machine). */
    public WorkbenchFixture(ModelFactory factory) {
        this.factory = factory;
    }

    /** Runs {@code step} on the new window before it is shown (a quit hook, for example). */
    public WorkbenchFixture configure(Consumer<WorkbenchWindow> step) {
        this.configure = step;
        return this;
    }

    /** Runs {@code step} after the model is closed (a test's own executor shut down, say). */
    public WorkbenchFixture afterClose(Runnable step) {
        this.afterClose = step;
        return this;
    }

    /** Shows the window at this size instead of the one an earlier test class left. */
    public WorkbenchFixture size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public WorkbenchViewModel model() {
        return model;
    }

    public WorkbenchWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** The stack of the current perspective that holds the view or editor {@code partId}. */
    public LayoutNode.Stack stackOf(String partId) throws Exception {
        return Fx.onFx(
                () -> {
                    var state = window.dock().captureState();
                    return DockLayouts.stacks(state.layouts().get(state.perspective()))
                            .filter(st -> st.views().contains(partId))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no stack holds " + partId));
                });
    }

    /**
     * A restart as the user makes one: this model closed, every other window closed, then a model
     * from the same factory over the recent-files folder {@code configDir} and a new window on the
     * same stage given {@code saved}, shown. The fixture closes the new model after the test.
     */
    public WorkbenchWindow restart(Path configDir, WorkspaceState saved) throws Exception {
        FxToolkit.setupFixture(
                () -> {
                    closeModelAndOtherWindows();
                    model = factory.create(new RecentFiles(configDir));
                    window = new WorkbenchWindow(stage, model);
                    window.apply(saved);
                    stage.show();
                    return null;
                });
        return window;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        config = Files.createTempDirectory("logsentry-config");
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(
                () -> {
                    model = factory.create(new RecentFiles(config));
                    window = new WorkbenchWindow(stage, model);
                    configure.accept(window);
                    if (!Double.isNaN(width)) {
                        stage.setWidth(width);
                        stage.setHeight(height);
                    }
                    stage.show();
                    return null;
                });
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            FxToolkit.setupFixture(this::closeModelAndOtherWindows);
            afterClose.run();
        } finally {
            deleteTree(config);
        }
    }

    private void closeModelAndOtherWindows() {
        if (model != null) {
            model.close();
        }
        List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage)
                .forEach(w -> ((Stage) w).close());
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
