package dev.logsentry.ui.remote;

import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.remote.TestReceivers;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.workbench.RecentFiles;
import dev.logsentry.ui.workbench.WorkbenchViewModel;
import dev.logsentry.ui.workbench.WorkbenchWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.net.ssl.SSLSocket;

/**
 * The workbench listening for remote hosts while three servers send, for the README's screenshot:
 * {@code java -cp ... RemoteHostsDemo WORKDIR}. The senders are TLS clients in this process.
 */
public final class RemoteHostsDemo {
    private RemoteHostsDemo() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Files.createDirectories(work);
        Path local = work.resolve("auth.log");
        Files.writeString(
                local,
                "Dec  4 09:58:01 admin sshd[811]: Accepted publickey for root from 192.0.2.9 port"
                        + " 50122 ssh2\n"
                        + "Dec  4 09:59:12 admin sudo:    alice : TTY=pts/0 ; PWD=/home/alice ;"
                        + " USER=root ; COMMAND=/usr/bin/apt update\n");
        WorkbenchViewModel[] model = new WorkbenchViewModel[1];
        Platform.startup(
                () -> {
                    Stage stage = new Stage();
                    try {
                        model[0] =
                                new WorkbenchViewModel(
                                        new FakeDialogs(),
                                        new RecentFiles(work.resolve("config")),
                                        null,
                                        null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    model[0].remote()
                            .useMachine(
                                    new SettingsResolver(
                                            Map.of(), null, work.resolve("state"), "admin"));
                    WorkbenchWindow w = new WorkbenchWindow(stage, model[0]);
                    w.setOnQuit(Platform::exit);
                    stage.setWidth(1400);
                    stage.setHeight(900);
                    stage.show();
                    model[0].open(local);
                    model[0].remote()
                            .start(
                                    new ListenRequest(
                                            true,
                                            "127.0.0.1",
                                            0,
                                            work.resolve("spool"),
                                            null,
                                            null,
                                            new char[0],
                                            false));
                });
        while (model[0] == null) {
            Thread.sleep(50);
        }
        int port = awaitPort(model[0]);
        Thread.sleep(1500);
        Platform.runLater(
                () -> {
                    for (Window w : List.copyOf(Window.getWindows())) {
                        if (w instanceof Stage s
                                && "Listening for Remote Hosts".equals(s.getTitle())) {
                            s.close();
                        }
                    }
                });
        send(
                port,
                "web1",
                List.of(
                        "<30>1 - web1 systemd 1 - - Started Daily apt download activities.",
                        "<86>1 - web1 sshd 2211 - - Accepted publickey for deploy from 198.51.100.4 port 41022 ssh2",
                        "<14>1 - web1 nginx 900 - - upstream timed out (110: Connection timed out) while reading response header"));
        send(
                port,
                "db1",
                List.of(
                        "<30>1 - db1 postgres 77 - - checkpoint complete: wrote 1200 buffers",
                        "<30>1 - db1 CRON 1408 - - (root) CMD (/usr/local/bin/backup.sh)"));
        send(
                port,
                "mail",
                List.of(
                        "<22>1 - mail postfix/smtpd 3101 - - connect from unknown[203.0.113.77]",
                        "<22>1 - mail postfix/smtpd 3101 - - lost connection after AUTH from unknown[203.0.113.77]"));
        Thread.sleep(2500);
        Platform.runLater(
                () -> {
                    for (SourceItem s : model[0].sources()) {
                        if (s.nameProperty().get().startsWith("web1")) {
                            model[0].selectedProperty().set(s);
                        }
                    }
                });
        Thread.sleep(1500);
        send(
                port,
                "web1",
                List.of(
                        "<4>1 - web1 kernel - - - device eth0 entered promiscuous mode",
                        "<4>1 - web1 kernel - - - Oversized packet received from 203.0.113.50",
                        "<86>1 - web1 sshd 2290 - - Failed password for invalid user admin from 203.0.113.50 port 51514 ssh2"));
    }

    private static int awaitPort(WorkbenchViewModel model) throws InterruptedException {
        Pattern p = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+)");
        for (int i = 0; i < 600; i++) {
            Matcher m = p.matcher(String.valueOf(model.remote().statusProperty().get()));
            if (model.remote().listeningProperty().get() && m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not listening: " + model.remote().statusProperty().get());
    }

    private static void send(int port, String host, List<String> lines) throws Exception {
        try (SSLSocket s = TestReceivers.connect(port, null)) {
            TestReceivers.send(s, new ArrayList<>(lines));
        }
    }
}
