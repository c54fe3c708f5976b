package dev.logsentry.ui.dock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import software.coley.bentofx.control.DragDropStage;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.DockContainer;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * The detached windows: opening one from a saved {@link WindowLayout}, capturing them all, closing
 * them when the perspective changes, and giving every one (also those BentoFX opens when a tab is
 * dropped outside any window) the workbench's keys, stylesheet and a title.
 */
final class DockWindows {
    private final DockBento bento;
    private final DockTreeCodec codec;
    private final Region host;
    private final Consumer<Scene> keys;
    private final List<Runnable> pending = new ArrayList<>();
    private final ObservableValue<Boolean> showing;

    DockWindows(DockBento bento, DockTreeCodec codec, Region host, Consumer<Scene> keys) {
        this.bento = bento;
        this.codec = codec;
        this.host = host;
        this.keys = keys;
        this.showing =
                host.sceneProperty()
                        .flatMap(Scene::windowProperty)
                        .flatMap(Window::showingProperty)
                        .orElse(false);
        showing.addListener(
                (o, was, now) -> {
                    if (now) {
                        List<Runnable> run = List.copyOf(pending);
                        pending.clear();
                        run.forEach(Runnable::run);
                    }
                });
        bento.stageBuilding()
                .setSceneFactory(
                        (source, content, width, height) -> {
                            Scene scene = new Scene(content, width, height);
                            styleLikeMain(scene);
                            return scene;
                        });
    }

    /**
     * A detached window looks like the main one: the main scene's stylesheets (the application's,
     * not only the docking layer's) and its root's pseudo-classes (the dark theme), kept in step.
     */
    private void styleLikeMain(Scene scene) {
        scene.getStylesheets().add(DockWorkbench.css());
        Scene main = host.getScene();
        if (main == null || main.getRoot() == null) {
            return;
        }
        main.getStylesheets().stream()
                .filter(css -> !scene.getStylesheets().contains(css))
                .forEach(scene.getStylesheets()::add);
        javafx.scene.Parent root = scene.getRoot();
        main.getRoot().getPseudoClassStates().forEach(p -> root.pseudoClassStateChanged(p, true));
        javafx.collections.SetChangeListener<javafx.css.PseudoClass> mirror =
                c -> {
                    if (c.wasAdded()) {
                        root.pseudoClassStateChanged(c.getElementAdded(), true);
                    }
                    if (c.wasRemoved()) {
                        root.pseudoClassStateChanged(c.getElementRemoved(), false);
                    }
                };
        // held by the detached root: the main root keeps only a weak reference to it. The set
        // Node returns is a fresh read-only view each time; kept too, so its listener lives.
        var states = main.getRoot().getPseudoClassStates();
        root.getProperties().put(DockWindows.class, List.of(mirror, states));
        states.addListener(new javafx.collections.WeakSetChangeListener<>(mirror));
    }

    /** Runs {@code action} now if the main window shows, else as soon as it does. */
    void whenShowing(Runnable action) {
        if (Boolean.TRUE.equals(showing.getValue())) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    void open(WindowLayout layout) {
        whenShowing(() -> show(layout));
    }

    private void show(WindowLayout layout) {
        DockContainerRootBranch root = bento.dockBuilding().root();
        List<DockStack> minimized = new ArrayList<>();
        codec.buildInto(root, layout.root(), minimized);
        if (root.getDockables().isEmpty()) {
            return;
        }
        DragDropStage stage = new DragDropStage(true);
        Scene scene = new Scene(root, layout.width(), layout.height());
        styleLikeMain(scene);
        stage.setScene(scene);
        Window owner = host.getScene().getWindow();
        if (owner instanceof Stage ownerStage) {
            stage.initOwner(ownerStage);
            stage.getIcons().setAll(ownerStage.getIcons());
        }
        stage.setMinWidth(150);
        stage.setMinHeight(100);
        if (!Double.isNaN(layout.x()) && !Double.isNaN(layout.y())) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.show();
        minimized.forEach(DockStack::minimize);
    }

    /** The main root and the roots of the detached windows that show. */
    List<DockContainerRootBranch> roots(DockContainerRootBranch main) {
        List<DockContainerRootBranch> roots = new ArrayList<>();
        roots.add(main);
        bento.getRootContainers().stream().filter(r -> r != main).forEach(roots::add);
        return roots;
    }

    List<WindowLayout> capture(DockContainerRootBranch main) {
        List<WindowLayout> layouts = new ArrayList<>();
        for (DockContainerRootBranch root : roots(main)) {
            if (root == main || root.getDockables().isEmpty() || root.getScene() == null) {
                continue;
            }
            Window w = root.getScene().getWindow();
            layouts.add(
                    new WindowLayout(
                            w.getX(), w.getY(), w.getWidth(), w.getHeight(), codec.capture(root)));
        }
        return layouts;
    }

    /** Empties and closes every detached window (the parts stay alive for the next layout). */
    void closeAll(DockContainerRootBranch main) {
        pending.clear();
        for (DockContainerRootBranch root : roots(main)) {
            if (root == main) {
                continue;
            }
            Window window = root.getScene() == null ? null : root.getScene().getWindow();
            for (Dockable d : List.copyOf(root.getDockables())) {
                d.getContainer().removeDockable(d);
            }
            if (window != null) {
                window.hide();
            }
        }
    }

    /** The stacks of a tree, depth first. */
    List<DockStack> stacks(DockContainer container) {
        List<DockStack> stacks = new ArrayList<>();
        if (container instanceof DockStack stack) {
            stacks.add(stack);
        } else {
            ((DockContainerBranch) container)
                    .getChildContainers()
                    .forEach(c -> stacks.addAll(stacks(c)));
        }
        return stacks;
    }

    boolean isMain(DockContainer container, DockContainerRootBranch main) {
        DockContainer c = container;
        while (c.getParentContainer() != null) {
            c = c.getParentContainer();
        }
        return c == main;
    }

    void toFront(DockStack stack) {
        Scene scene = stack.getScene();
        if (scene != null && scene.getWindow() instanceof Stage stage && scene != host.getScene()) {
            stage.toFront();
        }
    }

    void rootAdded(DockContainer root, DockContainerRootBranch main) {
        Scene scene = root.asRegion().getScene();
        if (root != main && scene != null && !scene.getProperties().containsKey(this)) {
            scene.getProperties().put(this, Boolean.TRUE);
            keys.accept(scene);
            refreshTitles(main);
        }
    }

    /** A detached window is titled after the views it holds. */
    void refreshTitles(DockContainerRootBranch main) {
        for (DockContainerRootBranch root : roots(main)) {
            if (root != main
                    && root.getScene() != null
                    && root.getScene().getWindow() instanceof Stage stage) {
                stage.setTitle(
                        root.getDockables().stream()
                                .map(Dockable::getTitle)
                                .collect(Collectors.joining(", ")));
            }
        }
    }
}
