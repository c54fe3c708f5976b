package dev.logsentry.core.workspace;

/**
 * What the lines of an open source are, as far as the workbench cares: it decides which perspective
 * shows the source and how its lines are parsed.
 */
public enum ContentKind {
    /** Not known yet: the source is still opening. */
    UNKNOWN,
    /** Syslog-style lines (RFC 3164 or RFC 3339 timestamps), judged by the logcheck rules. */
    SYSLOG,
    /** A djbdns dnscache log (plain, tai64n-labelled or a multilog directory). */
    DNSCACHE,
    /** The systemd journal, formatted as syslog lines. */
    JOURNAL,
    /** Several open logs merged into one chronological view. */
    MERGED
}
