package dev.logsentry.ui.dock;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.PropertyValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A look at the docking layer with stand-in views, for screenshots under Xvfb (test scope only, not
 * in the product): {@code DockDemo [dark] [detach] [dns] [progress] [maximize]}.
 */
public final class DockDemo {
    private DockDemo() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            Application.setUserAgentStylesheet(
                    args.contains("dark")
                            ? new PrimerDark().getUserAgentStylesheet()
                            : new PrimerLight().getUserAgentStylesheet());
            ViewRegistry views = new ViewRegistry();
            JobRegistry jobs = new JobRegistry();
            for (StandardView v : StandardView.values()) {
                views.register(v.with(() -> content(v, jobs)));
            }
            DockWorkbench dock = new DockWorkbench(views, new SelectionService());
            StandardPerspectives.all().forEach(dock::addPerspective);
            dock.showPerspective(
                    args.contains("dns") ? StandardPerspectives.DNS : StandardPerspectives.EVENTS);
            dock.openEditor(
                    new EditorInput(
                            "log:/var/log/syslog",
                            "syslog",
                            "/var/log/syslog",
                            "mdi2f-file-document-outline",
                            null),
                    table());
            dock.openEditor(
                    new EditorInput(
                            "log:/var/log/auth.log",
                            "auth.log",
                            "/var/log/auth.log",
                            "mdi2f-file-document-outline",
                            null),
                    table());
            Menu window = WindowMenu.create(dock, current -> Optional.of(current + " copy"));
            BorderPane root = new BorderPane(dock.node());
            root.setTop(
                    new MenuBar(new Menu("_File"), new Menu("_Edit"), window, new Menu("_Help")));
            Scene scene = new Scene(root, 1280, 800);
            dock.install(scene);
            stage.setScene(scene);
            stage.setTitle("LogSentry dock demo");
            stage.show();
            runJob(jobs, "Indexing /var/log/syslog", 0.42);
            runJob(jobs, "Classifying auth.log", 0.8);
            if (args.contains("detach")) {
                Platform.runLater(() -> dock.detach(StandardView.DETAILS.id()));
            }
            if (args.contains("progress")) {
                Platform.runLater(() -> dock.showView(StandardView.PROGRESS.id()));
            }
            if (args.contains("maximize")) {
                Platform.runLater(() -> dock.toggleMaximize("log:/var/log/syslog"));
            }
        }

        private static void runJob(JobRegistry jobs, String name, double at) {
            Task<Void> task =
                    new Task<>() {
                        @Override
                        protected Void call() throws Exception {
                            updateProgress(at, 1);
                            updateMessage((int) (at * 100) + "% done");
                            while (!isCancelled()) {
                                Thread.sleep(200);
                            }
                            return null;
                        }
                    };
            jobs.track(name, task);
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        }

        private static Node content(StandardView view, JobRegistry jobs) {
            return switch (view) {
                case PROGRESS -> new ProgressView(jobs);
                case SOURCES ->
                        tree(
                                "Logs",
                                "/var/log/syslog",
                                "/var/log/auth.log",
                                "/var/log/dnscache/current");
                case RULES_TREE ->
                        tree("/etc/logcheck", "cracking.d", "violations.d", "ignore.d.server");
                case DNS_QUERIES, EVENTS -> table();
                case PROBLEMS ->
                        new ListView<>(
                                FXCollections.observableArrayList(
                                        "auth.log: line 12,044 is not valid UTF-8 (shown with replacements)"));
                default -> placeholder(view.title());
            };
        }

        private static Node tree(String root, String... children) {
            TreeItem<String> item = new TreeItem<>(root);
            for (String c : children) {
                item.getChildren().add(new TreeItem<>(c));
            }
            item.setExpanded(true);
            return new TreeView<>(item);
        }

        private static Node placeholder(String title) {
            Label label = new Label(title + " view");
            StackPane pane = new StackPane(label);
            pane.setAlignment(Pos.CENTER);
            return pane;
        }

        private static TableView<Row> table() {
            TableView<Row> table = new TableView<>();
            String[] names = {"time", "host", "program", "message"};
            for (String n : names) {
                TableColumn<Row, String> c =
                        new TableColumn<>(n.substring(0, 1).toUpperCase() + n.substring(1));
                c.setCellValueFactory(new PropertyValueFactory<>(n));
                table.getColumns().add(c);
            }
            for (int i = 0; i < 40; i++) {
                table.getItems()
                        .add(
                                new Row(
                                        String.format("Dec  4 08:%02d:%02d", i / 60, i % 60),
                                        "gw",
                                        i % 3 == 0
                                                ? "sshd[" + (900 + i) + "]"
                                                : "postfix/smtpd[412]",
                                        i % 3 == 0
                                                ? "Failed password for invalid user admin from 203.0.113."
                                                        + i
                                                : "connect from unknown[198.51.100." + i + "]"));
            }
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            return table;
        }
    }

    /** A stand-in log row. */
    public record Row(String time, String host, String program, String message) {
        public String getTime() {
            return time;
        }

        public String getHost() {
            return host;
        }

        public String getProgram() {
            return program;
        }

        public String getMessage() {
            return message;
        }
    }
}
