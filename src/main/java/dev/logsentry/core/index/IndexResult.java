package dev.logsentry.core.index;

/**
 * What an indexing run achieved.
 *
 * @param lines lines available when the run ended
 * @param bytes bytes indexed (of the file, or of the decompressed stream)
 * @param cancelled true when the run stopped because it was cancelled; the lines indexed so far
 *     stay readable and a later run continues from there
 */
public record IndexResult(long lines, long bytes, boolean cancelled) {}
