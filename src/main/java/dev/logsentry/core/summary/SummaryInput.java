package dev.logsentry.core.summary;

import dev.logsentry.core.index.RawLineSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Something a summary reads: a log file (plain or gzip), a multilog directory, the journal, or a
 * source the workbench already has open.
 */
public sealed interface SummaryInput {

    /** The name shown in the digest and used by line references. */
    String name();

    /** A plain or gzip-compressed syslog file (recognised by content). */
    record LogFile(Path path) implements SummaryInput {
        @Override
        public String name() {
            return path.toString();
        }
    }

    /** A daemontools/multilog directory: {@code @*.s} files, then {@code current}. */
    record Multilog(Path dir) implements SummaryInput {
        @Override
        public String name() {
            return dir.toString();
        }
    }

    /** The systemd journal through journalctl, with extra selection arguments. */
    record Journal(List<String> selection) implements SummaryInput {
        public Journal {
            selection = List.copyOf(selection);
        }

        @Override
        public String name() {
            return selection.isEmpty() ? "journal" : "journal " + String.join(" ", selection);
        }
    }

    /**
     * A source that is already open (the workbench's): read as it is now.
     *
     * @param reference when the log was last written, for the year of RFC 3164 dates
     * @param multilog whether its lines carry TAI64N labels instead of syslog headers
     */
    record Open(String name, RawLineSource source, Instant reference, boolean multilog)
            implements SummaryInput {}
}
