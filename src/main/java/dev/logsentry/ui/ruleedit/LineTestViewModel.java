package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.preview.LineTest;
import dev.logsentry.core.rules.Rule;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The test pane ("logcheck-test done right"): a pasted line's verdict under the saved tree and
 * every rule that matches it, for the line as given and in the other timestamp format. Runs off the
 * FX thread as you type.
 */
public final class LineTestViewModel {

    /** The result for one timestamp format. */
    public record Form(
            String format, String line, String verdict, String decidedBy, List<String> matching) {}

    private final RuleWorkspace workspace;
    private final Debouncer debouncer;
    private final StringProperty line = new SimpleStringProperty(this, "line", "");
    private final ObservableList<Form> forms = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public LineTestViewModel(RuleWorkspace workspace, Executor fx, long debounceMs) {
        this.workspace = workspace;
        this.debouncer = new Debouncer(fx, debounceMs);
        line.addListener((o, a, b) -> run());
    }

    /** The line under test. */
    public StringProperty lineProperty() {
        return line;
    }

    public ObservableList<Form> forms() {
        return forms;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Tests the line again (after a save changed the rules). */
    public void run() {
        String text = line.get() == null ? "" : line.get().strip();
        if (text.isEmpty()) {
            forms.clear();
            return;
        }
        debouncer.submit(
                token -> test(text),
                r -> {
                    forms.setAll(r);
                    message.set("");
                },
                why -> message.set("Test failed: " + why));
    }

    private List<Form> test(String text) {
        List<Form> out = new ArrayList<>();
        for (LineTest.Form f :
                new LineTest(workspace.classifier(), Year.now().getValue()).test(text)) {
            Rule decided = f.classification().decidingRule();
            List<String> matching = new ArrayList<>();
            for (Rule r : f.matching()) {
                matching.add(r.location() + "  " + r.source());
            }
            out.add(
                    new Form(
                            f.format(),
                            f.line(),
                            VerdictWords.word(f.classification().verdict()),
                            decided == null ? "no rule" : decided.location(),
                            matching));
        }
        return out;
    }
}
