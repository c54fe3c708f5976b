package dev.logsentry.core.check.preview;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small rule tree and log for preview and health tests. */
final class PreviewFixture {

    static final String H = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";

    static final List<String> LOG =
            List.of(
                    "Dec  4 10:00:01 gw sshd[10]: Accepted publickey for alice from 192.0.2.1 port"
                            + " 5000 ssh2",
                    "Dec  4 10:00:02 gw sshd[11]: Accepted publickey for bob from 192.0.2.2 port"
                            + " 5001 ssh2",
                    "Dec  4 10:00:03 gw sshd[12]: Invalid user admin from 198.51.100.9 port 22",
                    "Dec  4 10:00:04 gw sudo:    bob : 3 incorrect password attempts ; TTY=pts/0",
                    "Dec  4 10:00:05 gw CRON[13]: (root) CMD (run-parts /etc/cron.hourly)",
                    "2026-12-04T10:00:06.000000+00:00 gw CRON[14]: (root) CMD (run-parts"
                            + " /etc/cron.hourly)",
                    "Dec  4 10:00:07 gw kernel: [1.0] device eth0 entered promiscuous mode",
                    "Dec  4 10:00:08 gw ntpd[15]: time reset +0.1 s");

    private PreviewFixture() {}

    /** Writes the tree under {@code root}. */
    static Path tree(Path root) throws IOException {
        write(
                root,
                "cracking.d/kernel",
                H + "kernel: \\[[0-9. ]+\\] device [a-z0-9]+ entered promiscuous mode$\n");
        write(root, "violations.d/sshd", H + "sshd\\[[0-9]+\\]: Invalid user\n");
        write(root, "violations.d/sudo", H + "sudo: .*incorrect password attempts\n");
        write(root, "violations.ignore.d/sshd", "");
        write(
                root,
                "ignore.d.server/sshd",
                "# accepted keys\n"
                        + H
                        + "sshd\\[[0-9]+\\]: Accepted publickey for alice from [0-9.]+ port"
                        + " [0-9]+ ssh2$\n");
        write(
                root,
                "ignore.d.server/cron",
                H + "CRON\\[[0-9]+\\]: \\(root\\) CMD \\(run-parts /etc/cron\\.hourly\\)$\n");
        write(root, "ignore.d.paranoid/never", "^never matches$\n");
        return root;
    }

    static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static CheckLines lines(List<String> texts) {
        List<InputLine> in = new ArrayList<>();
        for (String t : texts) {
            in.add(InputLine.ofText("log", -1, t));
        }
        return CheckLines.of(in, Profile.LOGCHECK_1_4);
    }

    static CheckOptions options() {
        return CheckOptions.defaults(Profile.LOGCHECK_1_4).withThreads(2);
    }
}
