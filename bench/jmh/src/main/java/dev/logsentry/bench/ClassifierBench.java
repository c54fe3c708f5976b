package dev.logsentry.bench;

import dev.logsentry.core.check.CheckEngine;
import dev.logsentry.core.check.CheckInput;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of logcheck classification with Debian's rules (server level; the bundled starter
 * rules when /etc/logcheck is absent): one line at a time through the {@link Classifier}, and a
 * whole batch through the {@link CheckEngine} (sort, classify on all cores, assemble sections).
 * Reported per line.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar ClassifierBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBench {

    private static final int LINES = 20_000;

    private static final String[] MESSAGES = {
        "sshd[%d]: Accepted publickey for deploy from 192.0.2.%d port %d ssh2: RSA SHA256:abc",
        "sshd[%d]: pam_unix(sshd:session): session opened for user deploy(uid=%d) by (uid=%d)",
        "sshd[%d]: Failed password for invalid user admin from 198.51.100.%d port %d ssh2",
        "CRON[%d]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly) %d %d",
        "CRON[%d]: pam_unix(cron:session): session closed for user root %d %d",
        "postfix/smtpd[%d]: connect from unknown[203.0.113.%d] %d",
        "postfix/qmgr[%d]: 4F2A31C0D%d: removed %d",
        "systemd[1]: Started Session %d of user alice. %d %d",
        "kernel: [%d.000000] usb 1-1: new high-speed USB device number %d using xhci_hcd %d",
        "sudo:    alice : TTY=pts/%d ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id %d %d",
        "su[%d]: FAILED SU (to root) bob on pts/%d %d",
        "dhclient[%d]: DHCPACK of 192.0.2.%d from 192.0.2.%d",
        "unknownd[%d]: something nobody has a rule for %d %d",
    };

    private Classifier classifier;
    private CheckEngine engine;
    private List<InputLine> lines;

    @Setup
    public void setUp() throws IOException {
        Path rules = Path.of("/etc/logcheck");
        if (!Files.isDirectory(rules.resolve("ignore.d.server"))) {
            rules =
                    BundledRules.logcheckTree(
                            BundledRules.extractTo(Files.createTempDirectory("logsentry-rules")));
        }
        RuleTree tree = RuleTreeLoader.load(rules, Level.SERVER);
        CheckOptions options = CheckOptions.defaults(Profile.LOGCHECK_1_4);
        classifier = new Classifier(tree, options);
        engine = new CheckEngine(tree, options);
        Random random = new Random(1);
        lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            String message =
                    String.format(
                            MESSAGES[random.nextInt(MESSAGES.length)],
                            random.nextInt(60000),
                            random.nextInt(255),
                            random.nextInt(65000));
            String text =
                    String.format(
                            "Nov %2d %02d:%02d:%02d web%d %s",
                            1 + i / 40000, i / 3600 % 24, i / 60 % 60, i % 60, i % 3, message);
            lines.add(InputLine.ofText("syslog", i * 100L, text));
        }
    }

    /** One line at a time on one thread, as the workbench classifies a visible row. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void classifyOneByOne(Blackhole hole) {
        for (InputLine line : lines) {
            hole.consume(classifier.classify(line));
        }
    }

    /** A whole check run over the batch (sort, parallel classification, sections). */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void checkRun(Blackhole hole) {
        hole.consume(engine.run(CheckInput.of(lines)));
    }
}
