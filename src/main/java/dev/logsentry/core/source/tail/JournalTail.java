package dev.logsentry.core.source.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logsentry.core.source.JournalEntries;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the systemd journal entries added since the last run with {@code journalctl -o json},
 * resuming after the saved {@code __CURSOR}, and turns each entry into the line {@code
 * journalctl}'s default (short) output shows, which is what logcheck checks and what its rules
 * expect: {@code MMM dd HH:mm:ss host ident[pid]: message}, continuation lines of a multi-line
 * message indented under the first. Unlike the short output, binary messages are passed on as their
 * bytes (as with {@code journalctl -a}) rather than as "[N B blob data]", so the rules see them.
 */
public final class JournalTail {
    /** Default {@code --since} of a first run: logcheck checks the last 5 hours. */
    public static final String LOGCHECK_FIRST_RUN_SINCE = "-5h";

    private final Config config;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * How to run journalctl.
     *
     * @param command the program and fixed arguments, e.g. {@code [journalctl]} or {@code
     *     [journalctl, --file=/path/x.journal]}
     * @param firstRunSince {@code --since} value when no cursor is saved, or null to read
     *     everything
     * @param zone time zone of the timestamps (journalctl uses the local one)
     */
    public record Config(List<String> command, String firstRunSince, ZoneId zone) {
        public Config {
            command = List.copyOf(command);
        }

        public static Config defaults() {
            return new Config(
                    List.of("journalctl"), LOGCHECK_FIRST_RUN_SINCE, ZoneId.systemDefault());
        }
    }

    /** What one read produced; {@code next} is null when no cursor is known yet. */
    public record Result(JournalState next, List<TailEvent> events, long lines) {}

    public JournalTail(Config config) {
        this.config = config;
    }

    /** Passes every entry after {@code previous} (null on a first run) to {@code sink} as lines. */
    public Result read(String name, JournalState previous, LineSink sink) {
        List<String> cmd = new ArrayList<>(config.command());
        cmd.addAll(List.of("--output=json", "--no-pager", "--quiet"));
        List<TailEvent> events = new ArrayList<>();
        if (previous != null && previous.cursor() != null) {
            cmd.add("--after-cursor=" + previous.cursor());
        } else if (config.firstRunSince() != null) {
            cmd.add("--since=" + config.firstRunSince());
            events.add(
                    TailEvent.warning(
                            name,
                            "This is the first time the systemd journal is"
                                    + " checked; only entries since "
                                    + config.firstRunSince()
                                    + " are checked."));
        }
        String cursor = previous == null ? null : previous.cursor();
        long lines = 0;
        long entry = 0;
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            events.add(
                    TailEvent.error(
                            name,
                            "Could not run " + String.join(" ", cmd) + ": " + e.getMessage()));
            return new Result(previous, events, 0);
        }
        StderrDrain err = new StderrDrain(p.getErrorStream());
        err.start();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            p.getOutputStream().close();
            String json;
            while ((json = r.readLine()) != null) {
                if (json.isBlank()) {
                    continue;
                }
                JsonNode e = mapper.readTree(json);
                entry++;
                for (byte[] line : format(e)) {
                    sink.accept(new TailLine(name, "journal", entry, line, line.length));
                    lines++;
                }
                String c = JournalEntries.text(e.get("__CURSOR"));
                if (c != null) {
                    cursor = c; // only after the entry's lines were passed on
                }
            }
            int rc = p.waitFor();
            err.join();
            if (rc != 0) {
                events.add(
                        TailEvent.error(
                                name,
                                "journalctl exited with status " + rc + ": " + err.text().strip()));
            }
        } catch (IOException e) {
            events.add(TailEvent.error(name, "Could not read the journal: " + e.getMessage()));
            p.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            events.add(TailEvent.error(name, "interrupted while reading the journal"));
        }
        return new Result(cursor == null ? null : new JournalState(cursor), events, lines);
    }

    /** The lines for one entry: the one formatter shared with the workbench. */
    List<byte[]> format(JsonNode e) {
        return JournalEntries.lines(e, config.zone());
    }

    private static final class StderrDrain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        StderrDrain(InputStream in) {
            super("journalctl-stderr");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        if (kept.size() < 4096) {
                            kept.write(buf, 0, Math.min(n, 4096 - kept.size()));
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended; what was kept is all there is.
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
