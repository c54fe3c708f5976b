package dev.logsentry.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * When the table grows wider than its columns, the Message column takes the width the other columns
 * leave, instead of cutting its text beside an empty strip; a narrow table keeps the column's width
 * and scrolls. (The table is resized inside a fixed window: a resized Monocle window can break
 * rendering for later tests.)
 */
@ExtendWith(ApplicationExtension.class)
class LogTableWidthTest {
    private LogTableView table;

    @Start
    void start(Stage stage) {
        table = new LogTableView();
        table.setMaxWidth(700);
        StackPane holder = new StackPane(table);
        holder.setAlignment(Pos.TOP_LEFT);
        stage.setScene(new Scene(holder, 1200, 400));
        stage.show();
    }

    @Test
    void theMessageColumnFillsAWideTable(FxRobot robot) {
        TableColumn<LogRow, ?> message = column("message");
        robot.interact(() -> message.setPrefWidth(300));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getWidth()).as("a narrow table keeps the width").isEqualTo(300);

        robot.interact(() -> table.setMaxWidth(Double.MAX_VALUE));
        WaitForAsyncUtils.waitForFxEvents();

        double others =
                table.getVisibleLeafColumns().stream()
                        .filter(c -> c != message)
                        .mapToDouble(TableColumn::getWidth)
                        .sum();
        // the scene asks for 1200 px; a stage shown by an earlier test class keeps its own width
        assertThat(table.getWidth()).isEqualTo(table.getScene().getWidth()).isGreaterThan(1000);
        assertThat(message.getWidth()).isGreaterThan(300);
        assertThat(others + message.getWidth())
                .as("the columns reach the right edge")
                .isBetween(table.getWidth() - 30, table.getWidth());
    }

    private TableColumn<LogRow, ?> column(String id) {
        return table.getColumns().stream()
                .filter(c -> id.equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }
}
