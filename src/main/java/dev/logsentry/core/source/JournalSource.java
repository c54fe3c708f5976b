package dev.logsentry.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexResult;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.index.SpillFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The systemd journal read through {@code journalctl -o json}, each entry turned into the lines
 * {@code logsentry check} (and logcheck) sees for it by {@link JournalEntries}, so the viewer and
 * the checker judge a multi-line entry alike. Every entry carries its cursor; the job remembers the
 * last one and, when run again, asks only for what came after it ({@code --after-cursor}), which is
 * how the journal is followed.
 */
public final class JournalSource implements RawLineSource {

    private final String journalctl;
    private final List<String> selection;
    private final ZoneId zone;
    private final SpillFile lines;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String cursor;

    private JournalSource(String journalctl, List<String> selection, ZoneId zone, SpillFile lines) {
        this.journalctl = journalctl;
        this.selection = List.copyOf(selection);
        this.zone = zone;
        this.lines = lines;
    }

    /**
     * A journal source; nothing is read until the job runs.
     *
     * @param selection extra journalctl arguments choosing what to read: none for the system
     *     journal, {@code --file=F.journal}, {@code -D DIR}, {@code -u UNIT}, {@code --since ...}
     */
    public static JournalSource open(List<String> selection, ZoneId zone) throws SourceException {
        return open("journalctl", selection, zone);
    }

    /** As {@link #open(List, ZoneId)} with another journalctl program (tests, odd installs). */
    public static JournalSource open(String journalctl, List<String> selection, ZoneId zone)
            throws SourceException {
        String name = selection.isEmpty() ? "journal" : "journal " + String.join(" ", selection);
        try {
            return new JournalSource(
                    journalctl,
                    selection,
                    zone,
                    new SpillFile(name, OpenOptions.DEFAULT_DISPLAY_LIMIT));
        } catch (IOException e) {
            throw new SourceException(
                    Path.of(journalctl),
                    SourceException.Reason.UNREADABLE,
                    "Cannot keep journal lines: " + e.getMessage(),
                    e);
        }
    }

    /** The cursor of the last entry read, or null before the first. */
    public String cursor() {
        return cursor;
    }

    /**
     * Reads the entries not read yet (all of them the first time). Cancelling stops journalctl; the
     * entries read so far stay, and the next run continues after them.
     */
    public synchronized IndexResult index(IndexProgress progress, BooleanSupplier cancelled)
            throws SourceException {
        List<String> cmd = new ArrayList<>(List.of(journalctl, "-o", "json", "--no-pager"));
        if (cursor != null) {
            cmd.add("--after-cursor=" + cursor);
        }
        cmd.addAll(selection);
        Path errors = null;
        Process p = null;
        try {
            errors = Files.createTempFile("logsentry-journalctl-", ".err");
            p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            p.getOutputStream().close();
            long read = 0;
            try (BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                            1 << 16)) {
                String entry;
                while ((entry = in.readLine()) != null) {
                    if (cancelled.getAsBoolean()) {
                        p.destroy();
                        return new IndexResult(lineCount(), size(), true);
                    }
                    read += entry.length() + 1;
                    append(entry);
                    if ((lineCount() & 4095) == 0) {
                        progress.update(read, -1, lineCount());
                    }
                }
            }
            int status = p.waitFor();
            if (status != 0) {
                String why = Files.readString(errors).strip();
                throw new SourceException(
                        Path.of(journalctl),
                        SourceException.Reason.UNREADABLE,
                        "journalctl "
                                + String.join(" ", selection)
                                + " failed"
                                + (why.isEmpty() ? " (status " + status + ")" : ": " + why));
            }
            progress.update(read, read, lineCount());
            return new IndexResult(lineCount(), size(), false);
        } catch (IOException e) {
            throw new SourceException(
                    Path.of(journalctl),
                    SourceException.Reason.UNREADABLE,
                    "Cannot run journalctl: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IndexResult(lineCount(), size(), true);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a leftover empty temp file is harmless
                }
            }
        }
    }

    /** Turns one JSON entry into a syslog line; an entry that is not JSON is kept as it is. */
    private void append(String entry) throws IOException {
        JsonNode n;
        try {
            n = json.readTree(entry);
        } catch (IOException e) {
            lines.append(entry.getBytes(StandardCharsets.UTF_8));
            return;
        }
        for (byte[] line : JournalEntries.lines(n, zone)) {
            lines.append(line);
        }
        String c = n.path("__CURSOR").asText("");
        if (!c.isEmpty()) {
            cursor = c;
        }
    }

    @Override
    public String name() {
        return lines.name();
    }

    @Override
    public long lineCount() {
        return lines.lineCount();
    }

    @Override
    public String line(long index) throws IOException {
        return lines.line(index);
    }

    @Override
    public byte[] rawLine(long index) throws IOException {
        return lines.rawLine(index);
    }

    @Override
    public long lineLength(long index) {
        return lines.lineLength(index);
    }

    /** Position of the entry in the private copy (the journal has no byte offsets). */
    @Override
    public long offset(long index) {
        return lines.offset(index);
    }

    @Override
    public long size() {
        return lines.size();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
