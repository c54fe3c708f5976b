package dev.logsentry.ui.summary;

import dev.logsentry.core.summary.DateRange;
import dev.logsentry.core.summary.Detail;
import dev.logsentry.core.summary.HtmlDigest;
import dev.logsentry.core.summary.RangeParser;
import dev.logsentry.core.summary.ServiceLoader;
import dev.logsentry.core.summary.Summarizer;
import dev.logsentry.core.summary.Summary;
import dev.logsentry.core.summary.SummaryInput;
import dev.logsentry.core.summary.SummaryOutline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State of the Summary view: the logs to summarise (the host sets them: the workbench's open
 * sources), the range and detail, the summary with its outline, and what to do when a number is
 * followed to its lines. The run happens in a {@link Task} on the host's executor; everything else
 * on the FX thread. The host wires {@link #setOnOpenLines} to its Events view.
 */
public final class SummaryViewModel {
    /** Ranges offered in the picker; any logwatch range can be typed. */
    public static final List<String> RANGE_PRESETS =
            List.of(
                    "Today",
                    "Yesterday",
                    "All",
                    "since 1 hours ago for those hours",
                    "between -7 days and today",
                    "-1 days");

    private final ObservableList<SummaryInput> inputs = FXCollections.observableArrayList();
    private final StringProperty range = new SimpleStringProperty("Today");
    private final ObjectProperty<Detail> detail = new SimpleObjectProperty<>(Detail.HIGH);
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>();
    private final ObservableList<SummaryOutline.Node> outline = FXCollections.observableArrayList();
    private final StringProperty status =
            new SimpleStringProperty(""); // the outline's placeholder says what to do first
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Supplier<List<ServiceLoader.LoadedService>> services;
    private final Clock clock;
    private final ZoneId zone;
    private Consumer<List<SummaryOutline.LineTarget>> onOpenLines = t -> {};
    private Consumer<Task<Summary>> onStarted = t -> {};
    private Supplier<List<SummaryInput>> currentInputs;
    private Task<Summary> running;

    /** Bundled services and the user's and system's service folders. */
    public SummaryViewModel() {
        this(
                () ->
                        new ArrayList<>(
                                ServiceLoader.load(ServiceLoader.folders(System.getenv()))
                                        .services()
                                        .values()),
                Clock.systemDefaultZone(),
                ZoneId.systemDefault());
    }

    /** For tests and hosts with their own service set. */
    public SummaryViewModel(
            Supplier<List<ServiceLoader.LoadedService>> services, Clock clock, ZoneId zone) {
        this.services = services;
        this.clock = clock;
        this.zone = zone;
    }

    /** Summarises {@link #inputs()} over the range, off the FX thread. */
    public Task<Summary> run(Executor executor) {
        if (currentInputs != null) {
            inputs.setAll(currentInputs.get());
        }
        DateRange r;
        try {
            r = new RangeParser(clock, zone).parse(range.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return null;
        }
        List<SummaryInput> in = List.copyOf(inputs);
        Detail d = detail.get();
        Task<Summary> task =
                new Task<>() {
                    @Override
                    protected Summary call() {
                        updateMessage("Summarising " + in.size() + " log(s)\u2026");
                        Summarizer s =
                                new Summarizer(
                                        services.get(),
                                        new Summarizer.Options(r, d, false, true, zone, 1),
                                        clock);
                        return s.run(in, this::isCancelled).get(0);
                    }
                };
        busy.set(true);
        status.bind(task.messageProperty());
        task.setOnSucceeded(
                e -> {
                    status.unbind();
                    busy.set(false);
                    show(task.getValue());
                });
        task.setOnFailed(
                e -> {
                    status.unbind();
                    busy.set(false);
                    status.set("Cannot summarise: " + task.getException().getMessage());
                });
        task.setOnCancelled(
                e -> {
                    status.unbind();
                    busy.set(false);
                    status.set("Summary cancelled");
                });
        running = task;
        onStarted.accept(task);
        executor.execute(task);
        return task;
    }

    /** Stops the run in progress, if any: the summary shown before stays. */
    public void cancel() {
        if (running != null) {
            running.cancel(true);
        }
    }

    /**
     * Where the host's open logs are read from when a run starts ({@link #inputs()} follows the
     * host's list as it changes; a source still opening is known better by then).
     */
    public void setInputs(Supplier<List<SummaryInput>> current) {
        this.currentInputs = current;
        inputs.setAll(current.get());
    }

    /** Called on the FX thread with each run as it starts (the workbench lists it in Progress). */
    public void setOnStarted(Consumer<Task<Summary>> handler) {
        this.onStarted = Objects.requireNonNull(handler);
    }

    /** Shows a summary made elsewhere. */
    public void show(Summary s) {
        summary.set(s);
        outline.setAll(SummaryOutline.of(s));
        status.set(
                String.format(
                        "%,d lines read, %,d in range %s, %d service(s)%s",
                        s.linesRead(),
                        s.linesInRange(),
                        s.range().all() ? "(all)" : s.range().text(),
                        s.services().size(),
                        s.warnings().isEmpty() ? "" : "; " + String.join("; ", s.warnings())));
    }

    /** Follows a number to its lines: hands them to the host (the Events view). */
    public void openLines(SummaryOutline.Node node) {
        Summary s = summary.get();
        if (s == null || node.lines() == null || node.lines().size() == 0) {
            return;
        }
        onOpenLines.accept(SummaryOutline.targets(s, node.lines()));
    }

    /** Writes the shown summary as the self-contained HTML digest. */
    public void exportHtml(Path file, String hostName) throws IOException {
        Summary s = summary.get();
        if (s == null) {
            throw new IOException("nothing to export yet: summarise first");
        }
        HtmlDigest.write(file, List.of(s), hostName, zone);
    }

    /** Receives the lines behind a followed number (source name and 1-based line number). */
    public void setOnOpenLines(Consumer<List<SummaryOutline.LineTarget>> handler) {
        this.onOpenLines = Objects.requireNonNull(handler);
    }

    /** The logs to summarise; the host keeps this in step with its open sources. */
    public ObservableList<SummaryInput> inputs() {
        return inputs;
    }

    public StringProperty rangeProperty() {
        return range;
    }

    public ObjectProperty<Detail> detailProperty() {
        return detail;
    }

    public ObjectProperty<Summary> summaryProperty() {
        return summary;
    }

    /** One node per service, in name order. */
    public ObservableList<SummaryOutline.Node> outline() {
        return outline;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    static Map<String, Detail> detailChoices() {
        return Map.of("Low", Detail.LOW, "Med", Detail.MED, "High", Detail.HIGH);
    }
}
