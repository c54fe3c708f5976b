package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.rules.edit.RuleDiagnostic;
import dev.logsentry.core.rules.edit.RuleValidation;
import dev.logsentry.core.rules.ere.EreToken;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Styled text for the pattern editor: a regex coloured by the ERE parser's tokens (style class
 * {@code re-<kind>}, e.g. {@code re-bracket}), with the span of each error and warning underlined,
 * and a log line with its matched parts highlighted. Colours come from ruleedit.css, which uses the
 * AtlantaFX colour variables so both themes read well.
 */
final class RegexText {
    private RegexText() {}

    /** {@code v}'s pattern as coloured monospace text. */
    static TextFlow regex(RuleValidation v) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("re-flow");
        String p = v.pattern();
        int at = 0;
        for (EreToken t : v.tokens()) {
            if (t.start() > at) {
                flow.getChildren().add(piece(p.substring(at, t.start()), "re-literal", v, at));
            }
            int end = Math.min(t.end(), p.length());
            if (end > t.start()) {
                flow.getChildren()
                        .add(
                                piece(
                                        p.substring(t.start(), end),
                                        "re-"
                                                + t.kind()
                                                        .name()
                                                        .toLowerCase(Locale.ROOT)
                                                        .replace('_', '-'),
                                        v,
                                        t.start()));
            }
            at = Math.max(at, end);
        }
        if (at < p.length()) {
            flow.getChildren().add(piece(p.substring(at), "re-literal", v, at));
        }
        return flow;
    }

    private static Text piece(String s, String style, RuleValidation v, int start) {
        Text t = new Text(s);
        t.getStyleClass().addAll("re", style);
        for (RuleDiagnostic d : v.diagnostics()) {
            boolean covers =
                    d.start() < start + s.length() && Math.max(d.end(), d.start() + 1) > start;
            if (covers && d.severity() == RuleDiagnostic.Severity.ERROR) {
                t.getStyleClass().add("re-error-mark");
            } else if (covers && d.severity() == RuleDiagnostic.Severity.WARNING) {
                t.getStyleClass().add("re-warning-mark");
            }
        }
        return t;
    }

    /**
     * {@code flow}'s pieces on one line that never wraps (list rows: a wrapping flow in a cell
     * makes rows double height).
     */
    static javafx.scene.layout.HBox oneLine(TextFlow flow) {
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox();
        box.getChildren().setAll(List.copyOf(flow.getChildren()));
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** Plain monospace text in {@code style} (comments, blank lines). */
    static TextFlow plain(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().addAll("re", style);
        TextFlow flow = new TextFlow(t);
        flow.getStyleClass().add("re-flow");
        return flow;
    }

    /** {@code line} with the {@code {start, end}} spans highlighted. */
    static TextFlow highlighted(String line, List<int[]> spans) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("re-flow");
        int at = 0;
        for (int[] s : spans) {
            int a = Math.max(at, Math.min(s[0], line.length()));
            int b = Math.max(a, Math.min(s[1], line.length()));
            if (a > at) {
                flow.getChildren().add(text(line.substring(at, a), "line-rest"));
            }
            if (b > a) {
                flow.getChildren().add(text(line.substring(a, b), "line-match"));
            }
            at = b;
        }
        if (at < line.length()) {
            flow.getChildren().add(text(line.substring(at), "line-rest"));
        }
        return flow;
    }

    private static Node text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().addAll("re", style);
        return t;
    }
}
