package dev.logsentry.ui.workbench;

import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.source.SourceKind;
import dev.logsentry.core.summary.SummaryInput;
import dev.logsentry.core.summary.SummaryOutline;
import dev.logsentry.ui.dns.DnsView;
import dev.logsentry.ui.dock.DockLayouts;
import dev.logsentry.ui.dock.DockWorkbench;
import dev.logsentry.ui.dock.JobRegistry;
import dev.logsentry.ui.dock.LayoutNode;
import dev.logsentry.ui.dock.PerspectiveDescriptor;
import dev.logsentry.ui.dock.ProgressView;
import dev.logsentry.ui.dock.SelectionService;
import dev.logsentry.ui.dock.StandardPerspectives;
import dev.logsentry.ui.dock.StandardView;
import dev.logsentry.ui.dock.ViewDescriptor;
import dev.logsentry.ui.dock.ViewRegistry;
import dev.logsentry.ui.events.EventsView;
import dev.logsentry.ui.ruleedit.RuleEditorParts;
import dev.logsentry.ui.rules.RulesView;
import dev.logsentry.ui.sources.SourceItem;
import dev.logsentry.ui.sources.SourcesView;
import dev.logsentry.ui.summary.SummaryView;
import dev.logsentry.ui.summary.SummaryViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

/**
 * The workbench's docking layer put together: every view of the window registered with the {@link
 * DockWorkbench} (Sources, Events, Rules, the DNS views, Summary, Progress), the three standard
 * perspectives, and the {@link JobRegistry} the background work reports to. The views themselves
 * stay as they were; this class only tells the docking layer about them.
 */
final class WorkbenchDock {
    /** The Summary view's id (logwatch-style summaries of the open logs). */
    static final String SUMMARY = "summary";

    private final ViewRegistry views = new ViewRegistry();
    private final SelectionService selection = new SelectionService();
    private final JobRegistry jobs = new JobRegistry();
    private final DockWorkbench dock;
    private final SummaryView summary;
    private final RuleEditing ruleEditing;

    WorkbenchDock(
            WorkbenchViewModel model,
            SourcesView sources,
            EventsView events,
            RulesView rules,
            DnsView dns,
            Executor background) {
        SummaryViewModel summaryModel = new SummaryViewModel();
        summary = new SummaryView(summaryModel, background);
        summaryModel.setOnOpenLines(targets -> openLines(model, targets));
        summaryModel.setOnStarted(task -> jobs.track("Summarising the open logs", task));
        model.sources()
                .addListener(
                        (ListChangeListener<SourceItem>)
                                c -> summaryModel.inputs().setAll(summaryInputs(model.sources())));
        DnsView.Parts dnsParts = dns.dockParts();
        EventsView.Parts eventParts = events.dockParts();
        register(StandardView.SOURCES.with(() -> sources));
        register(StandardView.TIMELINE.with(eventParts::timeline));
        register(StandardView.DETAILS.with(eventParts::details));
        register(StandardView.RULES_TREE.with(() -> rules));
        register(StandardView.DNS_QUERIES.with(() -> dns));
        register(StandardView.RESOLUTION_TREE.with(dnsParts::tree));
        register(StandardView.WALK_DIAGRAM.with(dnsParts::walk));
        register(StandardView.DNS_STATISTICS.with(dnsParts::stats));
        register(StandardView.PROGRESS.with(() -> new ProgressView(jobs)));
        views.register(
                ViewDescriptor.view(
                        SUMMARY,
                        "Summary",
                        "mdi2t-text-box-search-outline",
                        "bottom",
                        () -> summary,
                        StandardPerspectives.EVENTS));
        ruleEditing =
                RuleEditing.register(model, views, model.dialogs(), this::dock, model::warning);
        dock = new DockWorkbench(views, selection);
        dock.addPerspective(events());
        dock.addPerspective(dns());
        dock.addPerspective(rules());
        dock.showPerspective(StandardPerspectives.EVENTS);
        if (ruleEditing != null) {
            ruleEditing.install(dock);
        }
    }

    /**
     * Events: Sources on the left; the timeline of the active log above the open logs; the details
     * of its selected line below them, beside Progress and Summary. Proportioned for 1280x800.
     */
    private static PerspectiveDescriptor events() {
        PerspectiveDescriptor standard = StandardPerspectives.events();
        return PerspectiveDescriptor.of(
                standard.id(),
                standard.title(),
                standard.icon(),
                standard.accelerator(),
                DockLayouts.horizontal(
                        new double[] {0.19},
                        DockLayouts.stack("left"),
                        DockLayouts.vertical(
                                new double[] {0.14, 0.66},
                                DockLayouts.stack("top"),
                                DockLayouts.editorArea(),
                                DockLayouts.horizontal(
                                        new double[] {0.62},
                                        DockLayouts.stack("details"),
                                        DockLayouts.stack("bottom")))));
    }

    /**
     * Rules: the standard layout with the pattern editor's Preview in front of the stack below the
     * editors (not Progress, which joins that stack first): what a rule being written matches.
     */
    private static PerspectiveDescriptor rules() {
        PerspectiveDescriptor standard = StandardPerspectives.rules();
        LayoutNode main = standard.template().main();
        return PerspectiveDescriptor.of(
                standard.id(),
                standard.title(),
                standard.icon(),
                standard.accelerator(),
                DockLayouts.withSelected(main, "bottom", RuleEditorParts.PREVIEW));
    }

    /**
     * DNS, for 1280x800 and up: the queries and the selected query's resolution tree side by side
     * over the upper half; below them the dnscache log's editor (its lines) beside a stack of the
     * walk diagram, the statistics and Progress (the template has no other area, so they join the
     * last stack). Sources stays on the left, narrow.
     */
    private static PerspectiveDescriptor dns() {
        PerspectiveDescriptor standard = StandardPerspectives.dns();
        return PerspectiveDescriptor.of(
                standard.id(),
                standard.title(),
                standard.icon(),
                standard.accelerator(),
                DockLayouts.horizontal(
                        new double[] {0.15},
                        DockLayouts.stack("left"),
                        DockLayouts.vertical(
                                new double[] {0.5},
                                DockLayouts.horizontal(
                                        new double[] {0.52},
                                        DockLayouts.stack("queries"),
                                        DockLayouts.stack("tree")),
                                DockLayouts.horizontal(
                                        new double[] {0.5},
                                        DockLayouts.editorArea(),
                                        DockLayouts.stack("walk")))));
    }

    private void register(ViewDescriptor view) {
        views.register(view);
    }

    DockWorkbench dock() {
        return dock;
    }

    /**
     * What the Summary view reads for the open sources: files (plain, gzip, a dnscache log, a
     * remote host's day file) by path on the summary's fast path, multilog directories as such, the
     * journal as it was read; a merged view not at all (its parts are open themselves).
     */
    static List<SummaryInput> summaryInputs(List<SourceItem> sources) {
        List<SummaryInput> out = new ArrayList<>();
        for (SourceItem s : sources) {
            SourceKind kind = s.handle().sourceKind();
            if (kind == SourceKind.MERGED) {
                continue;
            }
            if (kind == null) { // still opening: a file by its path
                if (s.path() != null && java.nio.file.Files.isRegularFile(s.path())) {
                    out.add(new SummaryInput.LogFile(s.path()));
                }
                continue;
            }
            if (kind == SourceKind.MULTILOG) {
                out.add(new SummaryInput.Multilog(s.path()));
            } else if (kind == SourceKind.JOURNAL) {
                if (s.handle().lines() instanceof RawLineSource raw) {
                    out.add(
                            new SummaryInput.Open(
                                    s.nameProperty().get(), raw, Instant.now(), false));
                }
            } else {
                out.add(new SummaryInput.LogFile(s.path()));
            }
        }
        return out;
    }

    JobRegistry jobs() {
        return jobs;
    }

    SelectionService selection() {
        return selection;
    }

    /** The hosted pattern editor, or null when it found no rules to edit. */
    RuleEditing ruleEditing() {
        return ruleEditing;
    }

    SummaryView summary() {
        return summary;
    }

    /** The perspective id of a workbench perspective. */
    static String id(Perspective p) {
        return switch (p) {
            case EVENTS -> StandardPerspectives.EVENTS;
            case DNS -> StandardPerspectives.DNS;
            case RULES -> StandardPerspectives.RULES;
        };
    }

    /** The workbench perspective of a perspective id, or null for one the user saved. */
    static Perspective perspective(String id) {
        for (Perspective p : Perspective.values()) {
            if (id(p).equals(id)) {
                return p;
            }
        }
        return null;
    }

    /** A summary's number link: select the source and show its first referenced line. */
    private void openLines(WorkbenchViewModel model, List<SummaryOutline.LineTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        SummaryOutline.LineTarget first = targets.get(0);
        for (SourceItem s : model.sources()) {
            if (s.path().toString().equals(first.source())
                    || s.nameProperty().get().equals(first.source())) {
                model.selectedProperty().set(s);
                model.events().goToLine(first.line() - 1);
                return;
            }
        }
    }

    /** Views that are not part of a standard perspective but must stay reachable. */
    List<String> ids() {
        return views.all().stream().map(ViewDescriptor::id).toList();
    }

    Node node() {
        return dock.node();
    }
}
