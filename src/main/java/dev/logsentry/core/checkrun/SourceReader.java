package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.io.IoErrors;
import dev.logsentry.core.source.tail.CheckState;
import dev.logsentry.core.source.tail.FileState;
import dev.logsentry.core.source.tail.JournalState;
import dev.logsentry.core.source.tail.JournalTail;
import dev.logsentry.core.source.tail.LogTail;
import dev.logsentry.core.source.tail.TailEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads what is new in every source of a run, in the order logcheck concatenates them, passing each
 * line on as it is read (nothing is collected here) and gathering the next state, errors and
 * warnings in logcheck's wording.
 */
final class SourceReader {
    private final CheckSettings s;

    SourceReader(CheckSettings settings) {
        this.s = settings;
    }

    /** Errors, warnings and the state to save once the report was delivered. */
    record Read(
            List<String> errors,
            List<String> warnings,
            Map<String, FileState> files,
            Map<String, JournalState> journals) {}

    Read read(CheckState state, Consumer<InputLine> lines) {
        // logcheck collects each source into logoutput/<basename> and concatenates those in name
        // order; the engine's sort is stable, so this order decides ties.
        record Source(String baseName, Path file) {}
        List<Source> sources = new ArrayList<>();
        for (Path f : s.logFiles()) {
            sources.add(new Source(f.getFileName().toString(), f));
        }
        if (s.journal() != null) {
            sources.add(new Source(CheckService.JOURNAL, null));
        }
        sources.sort(Comparator.comparing(Source::baseName));

        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, FileState> files = new LinkedHashMap<>();
        Map<String, JournalState> journals = new LinkedHashMap<>();
        // a dry run keeps no state: a finished last line without its newline is read now
        LogTail tail = new LogTail(s.maxLineBytes(), s.dryRun());
        for (Source src : sources) {
            List<TailEvent> events;
            if (src.file() == null) {
                String key = CheckService.journalKey(s.journal());
                JournalTail.Result r =
                        new JournalTail(s.journal())
                                .read(
                                        CheckService.JOURNAL,
                                        state.journals().get(key),
                                        l ->
                                                lines.accept(
                                                        InputLine.ofBytes(
                                                                CheckService.JOURNAL,
                                                                l.offset(),
                                                                l.bytes())));
                if (r.next() != null) {
                    journals.put(key, r.next());
                }
                events = r.events();
            } else {
                String key = src.file().toString();
                LogTail.Result r;
                long[] cut = {0};
                try {
                    r =
                            tail.read(
                                    src.file(),
                                    state.files().get(key),
                                    l -> {
                                        lines.accept(
                                                InputLine.ofBytes(l.file(), l.offset(), l.bytes()));
                                        cut[0] += l.cut() ? 1 : 0;
                                    });
                } catch (IOException e) {
                    errors.add(
                            "E: File could not be read: "
                                    + src.file()
                                    + " ("
                                    + IoErrors.reason(e)
                                    + ")");
                    continue;
                }
                if (r.next() != null) {
                    files.put(key, r.next());
                }
                if (cut[0] > 0) {
                    warnings.add(
                            cut[0]
                                    + " line(s) of "
                                    + src.file()
                                    + " longer than "
                                    + s.maxLineBytes()
                                    + " bytes were checked and reported by their first "
                                    + s.maxLineBytes()
                                    + " bytes");
                }
                events = r.events();
            }
            for (TailEvent e : events) {
                switch (e.severity()) {
                    case ERROR -> errors.add("E: " + e.message());
                    case WARNING -> warnings.add(e.message());
                    case INFO -> {}
                }
            }
        }
        return new Read(errors, warnings, files, journals);
    }
}
