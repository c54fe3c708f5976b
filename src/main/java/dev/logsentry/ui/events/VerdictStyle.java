package dev.logsentry.ui.events;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.ui.common.Icons;
import java.util.List;
import javafx.scene.Node;

/**
 * How a verdict looks: a CSS style class (colours come from the theme's stylesheet), a label and an
 * icon, so the verdict never depends on colour alone.
 */
public final class VerdictStyle {
    public static final List<String> ALL_CLASSES =
            List.of("verdict-attack", "verdict-violation", "verdict-unusual", "verdict-ignored");

    private VerdictStyle() {}

    public static String styleClass(Verdict v) {
        return "verdict-" + v.name().toLowerCase();
    }

    /** A short label for tables and filters. */
    public static String label(Verdict v) {
        return switch (v) {
            case ATTACK -> "Attack";
            case VIOLATION -> "Violation";
            case UNUSUAL -> "Unusual";
            case IGNORED -> "Ignored";
        };
    }

    public static Node icon(Verdict v) {
        var icon =
                Icons.icon(
                        switch (v) {
                            case ATTACK -> "mdi2s-shield-alert";
                            case VIOLATION -> "mdi2a-alert";
                            case UNUSUAL -> "mdi2h-help-circle";
                            case IGNORED -> "mdi2c-check-circle-outline";
                        });
        icon.getStyleClass().addAll("verdict-icon", styleClass(v) + "-icon");
        return icon;
    }
}
