package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Level;
import dev.logsentry.testkit.FakeDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Shows the pattern editor's parts on a rule tree and a log, for screenshots until the workbench
 * hosts them: {@code java -cp ... RuleEditorDemo RULES_DIR LOG [dark] [FILE LINE NEWRULE]
 * [IGNORE-LINE PART...]}.
 */
public final class RuleEditorDemo {
    private RuleEditorDemo() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<InputLine> in = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args[1]), StandardCharsets.ISO_8859_1)) {
            in.add(InputLine.ofText("log", -1, l));
        }
        CheckLines lines = CheckLines.of(in, Profile.LOGCHECK_1_4);
        boolean dark = args.length > 2 && args[2].equals("dark");
        Platform.startup(
                () -> {
                    Application.setUserAgentStylesheet(
                            dark
                                    ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                                    : new atlantafx.base.theme.PrimerLight()
                                            .getUserAgentStylesheet());
                    RuleWorkspace ws =
                            new RuleWorkspace(
                                    root,
                                    null,
                                    Level.SERVER,
                                    CheckOptions.defaults(Profile.LOGCHECK_1_4),
                                    () -> lines);
                    TabPane editors = new TabPane();
                    RuleEditorParts parts =
                            new RuleEditorParts(
                                    ws,
                                    new FakeDialogs(),
                                    new RuleEditorParts.Host(
                                            (input, node) -> {
                                                Tab t = new Tab(input.title(), node);
                                                editors.getTabs().add(t);
                                                editors.getSelectionModel().select(t);
                                            },
                                            id -> {},
                                            l -> {}),
                                    Platform::runLater,
                                    RuleEditorParts.DEBOUNCE_MS);
                    TabPane bottom =
                            new TabPane(
                                    new Tab("Preview", parts.previewView()),
                                    new Tab("Test line", parts.testView()),
                                    new Tab("Rule health", parts.healthView()));
                    bottom.getTabs().forEach(t -> t.setClosable(false));
                    SplitPane top = new SplitPane(editors, parts.ignoreView());
                    top.setDividerPositions(0.58);
                    SplitPane all = new SplitPane(top, bottom);
                    all.setOrientation(Orientation.VERTICAL);
                    all.setDividerPositions(0.6);
                    Stage stage = new Stage();
                    stage.setTitle("LogSentry - Pattern editor");
                    stage.setScene(new Scene(new BorderPane(all), 1500, 950));
                    stage.show();
                    int a = 3;
                    if (args.length > a + 2) {
                        RuleFileEditorView v = parts.openFile(root.resolve(args[a]));
                        v.model().selectLine(Integer.parseInt(args[a + 1]));
                        if (!args[a + 2].isEmpty()) {
                            v.model().draftProperty().set(args[a + 2]);
                        }
                        a += 3;
                    }
                    if (args.length > a) {
                        parts.ignoreLinesLike(args[a], Verdict.UNUSUAL);
                        for (int k = a + 1; k < args.length; k++) {
                            if (args[k].startsWith("health")) {
                                parts.health().check();
                                bottom.getSelectionModel().select(2);
                            } else if (args[k].startsWith("test:")) {
                                parts.testLine(args[k].substring(5));
                                bottom.getSelectionModel().select(1);
                            } else if (args[k].equals("all")) {
                                parts.ignore()
                                        .draftProperty()
                                        .get()
                                        .variableParts()
                                        .forEach(i -> parts.ignore().toggle(i, true));
                            } else {
                                parts.ignore().toggle(Integer.parseInt(args[k]), true);
                            }
                        }
                    }
                });
    }
}
