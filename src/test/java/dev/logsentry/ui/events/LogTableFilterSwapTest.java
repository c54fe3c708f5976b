package dev.logsentry.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.testkit.Fx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A new filter swaps only the table's row index: the visible cells are repainted, none are made
 * again (making them, with their CSS, stalled the FX thread for 0.3-0.5 s on a 1 GB log), and the
 * rows shown are the filter's.
 */
@ExtendWith(ApplicationExtension.class)
class LogTableFilterSwapTest {
    @TempDir static Path temp;
    private LogTableView table;
    private IndexedFile file;

    @Start
    void start(Stage stage) {
        table = new LogTableView();
        stage.setScene(new Scene(table, 1000, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (file != null) {
            file.close();
        }
    }

    /** Lines 0, 3, 6, ... of the file: what a filter's index would hold. */
    private record EveryThird(long total) implements RowIndex {
        @Override
        public long size() {
            return (total + 2) / 3;
        }

        @Override
        public long lineAt(long row) {
            return row * 3;
        }

        @Override
        public long rowOf(long line) {
            return line % 3 == 0 && line < total ? line / 3 : -1;
        }
    }

    @Test
    void aNewFilterRepaintsTheVisibleRowsWithoutMakingNewCells() throws Exception {
        Path log = temp.resolve("syslog");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(String.format("Jan  1 00:00:%02d h app[1]: message %d%n", i % 60, i));
        }
        Files.writeString(log, text);
        file = IndexedFile.open(log, OpenOptions.DEFAULT);
        file.index(IndexProgress.NONE, () -> false);

        Fx.onFx(
                () -> {
                    table.show(file, log);
                    return null;
                });
        Fx.waitUntil(() -> !visibleLines().isEmpty());
        assertThat(Fx.onFx(this::visibleLines)).startsWith(0L, 1L, 2L, 3L);
        Fx.onFx(
                () -> {
                    table.getSelectionModel().select(4);
                    return null;
                });
        long made = Fx.onFx(table::cellsMade);
        assertThat(made).isPositive();

        Fx.onFx(
                () -> {
                    table.show(file, new EveryThird(300), log);
                    return null;
                });
        Fx.waitUntil(() -> visibleLines().get(1) == 3L);
        List<Long> shown = Fx.onFx(this::visibleLines);
        assertThat(shown).startsWith(0L, 3L, 6L, 9L).allMatch(l -> l % 3 == 0);
        assertThat(Fx.onFx(this::visibleMessages)).startsWith("message 0", "message 3");
        assertThat(Fx.onFx(() -> table.getItems().size())).isEqualTo(100);
        assertThat(Fx.onFx(() -> table.getSelectionModel().getSelectedIndices())).isEmpty();
        assertThat(Fx.onFx(table::cellsMade)).isEqualTo(made);

        // the quick filter's highlight repaints the message cells in place, too
        Fx.onFx(
                () -> {
                    table.highlightProperty()
                            .set(
                                    t ->
                                            t.contains("message")
                                                    ? List.of(new int[] {0, 7})
                                                    : List.of());
                    return null;
                });
        Fx.waitUntil(
                () -> messageCells().stream().anyMatch(c -> c.getGraphic() instanceof TextFlow));
        assertThat(Fx.onFx(table::cellsMade)).isEqualTo(made);

        // back to all lines: the same cells, the file's rows again; a row can be revealed
        Fx.onFx(
                () -> {
                    table.show(file, RowIndex.all(file), log);
                    return null;
                });
        Fx.waitUntil(() -> visibleLines().get(1) == 1L);
        assertThat(Fx.onFx(() -> table.getItems().size())).isEqualTo(300);
        assertThat(Fx.onFx(() -> table.reveal(250))).isTrue();
        Fx.waitUntil(() -> visibleLines().get(0) == 245L); // scrolled to a few rows above it
        assertThat(Fx.onFx(() -> table.getSelectionModel().getSelectedItem().line()))
                .isEqualTo(250L);
        assertThat(Fx.onFx(table::cellsMade)).isEqualTo(made);
    }

    private List<Long> visibleLines() {
        List<Long> lines = new ArrayList<>();
        table.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> !r.isEmpty() && r.getItem() != null && r.isVisible())
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .forEach(r -> lines.add(((LogRow) r.getItem()).line()));
        return lines;
    }

    private List<TableCell<?, ?>> messageCells() {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        table.lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> "message".equals(c.getTableColumn().getId()))
                .filter(c -> !c.isEmpty() && c.getTableRow() != null && c.getTableRow().isVisible())
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .forEach(cells::add);
        return cells;
    }

    private List<String> visibleMessages() {
        List<String> texts = new ArrayList<>();
        messageCells().forEach(c -> texts.add(c.getText()));
        return texts;
    }
}
