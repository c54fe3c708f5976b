package dev.logsentry.ui.workbench;

import dev.logsentry.ui.events.LogRow;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.text.Text;

/**
 * What a context-menu request on the Events table points at: the row under the pointer (selected
 * first, as a desktop does) and the text to filter by. In the Message and Line columns that text is
 * the word under the pointer (log lines are not selectable text, so the word is what a person
 * points at); in the Host, Program and Time columns it is the cell's text. A keyboard request (Menu
 * key, Shift+F10) targets the selected row with no word.
 *
 * @param row the row
 * @param text the word or cell text under the pointer, or null
 */
record RowTarget(LogRow row, String text) {
    /** Characters that end a word besides white space: quotes, brackets and separators. */
    private static final String BREAKS = "\"'()[]{}<>,;=|";

    static RowTarget at(TableView<LogRow> table, ContextMenuEvent e) {
        if (!e.isKeyboardTrigger()) {
            for (Node n : table.lookupAll(".table-cell")) {
                // visible cells only: the flow keeps spare cells for reuse
                if (n instanceof TableCell<?, ?> cell
                        && cell.isVisible()
                        && cell.getTableRow() != null
                        && cell.getTableRow().isVisible()
                        && !cell.isEmpty()
                        && cell.getTableRow() != null
                        && cell.getTableRow().getItem() instanceof LogRow row) {
                    Bounds b = cell.localToScreen(cell.getBoundsInLocal());
                    if (b != null && b.contains(e.getScreenX(), e.getScreenY())) {
                        int index = cell.getTableRow().getIndex();
                        if (!table.getSelectionModel().isSelected(index)) {
                            table.getSelectionModel().clearAndSelect(index);
                        }
                        return new RowTarget(row, textAt(cell, e.getScreenX() - b.getMinX()));
                    }
                }
            }
        }
        LogRow selected = table.getSelectionModel().getSelectedItem();
        return selected == null ? null : new RowTarget(selected, null);
    }

    private static String textAt(TableCell<?, ?> cell, double x) {
        String id = cell.getTableColumn() == null ? null : cell.getTableColumn().getId();
        String text = cell.getItem() == null ? null : cell.getItem().toString();
        if (id == null || text == null || text.isBlank() || id.equals("number")) {
            return null;
        }
        if (!id.equals("message") && !id.equals("line")) {
            return text.strip();
        }
        Text measure = new Text(text);
        measure.setFont(cell.getFont());
        double at = x - cell.snappedLeftInset();
        if (at < 0 || at > measure.getLayoutBounds().getWidth()) {
            return null;
        }
        int index =
                measure.hitTest(new Point2D(at, measure.getLayoutBounds().getCenterY()))
                        .getCharIndex();
        return wordAt(text, index);
    }

    /** The word of {@code text} around {@code index}, or null when there is none. */
    static String wordAt(String text, int index) {
        if (index < 0 || index >= text.length() || isBreak(text.charAt(index))) {
            return null;
        }
        int start = index;
        while (start > 0 && !isBreak(text.charAt(start - 1))) {
            start--;
        }
        int end = index + 1;
        while (end < text.length() && !isBreak(text.charAt(end))) {
            end++;
        }
        // a sentence's full stop or a "key:" colon is not part of the word
        while (end > start && ".:".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        while (start < end && ".:".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return start < end ? text.substring(start, end) : null;
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || BREAKS.indexOf(c) >= 0;
    }
}
