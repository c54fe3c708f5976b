package dev.logsentry.ui.dns;

import java.util.function.ToDoubleFunction;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes table columns to their content: the widest of the header (bold, plus room for the sort
 * arrow) and the given cell texts, measured in the fonts the table really uses once it is styled (a
 * monospace fallback before that).
 */
final class ColumnFit {
    /** Cell padding left and right, the sort arrow and a little air. */
    static final double CELL_PAD = 22;

    static final double HEADER_PAD = 34;

    private final Font cell;
    private final Font header;
    private final Text probe = new Text();

    private ColumnFit(Font cell, Font header) {
        this.cell = cell;
        this.header = header;
    }

    /** A measurer for {@code control}'s current fonts ({@code cellSelector}: its cell class). */
    static ColumnFit of(Control control, String cellSelector) {
        control.applyCss();
        control.layout(); // creates the cells of new rows, whose font is the one to measure
        Font h = fontOf(control.lookup(".column-header .label"));
        Font c = fontOf(control.lookup(cellSelector));
        double size = h != null ? h.getSize() : Font.getDefault().getSize();
        if (c == null) { // no row yet: the stylesheet's monospace font at the header's size
            c = Font.font("DejaVu Sans Mono", size);
        }
        if (h == null) {
            h = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, size);
        }
        return new ColumnFit(c, h);
    }

    private static Font fontOf(Node n) {
        return n instanceof Labeled l ? l.getFont() : null;
    }

    /** Width of {@code s} in the cell font. */
    double text(String s) {
        return width(s, cell);
    }

    /** Width of a header title with the sort arrow. */
    double header(String title) {
        return width(title, header) + HEADER_PAD;
    }

    private double width(String s, Font f) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        probe.setFont(f);
        probe.setText(s);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    /**
     * Sets {@code column}'s preferred width to fit its title and the widest of {@code items}
     * (measured by {@code width}, which adds its own indentation if any), at least {@code min}.
     */
    <T> void fit(
            TableColumnBase<?, ?> column,
            String title,
            Iterable<T> items,
            ToDoubleFunction<T> width,
            double min) {
        double w = Math.max(min, header(title));
        for (T item : items) {
            w = Math.max(w, width.applyAsDouble(item) + CELL_PAD);
        }
        column.setPrefWidth(Math.ceil(w));
    }
}
