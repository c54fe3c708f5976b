package dev.logsentry.ui.dock;

import static dev.logsentry.ui.dock.DockLayouts.editorArea;
import static dev.logsentry.ui.dock.DockLayouts.horizontal;
import static dev.logsentry.ui.dock.DockLayouts.stack;
import static dev.logsentry.ui.dock.DockLayouts.vertical;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import software.coley.bentofx.control.Header;

/**
 * A small workbench for the docking tests: four Label views, two perspectives. "work": views a and
 * b on the left, c and d at the bottom, the editor area in the middle; "other": c on the left, a at
 * the bottom.
 */
final class DockFixture {
    final ViewRegistry views = new ViewRegistry();
    final SelectionService selection = new SelectionService();
    final DockWorkbench dock;
    final Menu windowMenu;
    final Stage stage;

    /** The names Save Perspective As offered, and what the "user" answers (default "Mine"). */
    final java.util.List<String> proposed = new java.util.concurrent.CopyOnWriteArrayList<>();

    volatile java.util.function.UnaryOperator<String> answer = current -> "Mine";

    DockFixture(Stage stage, String savedJson) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        for (String id : List.of("a", "b", "c", "d")) {
            String area = id.equals("a") || id.equals("b") ? "left" : "bottom";
            views.register(
                    ViewDescriptor.view(
                            id, "View " + id.toUpperCase(), null, area, () -> label(id), "work"));
        }
        dock = new DockWorkbench(views, selection);
        dock.addPerspective(
                PerspectiveDescriptor.of(
                        "work",
                        "Work",
                        null,
                        "Shortcut+Shift+W",
                        horizontal(
                                new double[] {0.25},
                                stack("left"),
                                vertical(new double[] {0.7}, editorArea(), stack("bottom")))));
        dock.addPerspective(
                PerspectiveDescriptor.of(
                        "other",
                        "Other",
                        null,
                        null,
                        horizontal(
                                new double[] {0.3},
                                stack("side", "c"),
                                vertical(new double[] {0.6}, editorArea(), stack("below", "a")))));
        if (savedJson == null) {
            dock.showPerspective("work");
        } else {
            dock.restoreState(DockJson.read(savedJson));
        }
        windowMenu =
                WindowMenu.create(
                        dock,
                        current -> {
                            proposed.add(current);
                            return Optional.of(answer.apply(current));
                        });
        BorderPane root = new BorderPane(dock.node());
        root.setTop(new MenuBar(windowMenu));
        Scene scene = new Scene(root, 1000, 700);
        dock.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Node label(String id) {
        Label label = new Label("content of " + id);
        label.setId("content-" + id);
        return label;
    }

    /** The tab header of a part, in whichever window it is. */
    static Header header(FxRobot robot, String id) {
        return robot.lookup(
                        n -> n instanceof Header h && h.getDockable().getIdentifier().equals(id))
                .queryAs(Header.class);
    }

    /** The main layout as "stack: ids" lines, ignoring sizes, for comparing arrangements. */
    static String describe(LayoutNode node) {
        return DockLayouts.stacks(node)
                .map(
                        s ->
                                s.id()
                                        + (s.minimized() ? " (min)" : "")
                                        + ": "
                                        + String.join(",", s.views()))
                .collect(Collectors.joining("\n"));
    }

    String main() {
        return describe(dock.captureLayout().main());
    }

    /** The stack holding a part, as its list of part ids. */
    List<String> stackOf(String id) {
        PerspectiveLayout layout = dock.captureLayout();
        return DockLayouts.stacks(layout)
                .filter(s -> s.views().contains(id))
                .findFirst()
                .map(LayoutNode.Stack::views)
                .orElse(List.of());
    }
}
