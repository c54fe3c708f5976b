package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.check.preview.EditPreview;
import dev.logsentry.core.check.preview.RuleMatches;
import dev.logsentry.core.check.preview.RulePreview;
import dev.logsentry.core.check.preview.VerdictChanges;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.automata.RegexBudget;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live preview of the rule being edited ({@link RuleWorkspace#targetProperty()}): the loaded
 * lines it matches, with the matched parts, and what the edit would change in the verdicts (lines
 * newly ignored, the alarming ones flagged; lines newly raised). Computed off the FX thread a short
 * delay after the last keystroke; a newer edit cancels the running one. A rule that runs out of its
 * regex time budget is named here and in its editor.
 */
public final class RulePreviewViewModel {

    /** Rows shown at most per list; the counts are always complete. */
    public static final int SHOWN = 500;

    /** A matching line and where the rule matches in it. */
    public record Match(int index, String text, List<int[]> spans) {}

    /**
     * A line whose verdict the edit changes; {@code alarm} when it hides an attack or violation.
     */
    public record Change(int index, String text, Verdict before, Verdict after, boolean alarm) {}

    /** The results of one computation. */
    record Result(
            List<Match> matches,
            int count,
            List<Change> changes,
            String summary,
            String budgetHit,
            String problem) {}

    private final RuleWorkspace workspace;
    private final Debouncer debouncer;
    private final ObservableList<Match> matches = FXCollections.observableArrayList();
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", -1);
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final List<Integer> allMatching = new ArrayList<>();

    /**
     * @param fx runs results on the FX thread ({@code Platform::runLater})
     * @param debounceMs how long typing must pause before the preview runs
     */
    public RulePreviewViewModel(RuleWorkspace workspace, Executor fx, long debounceMs) {
        this.workspace = workspace;
        this.debouncer = new Debouncer(fx, debounceMs);
        workspace.targetProperty().addListener((o, a, b) -> refresh());
    }

    public ObservableList<Match> matches() {
        return matches;
    }

    public ObservableList<Change> changes() {
        return changes;
    }

    /** How many loaded lines the rule matches (-1 before the first result). */
    public IntegerProperty countProperty() {
        return count;
    }

    /** The verdict change in words ("2 newly ignored (1 attack or security event), ..."). */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** Why there is no preview (no rule selected, a syntax error, a time budget hit). */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Runs the preview again for the current target (after the loaded lines changed). */
    public void refresh() {
        RuleWorkspace.Target t = workspace.targetProperty().get();
        if (t == null) {
            return;
        }
        running.set(true);
        debouncer.submit(token -> compute(t, token), this::show, this::failed);
    }

    /** Shows every matching line in the Events view. */
    public void showAll() {
        workspace.showLines(allMatching);
    }

    public void show(int index) {
        workspace.showLines(List.of(index));
    }

    private Result compute(RuleWorkspace.Target t, CancelToken token) {
        EditPreview preview = workspace.preview(token);
        List<Match> found = new ArrayList<>();
        int n = 0;
        String budget = null;
        String problem = null;
        List<Integer> all = new ArrayList<>();
        if (t.pattern() == null) {
            problem = "The selected line is not a rule";
        } else {
            try {
                Rule rule = RulePreview.rule(t.pattern(), t.category(), t.file(), t.line());
                RuleMatches m = preview.matches(rule, token);
                n = m.count();
                budget = m.budgetHit();
                for (int i : m.matching()) {
                    all.add(i);
                    if (found.size() < SHOWN && budget == null) {
                        String text = preview.lines().latin1(i);
                        found.add(new Match(i, text, spans(rule, text)));
                    }
                }
            } catch (EreSyntaxException e) {
                problem = "grep -E rejects this rule: " + e.getMessage();
            } catch (RegexBudget.Exceeded e) {
                budget = e.getMessage();
            }
        }
        // the matches first: the verdict difference over the whole tree takes longer
        Result partial =
                new Result(found, n, null, "Computing the verdict change...", budget, problem);
        debouncer.publish(token, () -> show(partial));
        List<Change> ch = new ArrayList<>();
        String sum;
        try {
            VerdictChanges c = preview.ifFileWere(t.file(), t.fileLines(), token);
            for (int k = 0; k < c.size() && ch.size() < SHOWN; k++) {
                int i = c.lines()[k];
                ch.add(
                        new Change(
                                i,
                                preview.lines().latin1(i),
                                c.before()[k],
                                c.after()[k],
                                c.hidesAlarm(k)));
            }
            sum = c.size() == 0 ? "No verdict changes" : c.summary();
        } catch (IllegalArgumentException e) {
            sum = e.getMessage() + ": no verdict preview";
        }
        synchronized (allMatching) {
            allMatching.clear();
            allMatching.addAll(all);
        }
        return new Result(found, n, ch, sum, budget, problem);
    }

    private static List<int[]> spans(Rule rule, String text) {
        try {
            return RulePreview.spans(rule, text);
        } catch (RegexBudget.Exceeded e) {
            return List.of();
        }
    }

    private void show(Result r) {
        boolean done = r.changes() != null;
        running.set(!done);
        matches.setAll(r.matches());
        if (done) {
            changes.setAll(r.changes());
        } else {
            changes.clear();
        }
        count.set(r.count());
        summary.set(r.summary());
        String msg = r.problem() != null ? r.problem() : "";
        if (r.budgetHit() != null) {
            msg = "Stopped, time budget hit: " + r.budgetHit();
        }
        message.set(msg);
        workspace.budgetHitProperty().set(r.budgetHit());
    }

    private void failed(String why) {
        running.set(false);
        message.set("Preview failed: " + why);
    }
}
