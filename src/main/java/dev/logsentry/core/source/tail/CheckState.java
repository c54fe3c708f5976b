package dev.logsentry.core.source.tail;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one state directory remembers: per log file (keyed by its absolute path) and per
 * journal source (keyed by its name). Immutable; {@link #with} returns updated copies.
 *
 * @param version format version of the state file
 */
public record CheckState(
        int version, Map<String, FileState> files, Map<String, JournalState> journals) {
    public static final int VERSION = 1;

    public CheckState {
        files = files == null ? Map.of() : Map.copyOf(files);
        journals = journals == null ? Map.of() : Map.copyOf(journals);
    }

    public static CheckState empty() {
        return new CheckState(VERSION, Map.of(), Map.of());
    }

    /** A copy with these entries added or replaced; others are kept (other runs' sources). */
    public CheckState with(Map<String, FileState> newFiles, Map<String, JournalState> newJournals) {
        Map<String, FileState> f = new TreeMap<>(files);
        f.putAll(newFiles);
        Map<String, JournalState> j = new TreeMap<>(journals);
        j.putAll(newJournals);
        return new CheckState(VERSION, f, j);
    }
}
