package dev.logsentry.ui.dock;

import dev.logsentry.ui.common.Icons;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/**
 * The Window menu, Eclipse's shape: Show View (every registered view), the perspectives, Next
 * Perspective, Save Perspective As..., Reset Perspective, and the part commands (maximise,
 * minimise, detach or dock, the editor and view lists). The menu follows the registry and the
 * perspective list as they change. {@code askName} asks for a perspective name (a dialog in the
 * workbench, a canned answer in tests).
 */
public final class WindowMenu {
    private WindowMenu() {}

    public static Menu create(DockWorkbench workbench, Function<String, Optional<String>> askName) {
        Menu menu = new Menu("_Window");
        menu.setId("windowMenu");
        Runnable rebuild = () -> fill(menu, workbench, askName);
        rebuild.run();
        workbench.views().onChange(rebuild);
        workbench
                .perspectives()
                .addListener((ListChangeListener<PerspectiveDescriptor>) c -> rebuild.run());
        workbench.perspectiveProperty().addListener((o, was, now) -> rebuild.run());
        menu.setOnShowing(e -> rebuild.run());
        return menu;
    }

    private static void fill(
            Menu menu, DockWorkbench workbench, Function<String, Optional<String>> askName) {
        Menu showView = new Menu("Show _View");
        showView.setId("showViewMenu");
        for (ViewDescriptor view : workbench.views().all()) {
            if (view.editor()) {
                continue;
            }
            MenuItem item = item(view.title(), null, view.icon());
            item.setId("showView-" + view.id());
            item.setOnAction(e -> workbench.showView(view.id()));
            showView.getItems().add(item);
        }
        menu.getItems().setAll(showView, new SeparatorMenuItem());

        ToggleGroup group = new ToggleGroup();
        for (PerspectiveDescriptor p : workbench.perspectives()) {
            RadioMenuItem item = new RadioMenuItem(p.title() + " Perspective");
            item.setId("perspective-" + p.id());
            item.setToggleGroup(group);
            if (p.accelerator() != null) {
                item.setAccelerator(KeyCombination.keyCombination(p.accelerator()));
            }
            if (p.icon() != null) {
                item.setGraphic(Icons.icon(p.icon()));
            }
            item.setSelected(p.equals(workbench.perspectiveProperty().get()));
            item.setOnAction(e -> workbench.showPerspective(p.id()));
            menu.getItems().add(item);
        }
        MenuItem next = item("Next Perspective", "Shortcut+F8", null);
        next.setOnAction(e -> workbench.nextPerspective());
        MenuItem save = item("Save Perspective _As...", null, "mdi2c-content-save-outline");
        save.setId("savePerspectiveAs");
        save.setOnAction(
                e -> {
                    PerspectiveDescriptor current = workbench.perspectiveProperty().get();
                    askName.apply(proposal(workbench, current))
                            .map(String::strip)
                            .filter(name -> !name.isEmpty())
                            .map(name -> unlikeBuiltIn(workbench, name))
                            .ifPresent(workbench::savePerspectiveAs);
                });
        MenuItem reset = item("_Reset Perspective", null, "mdi2b-backup-restore");
        reset.setId("resetPerspective");
        reset.setOnAction(e -> workbench.resetPerspective());
        menu.getItems().addAll(next, save, reset, new SeparatorMenuItem());

        MenuItem maximize = item("Maximize or Restore Active Part", "Shortcut+M", null);
        maximize.setId("toggleMaximize");
        maximize.setOnAction(e -> workbench.activePart().ifPresent(workbench::toggleMaximize));
        MenuItem minimize = item("Minimize Active View", null, null);
        minimize.setId("minimize");
        minimize.setOnAction(e -> workbench.activePart().ifPresent(workbench::minimize));
        MenuItem detach = item("Detach or Dock Active Part", null, null);
        detach.setId("detachOrDock");
        detach.setOnAction(
                e ->
                        workbench
                                .activePart()
                                .ifPresent(
                                        id -> {
                                            if (!workbench.dock(id)) {
                                                workbench.detach(id);
                                            }
                                        }));
        MenuItem editors = item("Switch to Editor...", "Shortcut+F6", null);
        editors.setOnAction(e -> PartSwitcher.open(workbench, true));
        MenuItem partViews = item("Switch to View...", "Shortcut+F7", null);
        partViews.setOnAction(e -> PartSwitcher.open(workbench, false));
        menu.getItems().addAll(maximize, minimize, detach, editors, partViews);
    }

    private static MenuItem item(String text, String accelerator, String icon) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        if (icon != null) {
            item.setGraphic(Icons.icon(icon));
        }
        return item;
    }

    /**
     * The name offered: a saved perspective's own (to replace it), else "My" and the built-in's
     * title (offering the built-in's own title made a second "Events" beside the first).
     */
    static String proposal(DockWorkbench workbench, PerspectiveDescriptor current) {
        if (current == null) {
            return "";
        }
        return builtIn(workbench, current.title()) ? "My " + current.title() : current.title();
    }

    /** A name of a built-in perspective gets "(mine)": two perspectives never share a title. */
    static String unlikeBuiltIn(DockWorkbench workbench, String name) {
        return builtIn(workbench, name) ? name + " (mine)" : name;
    }

    private static boolean builtIn(DockWorkbench workbench, String title) {
        return workbench.perspectives().stream()
                .anyMatch(p -> !p.id().startsWith("custom:") && p.title().equals(title));
    }
}
