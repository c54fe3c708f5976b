package dev.logsentry.core.remote;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the receiver for {@code logsentry serve --status} and the workbench: what it
 * listens on, whether it accepts, and the counters per host and per kind of rejection.
 *
 * @param written when this snapshot was taken
 * @param started when the receiver started
 * @param listen address and port
 * @param fingerprint the server certificate's SHA-256 fingerprint
 * @param accepting false while the spool disk is full (or the receiver stopped)
 * @param problem what stops it from accepting, or null
 * @param connections open connections
 * @param queued lines received and waiting for classification
 * @param rejections counters per {@link Rejection} name
 * @param hosts counters per host, by name
 */
public record ReceiverStatus(
        Instant written,
        Instant started,
        String listen,
        String fingerprint,
        boolean accepting,
        String problem,
        int connections,
        long queued,
        Map<String, Long> rejections,
        List<Host> hosts) {

    /**
     * One host's counters.
     *
     * @param host the spool directory name
     * @param peer the address it last sent from
     * @param lines lines received (written to the spool)
     * @param bytes bytes of those lines as sent
     * @param rejected frames refused on its connections
     * @param connections open connections
     * @param lastReceived when its last line arrived, or null
     * @param lagMillis arrival time minus the sender's time stamp of its last line
     */
    public record Host(
            String host,
            String peer,
            long lines,
            long bytes,
            long rejected,
            int connections,
            Instant lastReceived,
            long lagMillis) {}

    /** Lines received from every host. */
    public long totalLines() {
        return hosts.stream().mapToLong(Host::lines).sum();
    }
}
