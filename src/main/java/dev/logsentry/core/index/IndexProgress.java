package dev.logsentry.core.index;

/** Receives progress from background indexing; called from the indexing thread. */
@FunctionalInterface
public interface IndexProgress {
    IndexProgress NONE = (bytesDone, bytesTotal, lines) -> {};

    /**
     * @param bytesDone bytes scanned so far
     * @param bytesTotal total bytes when known, or -1 (for example inside a .gz stream)
     * @param lines lines indexed so far
     */
    void update(long bytesDone, long bytesTotal, long lines);
}
