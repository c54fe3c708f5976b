package dev.logsentry.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.testkit.Await;
import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.ui.sources.SourceItem;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's view-models without any window: choosers and the clipboard come from {@link
 * FakeDialogs}, only the FX thread is started (no Stage).
 */
class WorkbenchViewModelTest {
    @TempDir Path temp;
    private final FakeDialogs dialogs = new FakeDialogs();
    private WorkbenchViewModel model;

    @BeforeAll
    static void startFx() throws Exception {
        // the toolkit as TestFX starts it for the other UI tests; no Stage is made or shown here
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void createModel() throws Exception {
        Path config = Files.createDirectory(temp.resolve("config"));
        model = fx(() -> new WorkbenchViewModel(dialogs, new RecentFiles(config), null, null));
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(
                () -> {
                    model.close();
                    return null;
                });
    }

    @Test
    void openCopyAndExportGoThroughTheDialogsGiven() throws Exception {
        Path log = temp.resolve("app.log");
        Files.writeString(log, "Nov 24 06:00:00 h app[1]: one\nNov 24 06:00:01 h app[1]: two\n");
        dialogs.answers.add(List.of(log));

        fx(
                () -> {
                    model.chooseFiles();
                    return null;
                });
        Await.until("the log is open and classified", () -> classified(2));
        fx(
                () -> {
                    model.events().copySelection(List.of(1L));
                    return null;
                });
        Path export = temp.resolve("out.csv");
        dialogs.answers.add(export);
        fx(
                () -> {
                    model.events().exportShown();
                    return null;
                });

        assertThat(dialogs.asked).first().asString().startsWith("Open Log Files");
        assertThat(dialogs.clipboard).isEqualTo("Nov 24 06:00:01 h app[1]: two\n");
        Await.until("the export is written", () -> Files.exists(export));
        assertThat(Files.readString(export)).contains("two");
        assertThat(Files.getPosixFilePermissions(export))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void openingAndClosingAHundredSourcesLeavesNoSourceOrListenerBehind() throws Exception {
        Path log = temp.resolve("many.log");
        Files.writeString(log, "Nov 24 06:00:00 h app[1]: line\n");
        int listeners = model.workspace().listenerCount();
        List<WeakReference<Object>> refs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fx(
                    () -> {
                        model.open(log);
                        return null;
                    });
            Await.until("opened", () -> onFxReady());
            SourceItem item = fx(() -> model.selectedProperty().get());
            refs.add(new WeakReference<>(item.handle()));
            fx(
                    () -> {
                        model.closeSelected();
                        return null;
                    });
            Await.until("closed", () -> fxQuiet(() -> model.sources().isEmpty()));
            item = null;
        }

        assertThat(model.workspace().sources()).isEmpty();
        assertThat(model.workspace().listenerCount()).isEqualTo(listeners);
        assertThat(fx(() -> model.sourcesModel().sources())).isEmpty();
        assertThat(model.classifications().size()).isZero();
        // the core objects are released (WorkspaceTest checks the same without the UI)
        Await.garbageCollectedUntil(
                "open sources", () -> refs.stream().allMatch(r -> r.get() == null));
    }

    private boolean onFxReady() {
        return fxQuiet(
                () -> {
                    SourceItem s = model.selectedProperty().get();
                    return s != null && s.stateProperty().get() == SourceItem.State.READY;
                });
    }

    private boolean classified(long lines) {
        return fxQuiet(
                () -> {
                    var c = model.events().classifiedProperty().get();
                    return c != null && c.classifiedCount() == lines;
                });
    }

    private static boolean fxQuiet(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            return false;
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    try {
                        f.complete(c.call());
                    } catch (Throwable t) {
                        f.completeExceptionally(t);
                    }
                });
        return f.get(60, TimeUnit.SECONDS);
    }
}
