package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.CheckRun;
import dev.logsentry.core.io.IoErrors;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.report.JsonReport;
import dev.logsentry.core.report.ReportSubject;
import dev.logsentry.core.report.ReportWriter;
import dev.logsentry.core.report.TextReports;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.DeliveryException;
import dev.logsentry.core.report.delivery.FinishedReport;
import dev.logsentry.core.report.delivery.ReportBody;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.automata.AutomataStore;
import dev.logsentry.core.source.tail.CheckState;
import dev.logsentry.core.source.tail.JournalTail;
import dev.logsentry.core.source.tail.LockHeldException;
import dev.logsentry.core.source.tail.StateException;
import dev.logsentry.core.source.tail.StateLock;
import dev.logsentry.core.source.tail.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

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
    private final Runnable onWork;
    private final java.util.function.Function<CheckSettings, AutomataStore> automata;

    public CheckService() {
        this(java.time.Clock.systemDefaultZone());
    }

    public CheckService(java.time.Clock clock) {
        this(clock, () -> {});
    }

    /**
     * @param onWork runs once, as the rules start compiling, when a run has new lines (the command
     *     line tunes its JVM there; a run with nothing new should cost nothing)
     */
    public CheckService(java.time.Clock clock, Runnable onWork) {
        this(clock, onWork, s -> AutomataStore.NONE);
    }

    /**
     * @param automata where a run keeps its compiled rule automata between runs (ADR 0014), given
     *     its settings; {@link AutomataStore#NONE} to compile them every run
     */
    public CheckService(
            java.time.Clock clock,
            Runnable onWork,
            java.util.function.Function<CheckSettings, AutomataStore> automata) {
        this.clock = clock;
        this.onWork = onWork;
        this.automata = automata;
    }

    /** Runs a check and delivers its report to every one of {@code deliveries}. */
    public CheckOutcome run(CheckSettings s, List<Delivery> deliveries) {
        StateStore store = new StateStore(s.stateDir());
        try {
            if (!s.dryRun()) {
                SafeFiles.ensureDirectory(s.stateDir());
            }
            SafeFiles.checkPrivateDirectory(s.stateDir());
        } catch (IOException e) {
            return stopped(
                    CheckOutcome.Status.STATE_ERROR,
                    "cannot use state directory " + s.stateDir() + ": " + e.getMessage());
        }
        if (s.dryRun()) {
            // logcheck -t: no lock, no directory created, nothing written.
            return runLocked(s, store, deliveries);
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
        // a dry run writes nothing beside the state: its temp files go to the system's
        Path spillDir = s.dryRun() ? null : s.stateDir();
        if (spillDir != null) {
            removeLeftovers(spillDir);
        }
        // the rules compile on another core while the logs are read, from the first new line on:
        // with nothing new (most cron runs) they are not compiled at all, as logcheck reads no
        // rules then either
        AutomataStore cache = automata.apply(s);
        EngineLoader engine =
                new EngineLoader(
                        () -> {
                            onWork.run();
                            return new CheckEngine(loadRules(s), s.options(), cache);
                        });
        try (CheckRun run = new CheckRun(() -> join(engine), spillDir, CheckRun.defaultBudget())) {
            SourceReader.Read read =
                    new SourceReader(s)
                            .read(
                                    state,
                                    line -> {
                                        engine.start();
                                        run.add(line);
                                    });
            CheckResult result =
                    run.lines() == 0
                            ? EngineLoader.nothingNew(
                                    s.options().profile(), read.errors(), read.warnings())
                            : run.finish(read.errors(), read.warnings());
            CheckOutcome outcome =
                    deliverAndSave(s, store, state, read, result, started, spillDir, deliveries);
            if (run.lines() > 0) {
                // after the delivery: the report does not wait for the cache to be written
                try {
                    engine.join().classifier().saveAutomata();
                } catch (RuntimeException | OutOfMemoryError e) {
                    // only a cache: the run is done and its outcome stands
                    cache.ignored("not written: " + e);
                }
            }
            return outcome;
        } catch (RulesUnavailable e) {
            return stopped(CheckOutcome.Status.STATE_ERROR, e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            // the spill file beside the state could not be written (a full disk, say)
            return stopped(
                    CheckOutcome.Status.STATE_ERROR,
                    e.getMessage()
                            + " ("
                            + IoErrors.reason(e.getCause())
                            + "); nothing delivered, state unchanged");
        } catch (IOException e) {
            // only closing the run (deleting its temp file) throws here, after everything else
            return stopped(CheckOutcome.Status.STATE_ERROR, "cannot remove a temp file: " + e);
        }
    }

    /** Delivers the report (when there is one) and then, only then, saves the new state. */
    private static CheckOutcome deliverAndSave(
            CheckSettings s,
            StateStore store,
            CheckState state,
            SourceReader.Read read,
            CheckResult result,
            ZonedDateTime started,
            Path spillDir,
            List<Delivery> deliveries) {
        List<String> messages = new ArrayList<>();
        for (RuleProblem p : result.ruleProblems()) {
            messages.add("rule problem: " + p);
        }
        boolean delivered = false;
        if (result.reportable()) {
            try (FinishedReport report = render(s, result, started, spillDir)) {
                for (Delivery d : deliveries) {
                    d.deliver(report);
                }
            } catch (DeliveryException e) {
                messages.add(e.getMessage());
                messages.add("state left unchanged: these lines will be reported again next run");
                return new CheckOutcome(
                        CheckOutcome.Status.DELIVERY_FAILED, result, false, messages);
            } catch (IOException e) {
                messages.add("could not write the report: " + IoErrors.reason(e));
                messages.add("state left unchanged: these lines will be reported again next run");
                return new CheckOutcome(
                        CheckOutcome.Status.DELIVERY_FAILED, result, false, messages);
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

    /** Temp files of a run that was killed (we hold the lock: no other run uses them). */
    private static void removeLeftovers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(CheckRun.SPILL_PREFIX) || name.startsWith(ReportBody.PREFIX)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // a leftover costs disk space, not correctness; the next run tries again
        }
    }

    /** The rules could not be loaded (the bundled ones could not be unpacked). */
    private static final class RulesUnavailable extends RuntimeException {
        RulesUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Waits for the compiled rules. */
    private static CheckEngine join(EngineLoader engine) {
        try {
            return engine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw new RulesUnavailable(
                        "cannot unpack the bundled rules: " + io.getCause().getMessage(), io);
            }
            if (e.getCause() instanceof Error err) {
                throw err; // out of memory, say: the caller reports it as such
            }
            throw e;
        }
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

    /** The configured rule tree: one {@link RuleSetup} for the checker and the workbench. */
    private static RuleTree loadRules(CheckSettings s) throws IOException {
        return new RuleSetup(s.rulesDir(), s.level(), s.options()).load();
    }

    private static FinishedReport render(
            CheckSettings s, CheckResult result, ZonedDateTime started, Path spillDir)
            throws IOException {
        ReportWriter writer =
                s.format() == ReportFormat.JSON
                        ? new JsonReport(s.host(), started)
                        : TextReports.forProfile(s.options().profile());
        String subject =
                ReportSubject.of(result, s.options(), s.host(), started, s.reboot(), s.addTag());
        String ext = s.format() == ReportFormat.JSON ? ".json" : ".txt";
        ReportBody body =
                ReportBody.render(
                        out -> writer.write(result, out), spillDir, ReportBody.MEMORY_LIMIT);
        return new FinishedReport(subject, body, writer.mediaType(), "logcheck-" + s.host() + ext);
    }

    private static CheckOutcome stopped(CheckOutcome.Status status, String message) {
        return new CheckOutcome(status, null, false, List.of(message));
    }
}
