package dev.logsentry.core.browse;

import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.SyslogLine;
import dev.logsentry.core.source.YearReference;
import dev.logsentry.core.time.LineTimes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The time parsers for one source. RFC 3164 timestamps carry no year, which {@link YearReference}
 * infers (the file's modification time; now for sources without a file), the same for the table,
 * the timeline and the details pane.
 *
 * @param reference the instant no line is expected after
 * @param zone the zone of timestamps without an offset
 */
public record SourceClock(Instant reference, ZoneId zone) {

    /** The clock of {@code source} in the system's zone. */
    public static SourceClock of(LineSource source) {
        return of(source, Clock.systemDefaultZone());
    }

    /** The clock of {@code source}; {@code clock} gives "now" and the zone. */
    public static SourceClock of(LineSource source, Clock clock) {
        return new SourceClock(YearReference.of(source, clock), clock.getZone());
    }

    /** A syslog header parser (shareable between threads). */
    public SyslogLine.Parser parser() {
        return new SyslogLine.Parser(reference, zone);
    }

    /** A timestamp finder for any format (syslog, RFC 3339, TAI64N). */
    public LineTimes lineTimes() {
        return new LineTimes(reference, zone);
    }
}
