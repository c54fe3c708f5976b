package dev.logsentry.core.remote;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.DeliveryException;
import dev.logsentry.core.report.delivery.FinishedReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Mails attack lines (and violations, if configured) as they arrive: the first one opens a window
 * of {@link AlertSettings#delay()}, every alert line arriving within it joins the same mail, and at
 * most {@link AlertSettings#maxMailsPerHour()} mails leave in any hour. A flood beyond that is
 * collected into one digest (the first lines quoted, the rest counted per host) that leaves when
 * the hour allows. A failed delivery is logged and tried again one delay later; lines are not lost
 * from the spool either way, only the mail is late. Unusual lines are left to the next {@code
 * check} run.
 */
public final class AlertMailer implements RemoteListener, AutoCloseable {
    private final AlertSettings settings;
    private final Delivery delivery;
    private final String receiverHost;
    private final Consumer<String> log;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Deque<Instant> sent = new ArrayDeque<>();

    /** One flush at a time: the timer's and close()'s must not mail the same lines twice. */
    private final Object flushing = new Object();

    private final List<RemoteLine> quoted = new ArrayList<>();
    private final Map<String, Integer> perHost = new TreeMap<>();
    private int pendingLines;
    private Instant firstPending;
    private ScheduledFuture<?> scheduled;
    private boolean deferred;

    public AlertMailer(
            AlertSettings settings,
            Delivery delivery,
            String receiverHost,
            Consumer<String> log,
            Clock clock) {
        this.settings = settings;
        this.delivery = delivery;
        this.receiverHost = receiverHost;
        this.log = log;
        this.clock = clock;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "logsentry-alerts");
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public void lines(List<RemoteLine> batch) {
        synchronized (this) {
            for (RemoteLine l : batch) {
                Verdict v = l.classification().verdict();
                if (!settings.alerts(v)) {
                    continue;
                }
                if (pendingLines == 0) {
                    firstPending = clock.instant();
                }
                pendingLines++;
                perHost.merge(l.host(), 1, Integer::sum);
                if (quoted.size() < settings.maxLinesPerMail()) {
                    quoted.add(l);
                }
            }
            if (pendingLines > 0 && scheduled == null) {
                schedule(settings.delay());
            }
        }
    }

    /** Mails what is pending now if the hour allows, else reschedules it as a digest. */
    void flush() {
        synchronized (flushing) {
            flushOnce();
        }
    }

    private void flushOnce() {
        FinishedReport mail;
        int lines;
        List<RemoteLine> mailedQuoted;
        Map<String, Integer> mailedPerHost;
        Instant mailedSince;
        boolean wasDeferred;
        synchronized (this) {
            scheduled = null;
            if (pendingLines == 0) {
                return;
            }
            Instant now = clock.instant();
            while (!sent.isEmpty() && sent.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
                sent.removeFirst();
            }
            if (sent.size() >= settings.maxMailsPerHour()) {
                Duration wait = Duration.between(now, sent.peekFirst().plus(Duration.ofHours(1)));
                schedule(wait.isNegative() ? Duration.ZERO : wait);
                deferred = true;
                return;
            }
            mail = render(deferred);
            // the mail takes what is pending; lines arriving while it is sent start afresh,
            // with the full quota of quoted lines for the next mail
            lines = pendingLines;
            mailedQuoted = new ArrayList<>(quoted);
            mailedPerHost = new TreeMap<>(perHost);
            mailedSince = firstPending;
            wasDeferred = deferred;
            quoted.clear();
            perHost.clear();
            pendingLines = 0;
            deferred = false;
        }
        try {
            delivery.deliver(mail);
            synchronized (this) {
                sent.addLast(clock.instant());
                if (pendingLines > 0 && scheduled == null) {
                    schedule(settings.delay());
                }
            }
            log.accept("mailed " + lines + " alert line(s) " + delivery.describe());
        } catch (DeliveryException e) {
            log.accept(e.getMessage() + "; trying again in " + settings.delay().toSeconds() + " s");
            synchronized (this) {
                // not mailed: the lines go back in front of those that arrived meanwhile
                List<RemoteLine> arrived = new ArrayList<>(quoted);
                quoted.clear();
                quoted.addAll(mailedQuoted);
                for (RemoteLine l : arrived) {
                    if (quoted.size() >= settings.maxLinesPerMail()) {
                        break;
                    }
                    quoted.add(l);
                }
                mailedPerHost.forEach((h, n) -> perHost.merge(h, n, Integer::sum));
                pendingLines += lines;
                firstPending = mailedSince;
                deferred = deferred || wasDeferred;
                if (scheduled == null) {
                    schedule(settings.delay().isZero() ? Duration.ofSeconds(1) : settings.delay());
                }
            }
        }
    }

    private void schedule(Duration d) {
        if (timer.isShutdown()) {
            return; // closing: close() makes the last flush itself
        }
        try {
            scheduled = timer.schedule(this::flush, d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            scheduled = null;
        }
    }

    private FinishedReport render(boolean digest) {
        StringBuilder b = new StringBuilder();
        String what = settings.violations() ? "attack or violation" : "attack";
        b.append(pendingLines)
                .append(' ')
                .append(what)
                .append(pendingLines == 1 ? " line" : " lines")
                .append(" from ")
                .append(perHost.size())
                .append(perHost.size() == 1 ? " host" : " hosts")
                .append(" since ")
                .append(firstPending)
                .append(
                        digest
                                ? " (digest: the mail limit of "
                                        + settings.maxMailsPerHour()
                                        + " an hour was reached)"
                                : "")
                .append(".\n\n");
        String host = null;
        for (RemoteLine l : quoted) {
            if (!l.host().equals(host)) {
                host = l.host();
                b.append("== ")
                        .append(host)
                        .append(" (")
                        .append(perHost.get(host))
                        .append(" lines; spool ")
                        .append(l.line().source())
                        .append(")\n");
            }
            var c = l.classification();
            b.append(c.verdict()).append(" ");
            if (c.decidingRule() != null) {
                b.append("[").append(c.decidingRule().location()).append("] ");
            }
            b.append(l.line().displayText()).append('\n');
        }
        if (pendingLines > quoted.size()) {
            b.append("\n")
                    .append(pendingLines - quoted.size())
                    .append(" more lines are not quoted; they are in the hosts' spool files.\n");
        }
        String subject =
                (digest ? "[logsentry] digest: " : "[logsentry] ")
                        + receiverHost
                        + ": "
                        + pendingLines
                        + " "
                        + what
                        + (pendingLines == 1 ? " line" : " lines")
                        + " from "
                        + String.join(", ", perHost.keySet());
        if (subject.length() > 180) {
            subject = subject.substring(0, 177) + "...";
        }
        return new FinishedReport(
                subject,
                b.toString().getBytes(StandardCharsets.UTF_8),
                "text/plain",
                "logsentry-alerts.txt");
    }

    /** Mails what is pending (if the limit allows) and stops. */
    @Override
    public void close() {
        // no new timer runs; a flush under way finishes its mail, then this one sends the rest
        timer.shutdown();
        flush();
        timer.shutdownNow();
        synchronized (this) {
            if (pendingLines > 0) {
                log.accept(
                        pendingLines
                                + " alert line(s) not mailed before closing (mail limit or failed delivery);"
                                + " they are in the hosts' spool files");
            }
        }
    }
}
