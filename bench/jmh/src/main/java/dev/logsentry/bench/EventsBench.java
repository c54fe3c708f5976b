package dev.logsentry.bench;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.ClassifyResult;
import dev.logsentry.core.browse.FilteredView;
import dev.logsentry.core.browse.LineFilter;
import dev.logsentry.core.browse.Progress;
import dev.logsentry.core.browse.QuickText;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the event workbench's background jobs over a real file: classifying every line
 * with Debian's logcheck rules ({@link ClassifiedSource}) and building filtered views ({@link
 * FilteredView}). One operation processes the whole file; lines per second = lines / time.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar EventsBench -p lines=200000}. The log is generated
 * (realistic sshd, cron, postfix, kernel, sudo lines, some of them attacks and violations) unless
 * {@code -p log=/path/to/file} names a real one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class EventsBench {

    @Param({"200000"})
    public int lines;

    @Param({""})
    public String log;

    @Param({"/etc/logcheck"})
    public String rules;

    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private IndexedFile file;
    private Classifier classifier;
    private ClassifiedSource classified;
    private SourceClock clock;

    @Setup
    public void setUp() throws Exception {
        Path path;
        if (log.isEmpty()) {
            dir = Files.createTempDirectory("logsentry-bench-");
            path = dir.resolve("syslog");
            generate(path, lines);
        } else {
            path = Path.of(log);
        }
        file = IndexedFile.open(path);
        file.index(IndexProgress.NONE, () -> false);
        RuleTree tree = RuleTreeLoader.load(Path.of(rules), Level.SERVER);
        classifier =
                new Classifier(
                        tree, CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(threads));
        classified = new ClassifiedSource(file, classifier, threads);
        classified.classify(Progress.NONE, () -> false);
        clock = SourceClock.of(file);
    }

    @TearDown
    public void tearDown() throws IOException {
        file.close();
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("syslog"));
            Files.deleteIfExists(dir);
        }
    }

    /** Classifies every line of the file from scratch. */
    @Benchmark
    public long classify() {
        ClassifiedSource c = new ClassifiedSource(file, classifier, threads);
        ClassifyResult r = c.classify(Progress.NONE, () -> false);
        return r.classified();
    }

    /** Only reads every line's bytes, as classification does: the I/O share of {@link #classify}. */
    @Benchmark
    public long readLines() throws IOException {
        long bytes = 0;
        for (long i = 0, n = file.lineCount(); i < n; i++) {
            bytes += file.rawLine(i).length;
        }
        return bytes;
    }

    /** Classifies every line's bytes with the classifier alone, one thread, no store. */
    @Benchmark
    public long classifierOnly() throws IOException {
        long attacks = 0;
        for (long i = 0, n = file.lineCount(); i < n; i++) {
            dev.logsentry.core.check.InputLine in =
                    dev.logsentry.core.check.InputLine.ofBytes("b", i, file.rawLine(i));
            if (classifier.classify(in).verdict() == Verdict.ATTACK) {
                attacks++;
            }
        }
        return attacks;
    }

    /** "Hide ignored": a verdict filter, answered from the verdict store alone. */
    @Benchmark
    public long filterHideIgnored() {
        return build(LineFilter.ALL.withIgnoredHidden(true));
    }

    /** Attacks only: most chunks are skipped whole. */
    @Benchmark
    public long filterAttacksOnly() {
        return build(LineFilter.ALL.withVerdicts(EnumSet.of(Verdict.ATTACK)));
    }

    /** Quick text, plain and case-insensitive, over every line (reads every line). */
    @Benchmark
    public long filterQuickText() {
        return build(LineFilter.ALL.withQuick(QuickText.plain("failed password")));
    }

    /** Quick regex with a verdict filter and a time range. */
    @Benchmark
    public long filterRegexAndTime() {
        return build(
                LineFilter.ALL
                        .withQuick(new QuickText("port \\d+ ssh2$", true, true))
                        .withIgnoredHidden(true)
                        .withTimeRange(java.time.Instant.EPOCH, clock.reference()));
    }

    private long build(LineFilter filter) {
        FilteredView v = new FilteredView(classified, filter, clock, threads);
        v.extend(Progress.NONE, () -> false);
        return v.size();
    }

    private static final String[] TEMPLATES = {
        "sshd[%P]: Accepted publickey for %U from %I port %N ssh2: RSA SHA256:abc%N",
        "sshd[%P]: Failed password for invalid user %U from %I port %N ssh2",
        "sshd[%P]: Failed password for %U from %I port %N ssh2",
        "sshd[%P]: pam_unix(sshd:session): session opened for user %U(uid=%N) by (uid=0)",
        "sshd[%P]: pam_unix(sshd:session): session closed for user %U",
        "sshd[%P]: Received disconnect from %I port %N:11: disconnected by user",
        "CRON[%P]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)",
        "CRON[%P]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
        "CRON[%P]: pam_unix(cron:session): session closed for user root",
        "sudo: %U : TTY=pts/%D ; PWD=/home/%U ; USER=root ; COMMAND=/usr/bin/apt update",
        "su[%P]: FAILED SU (to root) %U on pts/%D",
        "postfix/smtpd[%P]: connect from unknown[%I]",
        "postfix/smtpd[%P]: disconnect from unknown[%I] ehlo=1 mail=1 rcpt=0/1 commands=2/4",
        "postfix/qmgr[%P]: 4F2A%N: from=<%U@example.org>, size=%N, nrcpt=1 (queue active)",
        "kernel: [%N.%N] [UFW BLOCK] IN=eth0 OUT= SRC=%I DST=%I LEN=60 PROTO=TCP DPT=22 SYN",
        "kernel: Oversized packet received from %I",
        "kernel: [%N.%N] device eth0 entered promiscuous mode",
        "systemd[1]: Started Session %N of user %U.",
        "frobd[%P]: unexpected condition %N in module %U",
    };

    private static final String[] MONTHS = {"Nov"};

    /** Writes {@code n} syslog lines (deterministic). */
    static void generate(Path path, int n) throws IOException {
        Random random = new Random(42);
        String[] users = {"root", "alice", "bob", "deploy", "www-data"};
        long clock = 0;
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < n; i++) {
                clock += random.nextInt(3);
                String t = TEMPLATES[random.nextInt(TEMPLATES.length)];
                StringBuilder line =
                        new StringBuilder(
                                String.format(
                                        "%s %2d %02d:%02d:%02d web%d ",
                                        MONTHS[0],
                                        1 + clock / 86_400 % 28,
                                        clock / 3600 % 24,
                                        clock / 60 % 60,
                                        clock % 60,
                                        random.nextInt(4)));
                for (int k = 0; k < t.length(); k++) {
                    char c = t.charAt(k);
                    if (c != '%') {
                        line.append(c);
                        continue;
                    }
                    char f = t.charAt(++k);
                    switch (f) {
                        case 'P' -> line.append(100 + random.nextInt(60_000));
                        case 'N' -> line.append(random.nextInt(70_000));
                        case 'D' -> line.append(random.nextInt(10));
                        case 'U' -> line.append(users[random.nextInt(users.length)]);
                        case 'I' ->
                                line.append(random.nextInt(224))
                                        .append('.')
                                        .append(random.nextInt(256))
                                        .append('.')
                                        .append(random.nextInt(256))
                                        .append('.')
                                        .append(random.nextInt(256));
                        default -> line.append('%').append(f);
                    }
                }
                w.write(line.toString());
                w.write('\n');
            }
        }
    }
}
