package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.health.HealthFinding;
import dev.logsentry.core.check.health.RuleHealth;
import dev.logsentry.core.check.preview.EditPreview;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Rule-set health of the saved tree against the loaded lines (rules that match nothing, duplicates,
 * shadowed rules, ignore rules hiding alarms, rules matching almost everything, rules that do not
 * compile, the most expensive ones); activating a finding opens its rule in its editor.
 */
public final class RuleHealthViewModel {
    private final RuleWorkspace workspace;
    private final Debouncer debouncer;
    private final ObservableList<HealthFinding> findings = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");

    public RuleHealthViewModel(RuleWorkspace workspace, Executor fx) {
        this.workspace = workspace;
        this.debouncer = new Debouncer(fx, 0);
    }

    public ObservableList<HealthFinding> findings() {
        return findings;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Checks the saved tree against the loaded lines, off the FX thread. */
    public void check() {
        running.set(true);
        message.set("Checking...");
        debouncer.submit(
                token -> {
                    EditPreview p = workspace.preview(token);
                    return RuleHealth.check(p.tree(), workspace.options(), p.lines(), token);
                },
                this::show,
                why -> {
                    running.set(false);
                    message.set("Health check failed: " + why);
                });
    }

    private void show(List<HealthFinding> list) {
        running.set(false);
        findings.setAll(list);
        long serious = list.stream().filter(f -> f.kind().serious()).count();
        message.set(list.size() + " findings, " + serious + " serious");
    }

    /** Opens the finding's rule in its editor. */
    public void open(HealthFinding f) {
        if (f != null && f.file() != null) {
            workspace.openRule(f.file(), f.line());
        }
    }
}
