package dev.logsentry.core.check;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The verdict of every line of a batch under one rule tree, one byte per line, computed with the
 * check engine's fast path (no rule is named). Each byte holds the verdict for both values of
 * logcheck's one run-wide dependency (whether any line was an attack), so that re-classifying a few
 * lines ({@link #with}) gives the verdicts of the whole batch without touching the others.
 * Immutable.
 */
public final class LineVerdicts {

    private static final int CHUNK = 4096;
    private static final Verdict[] VERDICTS = Verdict.values();

    /** Low 2 bits: verdict without an attack in the run; next 2 bits: with one. */
    private final byte[] codes;

    private final int attacks;

    private LineVerdicts(byte[] codes) {
        this.codes = codes;
        int n = 0;
        for (byte c : codes) {
            if ((c & 3) == Verdict.ATTACK.ordinal()) {
                n++;
            }
        }
        this.attacks = n;
    }

    /**
     * Classifies every line with {@code classifier}, on up to {@code options().threads()} threads.
     *
     * @throws CancellationException when {@code cancelled} turns true (checked every few thousand
     *     lines)
     */
    public static LineVerdicts compute(
            Classifier classifier, CheckLines lines, BooleanSupplier cancelled) {
        byte[] codes = new byte[lines.size()];
        int chunks = (lines.size() + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        parallel(
                classifier.options().threads(),
                chunks,
                () -> {
                    withSession(
                            classifier,
                            session -> {
                                for (int c = next.getAndIncrement();
                                        c < chunks;
                                        c = next.getAndIncrement()) {
                                    if (cancelled.getAsBoolean()) {
                                        throw new CancellationException();
                                    }
                                    int to = Math.min(lines.size(), (c + 1) * CHUNK);
                                    for (int i = c * CHUNK; i < to; i++) {
                                        codes[i] =
                                                code(
                                                        classifier.facts(
                                                                session, lines.latin1(i), false));
                                    }
                                }
                            });
                });
        return new LineVerdicts(codes);
    }

    /**
     * These verdicts with lines {@code indexes} re-classified by {@code classifier} (another tree):
     * exact when no other line can change, i.e. when the trees differ only in files that match none
     * of the other lines differently.
     */
    public LineVerdicts with(
            Classifier classifier, CheckLines lines, int[] indexes, BooleanSupplier cancelled) {
        byte[] copy = codes.clone();
        withSession(
                classifier,
                session -> {
                    for (int k = 0; k < indexes.length; k++) {
                        if ((k & 1023) == 0 && cancelled.getAsBoolean()) {
                            throw new CancellationException();
                        }
                        int i = indexes[k];
                        copy[i] = code(classifier.facts(session, lines.latin1(i), false));
                    }
                });
        return new LineVerdicts(copy);
    }

    private static void withSession(
            Classifier classifier,
            java.util.function.Consumer<dev.logsentry.core.rules.automata.RuleFileMatcher.Session>
                    work) {
        var session = classifier.session();
        try {
            work.accept(session);
        } finally {
            classifier.release(session);
        }
    }

    /** Runs {@code worker} on {@code min(threads, chunks)} threads and waits for all. */
    private static void parallel(int threads, int chunks, Runnable worker) {
        int n = Math.max(1, Math.min(threads, chunks));
        if (n == 1) {
            worker.run();
            return;
        }
        java.util.List<Thread> started = new java.util.ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < n; t++) {
            Thread th =
                    new Thread(
                            () -> {
                                try {
                                    worker.run();
                                } catch (Throwable e) {
                                    synchronized (failure) {
                                        if (failure[0] == null) {
                                            failure[0] = e;
                                        }
                                    }
                                }
                            },
                            "logsentry-verdicts");
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    private static byte code(LineFacts f) {
        Verdict alone = verdict(f, false);
        Verdict inRun = verdict(f, true);
        return (byte) (alone.ordinal() | (inRun.ordinal() << 2));
    }

    private static Verdict verdict(LineFacts f, boolean attackInRun) {
        if (!f.attacks().isEmpty()) {
            return Verdict.ATTACK;
        }
        if (!f.violations(attackInRun).isEmpty()) {
            return Verdict.VIOLATION;
        }
        return f.unusual() ? Verdict.UNUSUAL : Verdict.IGNORED;
    }

    public int size() {
        return codes.length;
    }

    /** Whether any line is an attack (logcheck's ATTACK flag for the run). */
    public boolean attackInRun() {
        return attacks > 0;
    }

    /** The verdict of line {@code index} in this batch. */
    public Verdict verdict(int index) {
        int c = codes[index];
        return VERDICTS[attackInRun() ? (c >> 2) & 3 : c & 3];
    }

    /** How many lines have {@code verdict}. */
    public int count(Verdict verdict) {
        int n = 0;
        for (int i = 0; i < codes.length; i++) {
            if (verdict(i) == verdict) {
                n++;
            }
        }
        return n;
    }
}
