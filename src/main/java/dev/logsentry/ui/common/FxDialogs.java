package dev.logsentry.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX choosers and the system clipboard, owned by the given window. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> chooseFiles(String title, Path initialDir) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        initial(initialDir).ifPresent(chooser::setInitialDirectory);
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("All files", "*"),
                        new FileChooser.ExtensionFilter(
                                "Logs",
                                "*.log",
                                "*.log.*",
                                "*.gz",
                                "syslog*",
                                "messages*",
                                "current"));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDir) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        initial(initialDir).ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(owner.get());
        return Optional.ofNullable(dir).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(
            String title, String initialName, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (String ext : extensions) {
            chooser.getExtensionFilters()
                    .add(
                            new FileChooser.ExtensionFilter(
                                    ext.toUpperCase() + " (*." + ext + ")", "*." + ext));
        }
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        String name = file.getName();
        FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
        if (!name.contains(".") && chosen != null && !chosen.getExtensions().isEmpty()) {
            return Optional.of(
                    file.toPath()
                            .resolveSibling(name + chosen.getExtensions().get(0).substring(1)));
        }
        return Optional.of(file.toPath());
    }

    @Override
    public Optional<String> askText(String title, String header) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(header);
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String title, String header, String details) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (details != null && !details.isEmpty()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setStyle("-fx-font-family: monospace");
            area.setPrefSize(760, 360);
            alert.getDialogPane().setContent(area);
            alert.setResizable(true);
        }
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public void inform(String title, String header, String details) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (details != null && !details.isEmpty()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setStyle("-fx-font-family: monospace");
            area.setPrefSize(620, 220);
            alert.getDialogPane().setContent(area);
            alert.setResizable(true);
        }
        alert.show();
    }

    @Override
    public int choose(String title, String header, String details, List<String> choices) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String text = choices.get(i);
            ButtonBar.ButtonData role =
                    text.equalsIgnoreCase("Cancel")
                            ? ButtonBar.ButtonData.CANCEL_CLOSE
                            : i == 0 ? ButtonBar.ButtonData.YES : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(text, role));
        }
        alert.getButtonTypes().setAll(buttons);
        if (details != null && !details.isEmpty()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setStyle("-fx-font-family: monospace");
            area.setPrefSize(760, 360);
            alert.getDialogPane().setContent(area);
            alert.setResizable(true);
        }
        return alert.showAndWait().map(buttons::indexOf).orElse(-1);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Optional<File> initial(Path dir) {
        return dir != null && Files.isDirectory(dir) ? Optional.of(dir.toFile()) : Optional.empty();
    }
}
