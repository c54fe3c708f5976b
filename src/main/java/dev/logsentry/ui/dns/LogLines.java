package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheEntry;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.OpenedLog;
import dev.logsentry.core.time.Tai64n;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Finds the raw text of a dnscache entry's log line. An entry knows its line number within its file
 * but not the file: with one file that is the answer; in a multilog directory (several files) the
 * file is the one whose line of that number carries the entry's own TAI64N label, tried in the
 * order the labels of the rotated files ({@code @<label>.s}, the time of rotation) suggest.
 */
final class LogLines {
    private LogLines() {}

    /**
     * Reads the line of {@code entry} from one of {@code files} (the analysis' sources, in order).
     * Reads files, so not on the FX thread.
     *
     * @throws IOException naming the files when no file holds that line
     */
    static LogLine find(List<Path> files, DnscacheEntry entry, BooleanSupplier cancelled)
            throws IOException {
        List<Path> candidates = byLabel(files, entry.time());
        for (Path f : candidates) {
            String text = line(f, entry.line(), cancelled);
            if (text == null) {
                continue;
            }
            Instant label = Tai64n.parseAt(text, 0);
            if (candidates.size() == 1 || entry.time() == null || entry.time().equals(label)) {
                return new LogLine(f, entry.line(), text);
            }
        }
        throw new IOException(
                "line "
                        + entry.line()
                        + " ("
                        + entry.kind()
                        + ") is not in "
                        + (files.size() == 1 ? files.get(0) : files.size() + " files " + files)
                        + " any more: was the log rotated or truncated?");
    }

    /** The files whose rotation label is at or after {@code time} first, then the others. */
    private static List<Path> byLabel(List<Path> files, Instant time) {
        if (files.size() < 2 || time == null) {
            return files;
        }
        List<Path> first = new ArrayList<>();
        List<Path> rest = new ArrayList<>();
        boolean found = false;
        for (Path f : files) {
            Instant rotated = Tai64n.parseAt(f.getFileName().toString(), 0);
            if (!found && (rotated == null || !rotated.isBefore(time))) {
                first.add(f);
                found = true;
            } else {
                rest.add(f);
            }
        }
        first.addAll(rest);
        return first;
    }

    /** Line {@code number} (1-based) of {@code file}, or null when the file is shorter. */
    private static String line(Path file, long number, BooleanSupplier cancelled)
            throws IOException {
        OpenedLog opened;
        try {
            opened = LogOpener.open(file, OpenOptions.DEFAULT, null);
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (LineSource source = opened.source()) {
            opened.job().run(IndexProgress.NONE, cancelled);
            return number >= 1 && number <= source.lineCount() ? source.line(number - 1) : null;
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
