package dev.logsentry.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.remote.ServerIdentity;
import dev.logsentry.core.remote.TestReceivers;
import dev.logsentry.core.workspace.Classification;
import dev.logsentry.core.workspace.Workspace;
import dev.logsentry.testkit.ContextMenuRobot;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.Fx;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.events.LogRow;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.workbench.WorkbenchViewModel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * File › Listen for Remote Hosts as a user meets it: the dialog, the fingerprints and rsyslog
 * lines, a host sending over TLS appearing as a followed, classified source with counters, a
 * desktop notification for its attack line whose click shows the line, and Stop Listening. Every
 * wait is for an outcome, with a timeout; nothing is timed.
 */
@ExtendWith(ApplicationExtension.class)
class ListenForRemoteHostsTest {
    private static final String ATTACK = "device eth0 entered promiscuous mode";
    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @RegisterExtension
    final WorkbenchFixture wb =
            new WorkbenchFixture(
                            recent -> {
                                WorkbenchViewModel m =
                                        new WorkbenchViewModel(
                                                dialogs, recent, new Workspace(workers), null);
                                // the generated certificate goes to this test's state folder,
                                // not the user's
                                m.remote()
                                        .useMachine(
                                                new SettingsResolver(
                                                        Map.of(),
                                                        null,
                                                        temp.resolve("state"),
                                                        "testhost"));
                                return m;
                            })
                    .afterClose(workers::shutdownNow);

    @Test
    void aHostSendingOverTlsBecomesAClassifiedSourceAndItsAttackANotification(FxRobot robot)
            throws Exception {
        useOwnRules(robot);
        Path spool = temp.resolve("spool");
        fillListenDialog(robot, "0", spool);
        robot.clickOn("#remoteListen");

        // the fingerprints and the lines for the senders
        Fx.waitUntil(() -> robot.lookup("#remoteSheet").tryQuery().isPresent());
        String sheet =
                Fx.onFx(() -> robot.lookup("#remoteSheet").queryAs(TextArea.class).getText());
        assertThat(sheet)
                .contains("SHA-256:     SHA256:")
                .contains("RFC 5425:    sha-1:")
                .contains("StreamDriverPermittedPeers=\"SHA1:")
                .contains(spool.toString());
        Matcher m = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)").matcher(sheet);
        assertThat(m.find()).as("the port in %s", sheet).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThat(port).isPositive();
        assertThat(Files.exists(temp.resolve("state").resolve("tls").resolve("server-cert.pem")))
                .as("a self-signed certificate generated as serve generates it")
                .isTrue();
        robot.interact(() -> closeWindowsTitled("Listening for Remote Hosts"));

        try (SSLSocket s = TestReceivers.connect(port, null)) {
            TestReceivers.send(
                    s,
                    List.of(
                            "<38>1 2026-12-04T10:00:00Z web1 cron 9 - - hello",
                            "<38>1 2026-12-04T10:00:01Z web1 kernel - - - " + ATTACK));
        }
        String name = "web1";
        Fx.waitUntil(
                () -> {
                    SourceItem web1 = item(name);
                    return web1 != null
                            && web1.followingProperty().get()
                            && web1.lineCountProperty().get() == 2
                            && web1.remoteProperty().get() != null
                            && web1.remoteProperty().get().lines() == 2;
                });
        SourceItem web1 = Fx.onFx(() -> item(name));
        Fx.waitUntil(
                () -> {
                    Classification c = wb.model().classifications().of(web1.handle());
                    return c != null && c.classified().classifiedCount() == 2;
                });
        assertThat(wb.model().classifications().of(web1.handle()).classified().verdict(1))
                .isEqualTo(Verdict.ATTACK);
        // the counters are in the Sources view
        Fx.waitUntil(
                () ->
                        robot.lookup(".source-details").queryAll().stream()
                                .anyMatch(
                                        n -> ((Label) n).getText().startsWith("received 2 lines")));

        // a desktop notification for the attack line; a click shows the line
        Fx.waitUntil(() -> notification("Attack from web1") != null);
        Node bar = Fx.onFx(() -> notification("Attack from web1"));
        robot.clickOn(bar);
        Fx.waitUntil(
                () -> {
                    LogRow row = wb.window().events().table().getSelectionModel().getSelectedItem();
                    return wb.model().selectedProperty().get() == web1
                            && row != null
                            && row.line() == 1;
                });

        // Stop Listening from the menu: the port closes, the host's lines stay
        robot.clickOn("File");
        robot.clickOn("Stop Listening");
        Fx.waitUntil(() -> !wb.model().remote().listeningProperty().get());
        Fx.waitUntil(() -> !web1.followingProperty().get());
        assertThat(web1.lineCountProperty().get()).isEqualTo(2);
        assertThat(refused(port)).as("nothing listens on %d any more", port).isTrue();
    }

    @Test
    void closingTheWindowStopsListeningAndTheViolationsSettingIsKept(FxRobot robot)
            throws Exception {
        fillListenDialog(robot, "0", temp.resolve("spool"));
        robot.clickOn("#remoteViolations");
        robot.clickOn("#remoteListen");
        Fx.waitUntil(() -> robot.lookup("#remoteSheet").tryQuery().isPresent());
        assertThat(Fx.onFx(() -> wb.window().capture().notifyViolations()))
                .as("notify on violations, remembered in workspace.json")
                .isTrue();
        String sheet =
                Fx.onFx(() -> robot.lookup("#remoteSheet").queryAs(TextArea.class).getText());
        Matcher m = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)").matcher(sheet);
        assertThat(m.find()).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThat(refused(port)).as("listening on %d", port).isFalse();
        robot.interact(() -> closeWindowsTitled("Listening for Remote Hosts"));
        // what the application does when its window closes (WorkbenchApp.stop)
        robot.interact(() -> wb.model().close());
        assertThat(refused(port)).as("nothing listens on %d after closing", port).isTrue();
    }

    @Test
    void followingARunningServicesSpoolShowsItsHosts(FxRobot robot) throws Exception {
        Path spool = temp.resolve("served");
        Path day = spool.resolve("db1").resolve("2026-12-04.log");
        Files.createDirectories(day.getParent());
        Files.writeString(day, "2026-12-04T10:00:00.000000+00:00 db1 cron[1]: hello\n");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#remoteFollow").tryQuery().isPresent());
        robot.clickOn("#remoteFollow");
        replace(robot, "#remoteSpool", spool.toString());
        robot.clickOn("#remoteListen");
        Fx.waitUntil(
                () -> {
                    SourceItem db1 = item("db1");
                    return db1 != null
                            && db1.followingProperty().get()
                            && db1.lineCountProperty().get() == 1
                            && db1.remoteProperty().get() != null;
                });
        assertThat(wb.model().remote().listeningProperty().get()).isTrue();
        assertThat(robot.lookup("#remoteSheet").tryQuery()).as("no certificate to show").isEmpty();
        robot.clickOn("File");
        robot.clickOn("Stop Listening");
        Fx.waitUntil(() -> !wb.model().remote().listeningProperty().get());
    }

    @Test
    void aHostStaysOneSourceAcrossMidnightWithItsFilterSelectionAndFollowKept(FxRobot robot)
            throws Exception {
        // the day is the spool's: the test writes the next day's file as serve does at midnight
        Path spool = temp.resolve("served");
        Path monday = spool.resolve("db1").resolve("2026-12-07.log");
        Files.createDirectories(monday.getParent());
        Files.writeString(
                monday,
                "2026-12-07T23:59:57.000000+00:00 db1 cron[1]: backup started\n"
                        + "2026-12-07T23:59:58.000000+00:00 db1 postfix[2]: queue run\n"
                        + "2026-12-07T23:59:59.000000+00:00 db1 cron[1]: backup done\n");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#remoteFollow").tryQuery().isPresent());
        robot.clickOn("#remoteFollow");
        replace(robot, "#remoteSpool", spool.toString());
        robot.clickOn("#remoteListen");
        Fx.waitUntil(
                () -> {
                    SourceItem db1 = item("db1");
                    return db1 != null
                            && db1.followingProperty().get()
                            && db1.lineCountProperty().get() == 3;
                });
        SourceItem db1 = Fx.onFx(() -> item("db1"));
        robot.interact(() -> wb.model().selectedProperty().set(db1));

        // the admin filters for cron and selects monday's last cron line
        robot.clickOn("#quickFilter").write("cron");
        Fx.waitUntil(() -> wb.window().events().table().getItems().size() == 2);
        robot.interact(() -> wb.window().events().table().getSelectionModel().select(1));
        LogRow picked =
                Fx.onFx(() -> wb.window().events().table().getSelectionModel().getSelectedItem());
        assertThat(picked.text()).contains("backup done");

        // midnight: tuesday's file begins
        Path tuesday = spool.resolve("db1").resolve("2026-12-08.log");
        Files.writeString(
                tuesday,
                "2026-12-08T00:00:01.000000+00:00 db1 cron[1]: rotate logs\n"
                        + "2026-12-08T00:00:02.000000+00:00 db1 postfix[2]: queue run\n");
        Fx.waitUntil(
                () ->
                        wb.window().events().table().getItems().stream()
                                .anyMatch(r -> r.text().contains("rotate logs")));
        assertThat(
                        Fx.onFx(
                                () ->
                                        wb.model().sources().stream()
                                                .filter(
                                                        i ->
                                                                i.nameProperty()
                                                                        .get()
                                                                        .startsWith("db1"))
                                                .toList()))
                .as("one source for the host, not one per day")
                .containsExactly(db1);
        assertThat(Fx.onFx(() -> wb.model().selectedProperty().get())).isSameAs(db1);
        assertThat(Fx.onFx(() -> db1.followingProperty().get())).as("still followed").isTrue();
        assertThat(Fx.onFx(() -> robot.lookup("#quickFilter").queryAs(TextField.class).getText()))
                .isEqualTo("cron");
        assertThat(
                        Fx.onFx(
                                () ->
                                        wb.window().events().table().getItems().stream()
                                                .noneMatch(r -> r.text().contains("postfix"))))
                .as("the filter applies to tuesday's lines too")
                .isTrue();
        LogRow still =
                Fx.onFx(() -> wb.window().events().table().getSelectionModel().getSelectedItem());
        assertThat(still).as("the selected line stays selected").isNotNull();
        assertThat(still.line()).isEqualTo(picked.line());
        Fx.waitUntil(
                () -> {
                    Classification c = wb.model().classifications().of(db1.handle());
                    return c != null
                            && c.classified().classifiedCount() == db1.lineCountProperty().get();
                });

        // its properties list the day files
        Fx.waitUntil(() -> db1.remoteFilesProperty().get().size() == 2);
        robot.interact(() -> wb.window().dock().showView("sources"));
        ContextMenuRobot.fire(robot, "sourceProperties", wb.window().sourcesList());
        Fx.waitUntil(() -> !dialogs.informed.isEmpty());
        assertThat(dialogs.informed.get(dialogs.informed.size() - 1))
                .contains("Path:       " + tuesday.toAbsolutePath())
                .contains("2 day files")
                .contains(monday.toAbsolutePath().toString())
                .contains(tuesday.toAbsolutePath().toString())
                .contains("Following:  yes");
        robot.clickOn("File");
        robot.clickOn("Stop Listening");
        Fx.waitUntil(() -> !wb.model().remote().listeningProperty().get());
    }

    @Test
    void aPortInUseIsOneClearDialogWithoutAStackTrace(FxRobot robot) throws Exception {
        try (ServerSocket taken =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            fillListenDialog(robot, Integer.toString(taken.getLocalPort()), temp.resolve("spool"));
            robot.clickOn("#remoteListen");
            Fx.waitUntil(() -> robot.lookup("#remoteError").tryQuery().isPresent());
            String text =
                    Fx.onFx(
                            () ->
                                    ((javafx.scene.control.DialogPane)
                                                    robot.lookup("#remoteError").query())
                                            .getContentText());
            assertThat(text)
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(wb.model().remote().listeningProperty().get()).isFalse();
            robot.interact(() -> closeWindowsTitled("Cannot Listen for Remote Hosts"));
        }
    }

    @Test
    void anUnreadableCertificateIsOneClearDialog(FxRobot robot) throws Exception {
        Path cert = Files.writeString(temp.resolve("cert.pem"), "not a certificate\n");
        Path missingKey = temp.resolve("missing-key.pem");
        fillListenDialog(robot, "0", temp.resolve("spool"));
        replace(robot, "#remoteCert", cert.toString());
        replace(robot, "#remoteKey", missingKey.toString());
        robot.clickOn("#remoteListen");
        Fx.waitUntil(() -> robot.lookup("#remoteError").tryQuery().isPresent());
        String text =
                Fx.onFx(
                        () ->
                                ((javafx.scene.control.DialogPane)
                                                robot.lookup("#remoteError").query())
                                        .getContentText());
        assertThat(text)
                .contains(cert.toString())
                .contains("no PEM certificate")
                .doesNotContain("Exception");
        assertThat(wb.model().remote().listeningProperty().get()).isFalse();
        robot.interact(() -> closeWindowsTitled("Cannot Listen for Remote Hosts"));
    }

    @Test
    void aPasswordProtectedPkcs12StoreIsUsedWithItsPasswordAndAWrongOneIsNamed(FxRobot robot)
            throws Exception {
        // a real PKCS#12 store with a password, made the way keytool/openssl make one
        ServerIdentity id = ServerIdentity.generate(List.of("localhost"), Instant.now());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(
                "server",
                id.key(),
                "s3cret!".toCharArray(),
                id.chain().toArray(new java.security.cert.Certificate[0]));
        Path store = temp.resolve("admin.p12");
        try (var out = Files.newOutputStream(store)) {
            ks.store(out, "s3cret!".toCharArray());
        }

        fillListenDialog(robot, "0", temp.resolve("spool"));
        assertThat(robot.lookup("#remotePassword").query().isVisible())
                .as("no password field for the generated certificate")
                .isFalse();
        replace(robot, "#remoteCert", store.toString());
        Fx.waitUntil(() -> robot.lookup("#remotePassword").query().isVisible());
        assertThat(robot.lookup("#remoteKey").query().isDisabled())
                .as("a PKCS#12 store holds its key")
                .isTrue();

        // a wrong password: one dialog naming the file, no stack trace
        robot.clickOn("#remotePassword").write("wrong");
        robot.clickOn("#remoteListen");
        Fx.waitUntil(() -> robot.lookup("#remoteError").tryQuery().isPresent());
        String text =
                Fx.onFx(
                        () ->
                                ((javafx.scene.control.DialogPane)
                                                robot.lookup("#remoteError").query())
                                        .getContentText());
        assertThat(text)
                .contains(store.toString())
                .contains("password is wrong")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(wb.model().remote().listeningProperty().get()).isFalse();
        robot.interact(() -> closeWindowsTitled("Cannot Listen for Remote Hosts"));

        // the right one: listening with the store's certificate
        fillListenDialog(robot, "0", temp.resolve("spool"));
        replace(robot, "#remoteCert", store.toString());
        Fx.waitUntil(() -> robot.lookup("#remotePassword").query().isVisible());
        robot.clickOn("#remotePassword").write("s3cret!");
        robot.clickOn("#remoteListen");
        Fx.waitUntil(() -> robot.lookup("#remoteSheet").tryQuery().isPresent());
        String sheet =
                Fx.onFx(() -> robot.lookup("#remoteSheet").queryAs(TextArea.class).getText());
        String sha256 =
                HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(id.certificate().getEncoded()));
        assertThat(sheet).contains(sha256);
        assertThat(Files.exists(temp.resolve("state").resolve("tls").resolve("server-cert.pem")))
                .as("nothing generated: the admin's own certificate is used")
                .isFalse();
        assertThat(wb.model().remote().listeningProperty().get()).isTrue();
        robot.interact(() -> closeWindowsTitled("Listening for Remote Hosts"));
    }

    /** Rules of the test's own, so the verdict does not depend on this machine's /etc/logcheck. */
    private void useOwnRules(FxRobot robot) throws Exception {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules.resolve("cracking.d"));
        Files.createDirectories(rules.resolve("ignore.d.server"));
        Files.writeString(
                rules.resolve("cracking.d").resolve("kernel"), "kernel: .*promiscuous mode$\n");
        Fx.waitUntil(() -> wb.model().events().rules().ruleTreeProperty().get() != null);
        robot.interact(
                () -> wb.model().events().rules().rulesDirectoryProperty().set(rules.toString()));
        Fx.waitUntil(() -> rules.equals(wb.model().events().rules().effectiveProperty().get()));
    }

    private void fillListenDialog(FxRobot robot, String port, Path spool) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L)
                .release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#remotePort").tryQuery().isPresent());
        replace(robot, "#remoteAddress", "127.0.0.1");
        replace(robot, "#remotePort", port);
        replace(robot, "#remoteSpool", spool.toString());
    }

    private static void replace(FxRobot robot, String id, String text) throws Exception {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        Fx.waitUntil(() -> robot.lookup(id).queryAs(TextField.class).getText().equals(text));
    }

    private SourceItem item(String name) {
        return wb.model().sources().stream()
                .filter(s -> s.nameProperty().get().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The shown notification whose text contains {@code title}, or null (FX thread). */
    private static Node notification(String title) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.getScene() == null) {
                continue;
            }
            for (Node n : w.getScene().getRoot().lookupAll(".notification-bar")) {
                for (Node l : n.lookupAll(".label")) {
                    if (l instanceof Label label
                            && label.getText() != null
                            && label.getText().contains(title)) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    private static void closeWindowsTitled(String title) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s && title.equals(s.getTitle())) {
                s.close();
            }
        }
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
