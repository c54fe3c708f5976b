package dev.logsentry.core.source;

/** What kind of log a source was opened from; the Sources view shows it. */
public enum SourceKind {
    /** A plain text file. */
    FILE,
    /** A gzip-compressed file, read as a stream. */
    GZIP,
    /**
     * A daemontools/multilog directory: {@code @<tai64n>.s} files in order, then {@code current}.
     */
    MULTILOG,
    /** The systemd journal through {@code journalctl -o json}. */
    JOURNAL,
    /** Several sources merged into one chronological view. */
    MERGED
}
