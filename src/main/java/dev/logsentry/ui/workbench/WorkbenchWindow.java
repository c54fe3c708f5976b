package dev.logsentry.ui.workbench;

import dev.logsentry.core.AppInfo;
import dev.logsentry.ui.common.Controls;
import dev.logsentry.ui.common.Icons;
import dev.logsentry.ui.dns.DnsView;
import dev.logsentry.ui.dock.DockWorkbench;
import dev.logsentry.ui.dock.JobRegistry;
import dev.logsentry.ui.dock.StandardView;
import dev.logsentry.ui.dock.WindowMenu;
import dev.logsentry.ui.events.EventsView;
import dev.logsentry.ui.rules.RulesView;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourcesView;
import java.io.File;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;

/**
 * The one window of the workbench: menu bar, tool bar with the perspective switcher, the Sources
 * view on the left, the current perspective (Events, DNS, Rules) in the centre, and the status bar.
 * Files and folders dropped anywhere on it open, through the same {@link #openDropped} path the
 * tests use.
 */
public final class WorkbenchWindow {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final Stage stage;
    private final WorkbenchViewModel model;
    private final WorkbenchActions actions;
    private final BorderPane root = new BorderPane();
    private final SourcesView sourcesView;
    private final EventsView eventsView;
    private final RulesView rulesView;
    private final Map<Perspective, ToggleButton> perspectiveButtons =
            new EnumMap<>(Perspective.class);
    private final ObjectProperty<Perspective> perspective =
            new SimpleObjectProperty<>(Perspective.EVENTS);
    private final WorkbenchDock dock;
    private double sourcesDivider = 0.2;
    private final List<MenuItem> allItems = new ArrayList<>();
    private Theme theme = Theme.LIGHT;

    public WorkbenchWindow(Stage stage, WorkbenchViewModel model) {
        this.stage = stage;
        this.model = model;
        this.actions = new WorkbenchActions(stage, model);
        this.sourcesView = new SourcesView(model.sourcesModel());
        this.eventsView = new EventsView(model.events());
        this.rulesView = new RulesView(model.rules());
        DnsView dnsView = new DnsView(model.dns());
        this.dock =
                new WorkbenchDock(
                        model,
                        sourcesView,
                        eventsView,
                        rulesView,
                        dnsView,
                        WorkbenchWindow::daemon);
        new WorkbenchJobs(dock.jobs(), model);
        new LogEditors(model, dock.dock(), eventsView);
        WorkbenchMenus.install(
                model,
                eventsView,
                sourcesView,
                rulesView,
                dock.ruleEditing(),
                () -> dock.dock().showView(StandardView.SOURCES.id()),
                () -> perspective.set(Perspective.EVENTS));
        actions.setQuitGuard(this::mayQuit);
        stage.setOnCloseRequest(
                e -> {
                    if (!mayQuit()) {
                        e.consume();
                    }
                });

        root.setId("workbench");
        setTheme(Theme.LIGHT);
        root.setTop(new VBox(menuBar(), toolBar()));
        MessageBar messages = new MessageBar(model.messages(), model::dismiss);
        VBox centre = new VBox(messages, dock.node());
        VBox.setVgrow(dock.node(), Priority.ALWAYS);
        root.setCenter(centre);
        root.setBottom(WorkbenchStatusBar.create(model, dock.jobs()));
        perspective.addListener((obs, old, now) -> showPerspective(now));
        dock.dock()
                .perspectiveProperty()
                .addListener(
                        (obs, old, now) -> {
                            Perspective p =
                                    now == null ? null : WorkbenchDock.perspective(now.id());
                            if (p != null) {
                                perspective.set(p);
                            }
                        });
        showPerspective(perspective.get());
        model.requestedPerspective()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null) {
                                // after the selection change that asked for it has reached every
                                // listener (the editor tabs), so the switch keeps that editor
                                // active
                                javafx.application.Platform.runLater(() -> perspective.set(now));
                            }
                        });
        installDragAndDrop();
        Scene scene = new Scene(root, 1280, 800);
        // Ctrl+F finds in the perspective on screen: the DNS query search there
        KeyCombination find = KeyCombination.keyCombination("Shortcut+F");
        scene.addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> {
                    if (perspective.get() == Perspective.DNS && find.match(e)) {
                        dnsView.focusSearch();
                        e.consume();
                    }
                });
        scene.getStylesheets().add(css());
        dock.dock().install(scene);
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

    public EventsView events() {
        return eventsView;
    }

    /** The list of the Sources view (for tests). */
    public javafx.scene.control.ListView<SourceItem> sourcesList() {
        return sourcesView.list();
    }

    /** The hosted pattern editor, or null when it found no rules to edit. */
    RuleEditing ruleEditing() {
        return dock.ruleEditing();
    }

    public RulesView rules() {
        return rulesView;
    }

    public ObjectProperty<Perspective> perspectiveProperty() {
        return perspective;
    }

    /** The docking layer: views, editors, perspectives and their layouts. */
    public DockWorkbench dock() {
        return dock.dock();
    }

    /** The background jobs the Progress view lists. */
    public JobRegistry jobs() {
        return dock.jobs();
    }

    private static void daemon(Runnable work) {
        Thread t = new Thread(work, "logsentry-summary");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Opens what was dropped (rule files as rule editors, the rest as logs); the drag-and-drop
     * handler and the tests both call this.
     */
    public void openDropped(List<File> files) {
        List<java.nio.file.Path> paths = files.stream().map(File::toPath).toList();
        model.open(ruleEditing() == null ? paths : ruleEditing().openRuleFiles(paths));
    }

    /**
     * Opens a rule file as an editor tab (Rules perspective) at its 1-based {@code line}, 0 for its
     * first rule; false, after a message naming the file, when there is no pattern editor or the
     * file cannot be read.
     */
    public boolean openRuleFile(java.nio.file.Path file, int line) {
        return ruleEditing() != null && ruleEditing().openRuleFile(file, line);
    }

    /** Whether the window may close: unsaved rule edits were saved or let go (or none). */
    private boolean mayQuit() {
        return ruleEditing() == null || ruleEditing().confirmCloseAll();
    }

    /** Applies remembered window geometry, theme, perspective, splits and columns. */
    public void apply(WorkspaceState state) {
        var w = state.window();
        stage.setWidth(w.width());
        stage.setHeight(w.height());
        if (!Double.isNaN(w.x()) && !Double.isNaN(w.y())) {
            stage.setX(w.x());
            stage.setY(w.y());
        }
        stage.setMaximized(w.maximized());
        setTheme(state.theme());
        if (state.dock() != null) {
            try {
                dock.dock().restoreState(state.dock());
            } catch (RuntimeException e) {
                // a layout from another version that no longer fits: keep the defaults
                dock.dock().showPerspective(WorkbenchDock.id(state.perspective()));
            }
        } else {
            perspective.set(state.perspective());
        }
        sourcesDivider = state.sourcesDivider();
        var events = model.events();
        events.hideIgnoredProperty().set(state.hideIgnored());
        model.remote().alertViolationsProperty().set(state.notifyViolations());
        if (state.rulesDirectory() != null) {
            events.rules().rulesDirectoryProperty().set(state.rulesDirectory());
        }
        try {
            events.rules().levelProperty().set(dev.logsentry.core.rules.Level.parse(state.level()));
        } catch (IllegalArgumentException e) {
            // an unknown level in an old file: keep the default
        }
        eventsView.apply(
                new EventsView.Layout(
                        state.detailsDivider(),
                        state.columns().stream()
                                .map(c -> new EventsView.Column(c.id(), c.width(), c.visible()))
                                .toList()));
    }

    /** The state to remember: everything {@link #apply} restores, plus the open sources. */
    public WorkspaceState capture() {
        var geometry =
                new WorkspaceState.WindowGeometry(
                        stage.getX(),
                        stage.getY(),
                        stage.getWidth(),
                        stage.getHeight(),
                        stage.isMaximized());
        List<String> open =
                model.sources().stream()
                        .filter(s -> s.remoteProperty().get() == null) // a host comes back live
                        .map(s -> s.path().toString())
                        .toList();
        SourceItem selected = model.selectedProperty().get();
        EventsView.Layout layout = eventsView.capture();
        return new WorkspaceState(
                geometry,
                theme,
                perspective.get(),
                open,
                selected == null ? null : selected.path().toString(),
                sourcesDivider,
                layout.detailsDivider(),
                layout.columns().stream()
                        .map(c -> new WorkspaceState.ColumnState(c.id(), c.width(), c.visible()))
                        .toList(),
                model.events().rules().rulesDirectoryProperty().get(),
                model.events().rules().levelProperty().get().name().toLowerCase(),
                model.events().hideIgnoredProperty().get(),
                dock.dock().captureState(),
                model.remote().alertViolationsProperty().get());
    }

    private static String css() {
        var url = WorkbenchWindow.class.getResource(Theme.APP_CSS);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + Theme.APP_CSS);
        }
        return url.toExternalForm();
    }

    private void showPerspective(Perspective p) {
        // rebuilding the layout may activate another log's tab: the selected log stays selected
        SourceItem keep = model.selectedProperty().get();
        if (p == Perspective.DNS && (keep == null || !keep.isDnscache())) {
            // the DNS views show the selected dnscache log: switching there with a syslog selected
            // showed "open but not selected"; the first open dnscache log is what is asked for
            keep = model.sources().stream().filter(SourceItem::isDnscache).findFirst().orElse(keep);
        }
        dock.dock().showPerspective(WorkbenchDock.id(p));
        if (keep != null
                && model.sources().contains(keep)
                && model.selectedProperty().get() != keep) {
            model.selectedProperty().set(keep);
        }
        ToggleButton b = perspectiveButtons.get(p);
        if (b != null && !b.isSelected()) {
            b.setSelected(true);
        }
    }

    private MenuBar menuBar() {
        Menu file = actions.fileMenu();
        Menu view = new Menu("_View");
        MenuItem toggleTheme =
                Controls.menuItem(
                        "Toggle _Dark Theme",
                        "Shortcut+Shift+D",
                        "mdi2t-theme-light-dark",
                        e -> setTheme(theme.other()));
        MenuItem focusSources =
                Controls.menuItem(
                        "Focus _Sources",
                        "Shortcut+1",
                        null,
                        e -> {
                            dock.dock().showView(StandardView.SOURCES.id());
                            sourcesView.list().requestFocus();
                        });
        view.getItems().addAll(toggleTheme, new SeparatorMenuItem(), focusSources);
        Menu events = eventsView.menu();
        WorkbenchMenus.addRuleEditorItems(file, events, model, eventsView, dock.ruleEditing());
        Menu help = new Menu("_Help");
        MenuItem keys =
                Controls.menuItem(
                        "_Keyboard Shortcuts",
                        "F1",
                        "mdi2k-keyboard-outline",
                        e -> Shortcuts.show(stage, Shortcuts.of(allItems)));
        MenuItem about =
                Controls.menuItem(
                        "_About LogSentry",
                        null,
                        "mdi2i-information-outline",
                        e -> actions.showAbout());
        about.setId("menuAbout");
        keys.setId("menuShortcuts");
        help.getItems().addAll(keys, about);
        Menu window = WindowMenu.create(dock.dock(), this::askPerspectiveName);
        MenuBar bar = new MenuBar(file, view, events, window, help);
        bar.setId("menuBar");
        for (Menu m : bar.getMenus()) {
            collect(m);
        }
        return bar;
    }

    private java.util.Optional<String> askPerspectiveName(String current) {
        TextInputDialog ask = new TextInputDialog(current);
        ask.initOwner(stage);
        ask.setTitle("Save Perspective As");
        ask.setHeaderText("Save the current layout as a perspective named:");
        return ask.showAndWait();
    }

    /** Replaces what File > Quit does (ending the application); for tests. */
    public void setOnQuit(Runnable action) {
        actions.setOnQuit(action);
    }

    /** Every menu item of the menu bar (sub-menus flattened), for the shortcut list. */
    public List<MenuItem> menuItems() {
        return List.copyOf(allItems);
    }

    private void collect(Menu menu) {
        for (MenuItem mi : menu.getItems()) {
            if (mi instanceof Menu sub) {
                collect(sub);
            } else {
                allItems.add(mi);
            }
        }
    }

    private ToolBar toolBar() {
        var open =
                Controls.toolButton(
                        "mdi2f-file-document-outline",
                        "Open a log file (Ctrl+O)",
                        e -> model.chooseFiles());
        open.setId("toolOpen");
        var folder =
                Controls.toolButton(
                        "mdi2f-folder-open-outline",
                        "Open a folder (Ctrl+Shift+O)",
                        e -> model.chooseFolder());
        var close =
                Controls.toolButton(
                        "mdi2c-close-box-outline",
                        "Close the selected source (Ctrl+W)",
                        e -> model.closeSelected());
        close.disableProperty().bind(model.selectedProperty().isNull());
        var follow =
                Controls.toolButton(
                        "mdi2p-play-circle-outline",
                        "Follow new lines of the selected source, like tail -f (Ctrl+L)",
                        e -> model.toggleFollow());
        follow.setId("toolFollow");
        follow.disableProperty().bind(model.selectedProperty().isNull());
        SegmentedButton switcher = new SegmentedButton();
        switcher.setId("perspectiveSwitcher");
        for (Perspective p : Perspective.values()) {
            ToggleButton b = new ToggleButton(p.title(), Icons.icon(p.icon()));
            b.setId("perspective" + p.name());
            b.setTooltip(
                    new Tooltip(
                            p.title()
                                    + " perspective ("
                                    + p.accelerator().replace("Shortcut", "Ctrl")
                                    + ")"));
            b.setOnAction(
                    e -> {
                        perspective.set(p);
                        b.setSelected(true);
                    });
            perspectiveButtons.put(p, b);
            switcher.getButtons().add(b);
        }
        perspectiveButtons.get(perspective.get()).setSelected(true);
        var theme =
                Controls.toolButton(
                        "mdi2t-theme-light-dark",
                        "Light or dark theme (Ctrl+Shift+D)",
                        e -> setTheme(this.theme.other()));
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, folder, follow, close, new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(eventsView.toolItems());
        bar.getItems().addAll(spacer, switcher, new Separator(Orientation.VERTICAL), theme);
        bar.setId("toolBar");
        return bar;
    }

    private void setTheme(Theme t) {
        theme = t;
        theme.apply();
        root.pseudoClassStateChanged(DARK, theme == Theme.DARK);
    }

    public Theme theme() {
        return theme;
    }

    private void installDragAndDrop() {
        root.setOnDragOver(
                e -> {
                    if (e.getDragboard().hasFiles()) {
                        e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                    }
                    e.consume();
                });
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
}
