package dev.logsentry.ui.remote;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.workspace.remote.RemoteHosts;
import dev.logsentry.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The remote hosts as the user sees them: the Listen dialog (receive here, or follow a running
 * service's spool), the dialog with the certificate's fingerprints and the rsyslog lines to paste,
 * a plain error dialog when listening cannot start, and a desktop notification (ControlsFX) per
 * alert digest, whose click shows the line.
 */
public final class RemoteDialogs implements RemoteHostsViewModel.Presenter {
    /** The Listen button's type (found by tests through the dialog pane). */
    public static final ButtonType LISTEN = new ButtonType("Listen", ButtonBar.ButtonData.OK_DONE);

    private final RemoteHostsViewModel model;
    private final Supplier<Window> owner;
    private final Dialogs choosers;

    public RemoteDialogs(RemoteHostsViewModel model, Supplier<Window> owner, Dialogs choosers) {
        this.model = model;
        this.owner = owner;
        this.choosers = choosers;
        model.setPresenter(this);
    }

    /** File › Listen for Remote Hosts…: asks how, then starts in the background. */
    public void askAndListen() {
        if (model.listeningProperty().get()) {
            return;
        }
        dialog().showAndWait().ifPresent(model::start);
    }

    private Dialog<ListenRequest> dialog() {
        ListenRequest d = model.defaults();
        Dialog<ListenRequest> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Listen for Remote Hosts");
        dialog.setHeaderText(
                "Receive your servers' logs over TLS (RFC 5425 syslog, as rsyslog sends it),\n"
                        + "or follow the spool of a running logsentry serve.");
        ToggleGroup mode = new ToggleGroup();
        RadioButton receive = new RadioButton("Receive here");
        receive.setId("remoteReceive");
        RadioButton follow = new RadioButton("Follow the spool of a running logsentry serve");
        follow.setId("remoteFollow");
        receive.setToggleGroup(mode);
        follow.setToggleGroup(mode);
        receive.setSelected(true);
        TextField address = field("remoteAddress", d.address(), null);
        TextField port = field("remotePort", Integer.toString(d.port()), null);
        TextField spool = field("remoteSpool", d.spool().toString(), null);
        TextField cert =
                field(
                        "remoteCert",
                        "",
                        "self-signed, generated once in " + model.generatedCertificateDir());
        TextField key = field("remoteKey", "", "the key of a PEM certificate");
        PasswordField password = new PasswordField();
        password.setId("remotePassword");
        password.setPromptText("the PKCS#12 store's password (empty if it has none)");
        Label passwordLabel = new Label("Password");
        BooleanBinding p12 =
                Bindings.createBooleanBinding(
                        () -> ListenRequest.isPkcs12(cert.getText()), cert.textProperty());
        for (Node n : List.of(passwordLabel, password)) {
            n.visibleProperty().bind(p12);
            n.managedProperty().bind(p12);
        }
        key.disableProperty().bind(follow.selectedProperty().or(p12));
        CheckBox violations = new CheckBox("Notify on security violations too (attacks always)");
        violations.setId("remoteViolations");
        violations.setSelected(d.alertViolations());
        follow.selectedProperty()
                .addListener(
                        (obs, old, now) ->
                                spool.setText((now ? model.serviceSpool() : d.spool()).toString()));
        for (Node n : List.of(address, port, cert, password)) {
            n.disableProperty().bind(follow.selectedProperty());
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.add(receive, 0, row++, 3, 1);
        grid.add(new Label("Address"), 0, row);
        grid.add(address, 1, row++);
        grid.add(new Label("Port"), 0, row);
        grid.add(port, 1, row++);
        grid.add(new Label("Certificate"), 0, row);
        grid.add(cert, 1, row);
        grid.add(
                browse(
                        () ->
                                choosers
                                        .chooseFiles(
                                                "Certificate (PEM or PKCS#12)",
                                                model.generatedCertificateDir())
                                        .stream()
                                        .findFirst(),
                        cert),
                2,
                row++);
        grid.add(new Label("Key"), 0, row);
        grid.add(key, 1, row);
        grid.add(
                browse(
                        () ->
                                choosers
                                        .chooseFiles("Key (PEM)", model.generatedCertificateDir())
                                        .stream()
                                        .findFirst(),
                        key),
                2,
                row++);
        grid.add(passwordLabel, 0, row);
        grid.add(password, 1, row++);
        grid.add(follow, 0, row++, 3, 1);
        grid.add(new Label("Spool folder"), 0, row);
        grid.add(spool, 1, row);
        grid.add(
                browse(
                        () -> choosers.chooseFolder("Spool folder", Path.of(spool.getText())),
                        spool),
                2,
                row++);
        grid.add(violations, 0, row, 3, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(labels, fields, buttons);
        grid.setPadding(new Insets(8));
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(LISTEN, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(LISTEN);
        ok.setId("remoteListen");
        ok.disableProperty()
                .bind(
                        Bindings.createBooleanBinding(
                                () ->
                                        spool.getText().isBlank()
                                                || (receive.isSelected()
                                                        && parsePort(port.getText()) < 0),
                                spool.textProperty(),
                                port.textProperty(),
                                receive.selectedProperty()));
        dialog.setResultConverter(
                b ->
                        b != LISTEN
                                ? null
                                : new ListenRequest(
                                        receive.isSelected(),
                                        address.getText().strip(),
                                        Math.max(0, parsePort(port.getText())),
                                        Path.of(spool.getText().strip()),
                                        pathOrNull(cert.getText()),
                                        pathOrNull(key.getText()),
                                        password.getText().toCharArray(),
                                        violations.isSelected()));
        return dialog;
    }

    private static TextField field(String id, String text, String prompt) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(34);
        if (prompt != null) {
            f.setPromptText(prompt);
        }
        return f;
    }

    private static Button browse(Supplier<Optional<Path>> choose, TextField into) {
        Button b = new Button("Browse\u2026");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.disableProperty().bind(into.disableProperty());
        b.setOnAction(e -> choose.get().ifPresent(p -> into.setText(p.toString())));
        return b;
    }

    private static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text.strip());
            return p >= 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Path pathOrNull(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }

    @Override
    public void started(String title, String sheet) {
        TextArea text = new TextArea(sheet);
        text.setId("remoteSheet");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefColumnCount(96);
        text.setPrefRowCount(22);
        text.setStyle("-fx-font-family: monospace;");
        Button copy = new Button("Copy");
        copy.setOnAction(e -> choosers.copyToClipboard(sheet));
        VBox box = new VBox(8, text, new HBox(copy));
        VBox.setVgrow(text, Priority.ALWAYS);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(
                "Senders pin this certificate by its fingerprint. Paste the lines below on each"
                        + " server.");
        a.getDialogPane().setContent(box);
        a.setResizable(true);
        a.show();
    }

    @Override
    public void failed(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(message);
        a.getDialogPane().setId("remoteError");
        a.show();
    }

    @Override
    public void alert(RemoteHosts.AlertDigest d) {
        boolean attack = d.first().verdict() == Verdict.ATTACK;
        String what =
                d.count() == 1
                        ? (attack ? "Attack" : "Security violation")
                        : String.format("%,d alert lines", d.count());
        String text = d.first().text();
        if (text.length() > 160) {
            text = text.substring(0, 160) + "\u2026";
        }
        Notifications.create()
                .owner(owner.get())
                .title(what + " from " + String.join(", ", d.hosts()))
                .text(text + "\n(click to show" + (d.count() > 1 ? " the first" : "") + ")")
                .hideAfter(Duration.seconds(10))
                .onAction(e -> model.show(d))
                .showWarning();
    }
}
