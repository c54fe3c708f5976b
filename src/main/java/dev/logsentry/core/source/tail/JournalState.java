package dev.logsentry.core.source.tail;

/**
 * Where the journal was read up to: the {@code __CURSOR} of the last entry checked, passed back to
 * {@code journalctl --after-cursor} so the next run resumes exactly after it.
 */
public record JournalState(String cursor) {}
