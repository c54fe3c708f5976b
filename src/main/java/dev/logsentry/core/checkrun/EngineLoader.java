package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Compiles a run's rules into a {@link CheckEngine} in a background (daemon) thread, started by the
 * first new line: compiling overlaps with reading the rest, and a run with nothing new (most hourly
 * cron runs) never compiles the rules, which is most of such a run's time. logcheck, too, reads no
 * rules when there is nothing new.
 */
final class EngineLoader {
    /** Makes the engine: loads the rule tree and compiles it. */
    @FunctionalInterface
    interface Compile {
        CheckEngine compile() throws IOException;
    }

    private final Compile compile;
    private final CompletableFuture<CheckEngine> result = new CompletableFuture<>();
    private volatile boolean started;

    EngineLoader(Compile compile) {
        this.compile = compile;
    }

    /** Starts compiling, once; cheap to call again (it is called for every line read). */
    void start() {
        if (started) {
            return;
        }
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
        }
        Thread t =
                new Thread(
                        () -> {
                            try {
                                result.complete(compile.compile());
                            } catch (IOException e) {
                                result.completeExceptionally(new UncheckedIOException(e));
                            } catch (RuntimeException | Error e) {
                                result.completeExceptionally(e);
                            }
                        },
                        "logsentry-rules");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The engine, compiling it now if no line started it.
     *
     * @throws java.util.concurrent.CompletionException with an {@link UncheckedIOException} when
     *     the rules could not be read
     */
    CheckEngine join() {
        start();
        return result.join();
    }

    /** The result of a run that read no new line: nothing to report, nothing classified. */
    static CheckResult nothingNew(Profile profile, List<String> errors, List<String> warnings) {
        return new CheckResult(
                profile,
                Verdict.IGNORED,
                List.of(),
                errors,
                warnings,
                0,
                List.of(),
                Optional.empty(),
                Optional.empty());
    }
}
