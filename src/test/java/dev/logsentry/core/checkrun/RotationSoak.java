package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.rules.Level;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Several logs written and rotated as logrotate does (one scheme each: nocompress, compress,
 * delaycompress, copytruncate, dateext), checked again and again: up to two rotations between runs,
 * a rotation during a run, deletion and re-creation, and runs killed with SIGKILL. Counts the lines
 * that no completed run reported (lost) and those reported by more than one (twice).
 */
final class RotationSoak {
    enum Scheme {
        NOCOMPRESS,
        COMPRESS,
        DELAYCOMPRESS,
        COPYTRUNCATE,
        DATEEXT
    }

    /** What the soak found. */
    record Tally(int written, int lost, int duplicated, int completedRuns, int killedRuns) {}

    private static final int KEEP = 8;
    private static final Pattern ID = Pattern.compile("soak: (\\w+)-(\\d+) ");

    private final Path dir;
    private final Random rnd;
    private final List<Log> logs = new ArrayList<>();
    private final Map<String, Integer> reported = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Set<String> unrecoverable = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private int completed;
    private int killed;

    RotationSoak(Path dir, long seed) throws IOException {
        this.dir = dir;
        this.rnd = new Random(seed);
        Files.createDirectories(dir.resolve("rules/ignore.d.server"));
        Files.createDirectories(dir.resolve("log"));
        for (Scheme s : Scheme.values()) {
            logs.add(new Log(s, dir.resolve("log/" + s.name().toLowerCase() + ".log")));
        }
    }

    List<String> notes() {
        return notes;
    }

    /** Runs {@code iterations} rounds, {@code kills} of them with a child JVM killed mid-run. */
    Tally run(int iterations, int kills) throws Exception {
        for (Log l : logs) {
            l.append(rnd.nextInt(20));
        }
        for (int i = 0; i < iterations; i++) {
            for (Log l : logs) {
                l.append(rnd.nextInt(30));
                int rotations = rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(2) + 1;
                for (int r = 0; r < rotations; r++) {
                    l.rotate();
                    l.append(rnd.nextInt(10));
                }
                if (rnd.nextInt(25) == 0) {
                    l.recreate();
                }
            }
            if (i % Math.max(1, iterations / Math.max(1, kills)) == 1 && killed < kills) {
                killedRun();
            } else if (rnd.nextInt(4) == 0) {
                runWithRotationDuring();
            } else {
                inProcessRun();
            }
        }
        inProcessRun(); // a last run picks up everything still new
        int lost = 0;
        int dup = 0;
        for (String id : written) {
            int n = reported.getOrDefault(id, 0);
            if (n == 0 && !unrecoverable.contains(id)) {
                lost++;
                if (notes.size() < 60) {
                    notes.add("lost " + id);
                }
            }
            if (n > 1) {
                dup++;
                if (notes.size() < 60) {
                    notes.add("reported " + n + " times: " + id);
                }
            }
        }
        return new Tally(written.size(), lost, dup, completed, killed);
    }

    private CheckSettings settings() {
        List<Path> files = logs.stream().map(l -> l.path).toList();
        return new CheckSettings(
                dir.resolve("rules"),
                Level.SERVER,
                CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(1).withIntro(false),
                files,
                null,
                64 * 1024,
                dir.resolve("state"),
                false,
                ReportFormat.TEXT,
                "soak",
                false,
                false);
    }

    private void inProcessRun() throws IOException {
        history.add("plain run");
        CheckFixture.Recorder rec = new CheckFixture.Recorder();
        CheckOutcome o = new CheckService().run(settings(), List.of(rec));
        count(o, rec);
    }

    private void count(CheckOutcome o, CheckFixture.Recorder rec) {
        if (o.status() != CheckOutcome.Status.OK
                && o.status() != CheckOutcome.Status.SOURCE_ERRORS) {
            notes.add(0, "run ended " + o.status() + ": " + o.messages());
            return;
        }
        completed++;
        if (o.result() != null) {
            for (String w : o.result().warnings()) {
                notes.add(0, "run " + completed + " warned: " + w);
            }
        }
        for (String m : o.messages()) {
            notes.add(0, "run " + completed + " said: " + m);
        }
        for (var r : rec.reports) {
            tally(new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    final Map<String, String> where = new HashMap<>();
    final List<String> history = new ArrayList<>();

    private void tally(String report) {
        Matcher m = ID.matcher(report);
        while (m.find()) {
            reported.merge(m.group(1) + "-" + m.group(2), 1, Integer::sum);
            where.put(m.group(1) + "-" + m.group(2), history.size() + "");
        }
    }

    /** A run on another thread while a log is rotated and written to. */
    private void runWithRotationDuring() throws Exception {
        history.add("rotation-during run");
        CheckFixture.Recorder rec = new CheckFixture.Recorder();
        CheckOutcome[] outcome = new CheckOutcome[1];
        Thread t = new Thread(() -> outcome[0] = new CheckService().run(settings(), List.of(rec)));
        t.start();
        Log l = logs.get(rnd.nextInt(logs.size()));
        Thread.sleep(rnd.nextInt(30));
        l.rotate();
        l.append(rnd.nextInt(10));
        t.join();
        count(outcome[0], rec);
    }

    /** The longest wait before the SIGKILL; halved whenever a child ended before it. */
    private int killWindowMillis = 1400;

    /**
     * A child JVM killed (SIGKILL) at a random moment; when a child ends before its kill (a fast
     * machine), another one is started with a shorter window, so that a kill does happen.
     */
    private void killedRun() throws Exception {
        int before = killed;
        for (int attempt = 0; attempt < 6 && killed == before; attempt++) {
            childRun();
        }
    }

    /** One child JVM, killed at a random moment if it has not ended; its report counts if kept. */
    private void childRun() throws Exception {
        history.add("child run");
        Path out = dir.resolve("child-report.txt");
        Files.deleteIfExists(out);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx96m",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.logsentry.Main",
                                "check",
                                "--rules",
                                dir.resolve("rules").toString(),
                                "--state",
                                dir.resolve("state").toString(),
                                "--output",
                                out.toString()));
        logs.forEach(l -> cmd.add(l.path.toString()));
        Path stateFile = dir.resolve("state/state.json");
        byte[] stateBefore = Files.exists(stateFile) ? Files.readAllBytes(stateFile) : null;
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.out").toFile())
                        .start();
        boolean ended =
                p.waitFor(
                        killWindowMillis / 7 + rnd.nextInt(killWindowMillis * 6 / 7),
                        TimeUnit.MILLISECONDS);
        if (ended) {
            killWindowMillis = Math.max(70, killWindowMillis / 2);
        }
        if (!ended) {
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
            killed++;
            byte[] stateAfter = Files.exists(stateFile) ? Files.readAllBytes(stateFile) : null;
            if (!Arrays.equals(stateBefore, stateAfter) && Files.exists(out)) {
                // killed after it delivered and committed: its report counts
                completed++;
                tally(Files.readString(out, StandardCharsets.UTF_8));
            }
        } else if (p.exitValue() == 0) {
            completed++;
            if (Files.exists(out)) {
                tally(Files.readString(out, StandardCharsets.UTF_8));
            }
        } else {
            notes.add(
                    "child run ended "
                            + p.exitValue()
                            + ": "
                            + Files.readString(dir.resolve("child.out")));
        }
    }

    /** One log and its writer and rotation. */
    private final class Log {
        final Scheme scheme;
        final Path path;
        final String name;
        int seq;
        int date = 20260101;

        Log(Scheme scheme, Path path) {
            this.scheme = scheme;
            this.path = path;
            this.name = scheme.name().toLowerCase();
        }

        void append(int lines) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                String id = name + "-" + seq++;
                written.add(id);
                b.append("Mar  5 04:05:06 host app[1]: soak: ").append(id).append(" x\n");
            }
            Files.writeString(path, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        private Path gen(int n, boolean gz) {
            return path.resolveSibling(path.getFileName() + "." + n + (gz ? ".gz" : ""));
        }

        void rotate() throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            history.add("rotate " + name + " at seq " + seq);
            switch (scheme) {
                case NOCOMPRESS -> {
                    shift(false, 1);
                    Files.move(path, gen(1, false));
                }
                case COMPRESS -> {
                    shift(true, 1);
                    gzip(path, gen(1, true));
                    Files.delete(path);
                }
                case DELAYCOMPRESS -> {
                    shift(true, 2);
                    if (Files.exists(gen(1, false))) {
                        gzip(gen(1, false), gen(2, true));
                        Files.delete(gen(1, false));
                    }
                    Files.move(path, gen(1, false));
                }
                case COPYTRUNCATE -> {
                    shift(false, 1);
                    Files.copy(path, gen(1, false));
                    try (var ch =
                            java.nio.channels.FileChannel.open(path, StandardOpenOption.WRITE)) {
                        ch.truncate(0);
                    }
                }
                case DATEEXT -> {
                    Files.move(path, path.resolveSibling(path.getFileName() + "-" + date++));
                    List<Path> dated;
                    try (var s = Files.list(path.getParent())) {
                        dated =
                                s.filter(
                                                p ->
                                                        p.getFileName()
                                                                .toString()
                                                                .startsWith(
                                                                        path.getFileName() + "-"))
                                        .sorted()
                                        .toList();
                    }
                    for (int i = 0; i < dated.size() - KEEP; i++) {
                        forget(dated.get(i));
                    }
                }
            }
            Files.writeString(path, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        /** Renames generations {@code from..KEEP} one up, the oldest deleted. */
        private void shift(boolean gz, int from) throws IOException {
            if (Files.exists(gen(KEEP, gz))) {
                forget(gen(KEEP, gz));
            }
            for (int n = KEEP - 1; n >= from; n--) {
                if (Files.exists(gen(n, gz))) {
                    Files.move(gen(n, gz), gen(n + 1, gz));
                }
            }
        }

        /** Deletes a file; its lines no run read by then are gone for anyone. */
        private void forget(Path f) throws IOException {
            try (var in =
                    f.toString().endsWith(".gz")
                            ? new java.util.zip.GZIPInputStream(Files.newInputStream(f))
                            : Files.newInputStream(f)) {
                Matcher m = ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    String id = m.group(1) + "-" + m.group(2);
                    if (!reported.containsKey(id)) {
                        unrecoverable.add(id);
                    }
                }
            }
            Files.delete(f);
        }

        /** A daemon restart: the log deleted and created anew. */
        void recreate() throws IOException {
            history.add("recreate " + name + " at seq " + seq);
            if (Files.exists(path)) {
                forget(path);
            }
            append(rnd.nextInt(5));
        }

        private void gzip(Path from, Path to) throws IOException {
            Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                Files.copy(from, out);
            }
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
