package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.DeliveryException;
import dev.logsentry.core.report.delivery.FinishedReport;
import dev.logsentry.core.rules.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** A small logcheck rule tree and log files in a temp directory, shared by the run tests. */
final class CheckFixture {
    static final String CRON =
            "Mar  5 04:05:06 web1 CRON[123]: (root) CMD (run-parts /etc/cron.hourly)";
    static final String SUDO =
            "Mar  5 04:05:07 web1 sudo:    alice : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/sh";
    static final String ODD = "Mar  5 04:05:08 web1 kernel: something unusual happened";

    final Path root;
    final Path rules;
    final Path state;
    final Path syslog;
    final Path auth;

    CheckFixture(Path root) throws IOException {
        this.root = root;
        this.rules = root.resolve("rules");
        this.state = root.resolve("state");
        this.syslog = root.resolve("log/syslog");
        this.auth = root.resolve("log/auth.log");
        Files.createDirectories(syslog.getParent());
        write(rules.resolve("violations.d/sudo"), "^\\w{3} [ :0-9]{11} [._[:alnum:]-]+ sudo:\n");
        write(
                rules.resolve("ignore.d.server/cron"),
                "^\\w{3} [ :0-9]{11} [._[:alnum:]-]+ CRON\\[[0-9]+\\]: \\(root\\) CMD \\(.*\\)$\n");
        Files.createDirectories(rules.resolve("cracking.d"));
        Files.createDirectories(rules.resolve("violations.ignore.d"));
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void append(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    CheckSettings settings(List<Path> files, boolean dryRun) {
        return new CheckSettings(
                rules,
                Level.SERVER,
                CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(1).withIntro(false),
                files,
                null,
                64 * 1024,
                state,
                dryRun,
                ReportFormat.TEXT,
                "web1",
                false,
                false);
    }

    CheckSettings settings() {
        return settings(List.of(syslog, auth), false);
    }

    /** Remembers every report it was given; can be told to fail or to run something first. */
    static final class Recorder implements Delivery {
        final List<FinishedReport> reports = new ArrayList<>();
        IOAction before = () -> {};
        boolean fail;

        @FunctionalInterface
        interface IOAction {
            void run() throws IOException;
        }

        @Override
        public void deliver(FinishedReport report) throws DeliveryException {
            if (fail) {
                throw new DeliveryException("test delivery refused", null);
            }
            try {
                before.run();
            } catch (IOException e) {
                throw new DeliveryException("test setup failed", e);
            }
            reports.add(report);
        }

        String lastBody() {
            return new String(reports.get(reports.size() - 1).body(), StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "recorder";
        }
    }
}
