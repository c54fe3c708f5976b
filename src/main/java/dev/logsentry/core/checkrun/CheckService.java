package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckInput;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.report.JsonReport;
import dev.logsentry.core.report.ReportSubject;
import dev.logsentry.core.report.ReportWriter;
import dev.logsentry.core.report.TextReports;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.DeliveryException;
import dev.logsentry.core.report.delivery.FinishedReport;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.source.tail.CheckState;
import dev.logsentry.core.source.tail.FileState;
import dev.logsentry.core.source.tail.JournalState;
import dev.logsentry.core.source.tail.JournalTail;
import dev.logsentry.core.source.tail.LockHeldException;
import dev.logsentry.core.source.tail.LogTail;
import dev.logsentry.core.source.tail.StateException;
import dev.logsentry.core.source.tail.StateLock;
import dev.logsentry.core.source.tail.StateStore;
import dev.logsentry.core.source.tail.TailEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code logsentry check} run, the way logcheck does it but without losing lines: take the
 * lock, read what is new in every source, classify, render, deliver, and only then save the new
 * offsets. A run that fails before the state is saved leaves it as it was, so its lines are read
 * (and reported) again next time: at worst twice, never not at all.
 */
public final class CheckService {
    /** The source name of the systemd journal (logcheck.logfiles spells it so too). */
    public static final String JOURNAL = "journal";

    private final java.time.Clock clock;

    public CheckService() {
        this(java.time.Clock.systemDefaultZone());
    }

    public CheckService(java.time.Clock clock) {
        this.clock = clock;
    }

    /** Runs a check and delivers its report to every one of {@code deliveries}. */
    public CheckOutcome run(CheckSettings s, List<Delivery> deliveries) {
        StateStore store = new StateStore(s.stateDir());
        if (s.dryRun()) {
            // logcheck -t: no lock, no directory created, nothing written.
            return runLocked(s, store, deliveries);
        }
        try {
            SafeFiles.ensureDirectory(s.stateDir());
        } catch (IOException e) {
            return stopped(
                    CheckOutcome.Status.STATE_ERROR,
                    "cannot use state directory " + s.stateDir() + ": " + e.getMessage());
        }
        try (StateLock lock = StateLock.acquire(s.stateDir())) {
            return runLocked(s, store, deliveries);
        } catch (LockHeldException e) {
            return stopped(CheckOutcome.Status.LOCK_HELD, e.getMessage());
        } catch (IOException e) {
            return stopped(
                    CheckOutcome.Status.STATE_ERROR,
                    "cannot lock " + s.stateDir() + ": " + e.getMessage());
        }
    }

    private CheckOutcome runLocked(CheckSettings s, StateStore store, List<Delivery> deliveries) {
        ZonedDateTime started = ZonedDateTime.now(clock);
        CheckState state;
        try {
            state = store.load();
        } catch (StateException e) {
            return stopped(CheckOutcome.Status.STATE_ERROR, e.getMessage());
        }
        // the rules compile on another core while the logs are read
        java.util.concurrent.CompletableFuture<CheckEngine> engine = compileAsync(s);
        Read read = readSources(s, state);
        CheckEngine compiled;
        try {
            compiled = engine.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                return stopped(
                        CheckOutcome.Status.STATE_ERROR,
                        "cannot unpack the bundled rules: " + io.getCause().getMessage());
            }
            throw e;
        }
        CheckResult result =
                compiled.run(new CheckInput(read.lines(), read.errors(), read.warnings()));

        List<String> messages = new ArrayList<>();
        for (RuleProblem p : result.ruleProblems()) {
            messages.add("rule problem: " + p);
        }
        boolean delivered = false;
        if (result.reportable()) {
            FinishedReport report = render(s, result, started);
            for (Delivery d : deliveries) {
                try {
                    d.deliver(report);
                } catch (DeliveryException e) {
                    messages.add(e.getMessage());
                    messages.add(
                            "state left unchanged: these lines will be reported again next run");
                    return new CheckOutcome(
                            CheckOutcome.Status.DELIVERY_FAILED, result, false, messages);
                }
            }
            delivered = true;
        } else {
            // Nothing reportable: logcheck sends nothing, so the operator hears of problems here.
            messages.addAll(read.errors());
            messages.addAll(read.warnings());
        }
        if (!s.dryRun()) {
            try {
                store.save(state.with(read.files(), read.journals()));
            } catch (StateException e) {
                messages.add(e.getMessage());
                messages.add(
                        "the report was delivered but the state was not saved: these lines will be"
                                + " reported again next run");
                return new CheckOutcome(
                        CheckOutcome.Status.STATE_ERROR, result, delivered, messages);
            }
        }
        CheckOutcome.Status status =
                read.errors().isEmpty()
                        ? CheckOutcome.Status.OK
                        : CheckOutcome.Status.SOURCE_ERRORS;
        return new CheckOutcome(status, result, delivered, messages);
    }

    /**
     * The state key of a journal source: {@code journal} for the system journal, with the extra
     * journalctl arguments appended otherwise, so a cursor of one journal file is never used for
     * another.
     */
    static String journalKey(JournalTail.Config journal) {
        List<String> cmd = journal.command();
        return cmd.size() <= 1
                ? JOURNAL
                : JOURNAL + " " + String.join(" ", cmd.subList(1, cmd.size()));
    }

    /** Loads and compiles the rules in a background (daemon) thread. */
    private static java.util.concurrent.CompletableFuture<CheckEngine> compileAsync(
            CheckSettings s) {
        java.util.concurrent.CompletableFuture<CheckEngine> result =
                new java.util.concurrent.CompletableFuture<>();
        Thread t =
                new Thread(
                        () -> {
                            try {
                                result.complete(new CheckEngine(loadRules(s), s.options()));
                            } catch (IOException e) {
                                result.completeExceptionally(new java.io.UncheckedIOException(e));
                            } catch (RuntimeException | Error e) {
                                result.completeExceptionally(e);
                            }
                        },
                        "logsentry-rules");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** The configured rule tree: one {@link RuleSetup} for the checker and the workbench. */
    private static RuleTree loadRules(CheckSettings s) throws IOException {
        return new RuleSetup(s.rulesDir(), s.level(), s.options()).load();
    }

    /** New lines and state of every source; errors and warnings in logcheck's wording. */
    record Read(
            List<InputLine> lines,
            List<String> errors,
            List<String> warnings,
            Map<String, FileState> files,
            Map<String, JournalState> journals) {}

    Read readSources(CheckSettings s, CheckState state) {
        // logcheck collects each source into logoutput/<basename> and concatenates those in name
        // order; the engine's sort is stable, so this order decides ties.
        record Source(String baseName, Path file) {}
        List<Source> sources = new ArrayList<>();
        for (Path f : s.logFiles()) {
            sources.add(new Source(f.getFileName().toString(), f));
        }
        if (s.journal() != null) {
            sources.add(new Source(JOURNAL, null));
        }
        sources.sort(Comparator.comparing(Source::baseName));

        List<InputLine> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, FileState> files = new LinkedHashMap<>();
        Map<String, JournalState> journals = new LinkedHashMap<>();
        LogTail tail = new LogTail(s.maxLineBytes());
        for (Source src : sources) {
            List<TailEvent> events;
            if (src.file() == null) {
                String key = journalKey(s.journal());
                JournalTail.Result r =
                        new JournalTail(s.journal())
                                .read(
                                        JOURNAL,
                                        state.journals().get(key),
                                        l ->
                                                lines.add(
                                                        InputLine.ofBytes(
                                                                JOURNAL, l.offset(), l.bytes())));
                if (r.next() != null) {
                    journals.put(key, r.next());
                }
                events = r.events();
            } else {
                String key = src.file().toString();
                LogTail.Result r;
                long[] cut = {0};
                try {
                    r =
                            tail.read(
                                    src.file(),
                                    state.files().get(key),
                                    l -> {
                                        lines.add(
                                                InputLine.ofBytes(l.file(), l.offset(), l.bytes()));
                                        cut[0] += l.cut() ? 1 : 0;
                                    });
                } catch (IOException e) {
                    errors.add(
                            "E: File could not be read: "
                                    + src.file()
                                    + " ("
                                    + e.getMessage()
                                    + ")");
                    continue;
                }
                if (r.next() != null) {
                    files.put(key, r.next());
                }
                if (cut[0] > 0) {
                    warnings.add(
                            cut[0]
                                    + " line(s) of "
                                    + src.file()
                                    + " longer than "
                                    + s.maxLineBytes()
                                    + " bytes were checked and reported by their first "
                                    + s.maxLineBytes()
                                    + " bytes");
                }
                events = r.events();
            }
            for (TailEvent e : events) {
                switch (e.severity()) {
                    case ERROR -> errors.add("E: " + e.message());
                    case WARNING -> warnings.add(e.message());
                    case INFO -> {}
                }
            }
        }
        return new Read(lines, errors, warnings, files, journals);
    }

    private static FinishedReport render(
            CheckSettings s, CheckResult result, ZonedDateTime started) {
        ReportWriter writer =
                s.format() == ReportFormat.JSON
                        ? new JsonReport(s.host(), started)
                        : TextReports.forProfile(s.options().profile());
        String subject =
                ReportSubject.of(result, s.options(), s.host(), started, s.reboot(), s.addTag());
        String ext = s.format() == ReportFormat.JSON ? ".json" : ".txt";
        return new FinishedReport(
                subject, writer.toBytes(result), writer.mediaType(), "logcheck-" + s.host() + ext);
    }

    private static CheckOutcome stopped(CheckOutcome.Status status, String message) {
        return new CheckOutcome(status, null, false, List.of(message));
    }
}
