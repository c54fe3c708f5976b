package dev.logsentry.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In a wide window the Message column takes the width the other columns leave, instead of cutting
 * its text beside an empty strip; in a narrow one it keeps its width and the table scrolls.
 */
@ExtendWith(ApplicationExtension.class)
class LogTableWidthTest {
    private LogTableView table;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new LogTableView();
        stage.setScene(new Scene(table, 900, 400));
        stage.show();
    }

    @Test
    void theMessageColumnFillsAWideWindow(FxRobot robot) {
        TableColumn<LogRow, ?> message = column("message");
        double narrow = message.getWidth();
        assertThat(narrow).as("its own width in a narrow window").isEqualTo(760);

        robot.interact(() -> stage.setWidth(2400));
        WaitForAsyncUtils.waitForFxEvents();

        double others =
                table.getVisibleLeafColumns().stream()
                        .filter(c -> c != message)
                        .mapToDouble(TableColumn::getWidth)
                        .sum();
        assertThat(message.getWidth()).isGreaterThan(narrow);
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
