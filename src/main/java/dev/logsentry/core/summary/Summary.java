package dev.logsentry.core.summary;

import java.time.Instant;
import java.util.List;

/**
 * The result of a summary run: one {@link ServiceSummary} per service that saw lines, over the
 * sources read, for one host (or all hosts).
 *
 * @param host the host this summary is about, or null for all hosts together
 * @param range the date range as given and as resolved
 * @param detail the detail level
 * @param sources what was read, in order; {@link LineRefs} index into this list
 * @param linesRead lines read from the sources
 * @param linesInRange of those, lines inside the range
 * @param services the services' results, in name order
 * @param warnings problems that did not stop the run (unreadable file, broken service file)
 * @param generated when the run was made
 */
public record Summary(
        String host,
        DateRange range,
        Detail detail,
        List<String> sources,
        long linesRead,
        long linesInRange,
        List<ServiceSummary> services,
        List<String> warnings,
        Instant generated) {

    /** The service with this name, or null. */
    public ServiceSummary service(String name) {
        for (ServiceSummary s : services) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
