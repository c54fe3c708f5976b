package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.Unparsed;
import java.util.List;
import java.util.Map;

/**
 * Everything LogSentry learns from a dnscache log: the resolution trees, the counts per entry type,
 * the lines that are not entries, and the statistics. Produced by {@link DnscacheAnalyzer}; the CLI
 * prints it and the DNS perspective shows it.
 *
 * @param sources the files read, in order
 * @param lines the number of lines read
 * @param trees one tree per client query, in query order
 * @param counts lines per entry type ({@link EntryKind#UNPARSED} included)
 * @param unparsed the lines that are not dnscache entries, with reasons
 * @param unattributed entries no query could have produced (answers to queries from before the log)
 * @param stats statistics over the trees and the stats lines
 */
public record DnscacheAnalysis(
        List<String> sources,
        long lines,
        List<ResolutionTree> trees,
        Map<EntryKind, Long> counts,
        List<Unparsed> unparsed,
        List<DnscacheEntry> unattributed,
        DnscacheStats stats) {

    /** Lines of one entry type. */
    public long count(EntryKind kind) {
        return counts.getOrDefault(kind, 0L);
    }
}
