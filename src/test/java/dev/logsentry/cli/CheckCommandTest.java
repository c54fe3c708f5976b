package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.logsentry.core.checkrun.SettingsResolver;
import dev.logsentry.core.source.tail.JournalFixture;
import dev.logsentry.core.source.tail.StateLock;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code logsentry check} through picocli, on real files, rules and a real SMTP server. */
class CheckCommandTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(
                            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}))
                    .withConfiguration(
                            GreenMailConfiguration.aConfig().withUser("checker", "s3cret"));

    static final String CRON =
            "Mar  5 04:05:06 web1 CRON[123]: (root) CMD (run-parts /etc/cron.hourly)";
    static final String SUDO =
            "Mar  5 04:05:07 web1 sudo:    alice : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/sh";
    static final String ODD = "Mar  5 04:05:08 web1 kernel: something unusual happened";

    @TempDir Path tmp;
    Path rules;
    Path state;
    Path syslog;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final StringWriter stderr = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        rules = tmp.resolve("rules");
        state = tmp.resolve("state");
        syslog = tmp.resolve("log/syslog");
        write(rules.resolve("violations.d/sudo"), "^\\w{3} [ :0-9]{11} [._[:alnum:]-]+ sudo:\n");
        write(rules.resolve("ignore.d.server/cron"), "CRON\\[[0-9]+\\]: \\(root\\) CMD\n");
        write(rules.resolve("ignore.d.workstation/kernel"), "kernel: something unusual\n");
        append(syslog, CRON, SUDO, ODD);
    }

    static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static void append(Path f, String... lines) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(
                f,
                String.join("\n", lines) + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private int check(Map<String, String> env, String... args) {
        SettingsResolver resolver =
                new SettingsResolver(env, null, tmp.resolve("default-state"), "web1");
        CommandLine cl = new CommandLine(new CheckCommand(stdout, resolver));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    private int check(String... args) {
        return check(Map.of(), args);
    }

    @Test
    void theCompiledRulesAreCachedBesideTheStateOnlyWithAutomataCache() throws IOException {
        Path cacheHome = tmp.resolve("xdg-cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cacheHome.toString());
        // root keeps it beside the state; other users in $XDG_CACHE_HOME/logsentry
        Path dir =
                dev.logsentry.core.io.SafeFiles.currentUid() == 0
                        ? state
                        : cacheHome.resolve("logsentry");
        Path cache = dir.resolve("automata.cache");
        String[] args = {
            "--rules", rules.toString(), "--state", state.toString(), "--stdout", syslog.toString()
        };
        assertThat(check(env, concat("--no-cache", concat("--automata-cache", args)))).isZero();
        String plain = stdout.toString(StandardCharsets.UTF_8);
        assertThat(cache).doesNotExist();
        // off by default
        append(syslog, CRON, SUDO, ODD);
        stdout.reset();
        assertThat(check(env, args)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(cache).doesNotExist();
        args = concat("--automata-cache", args);

        append(syslog, CRON, SUDO, ODD);
        stdout.reset();
        assertThat(check(env, concat("--debug", args))).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(cache).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rw-------");
        assertThat(stderr.toString()).isEmpty();

        // a damaged cache: the same report, and a word about it only with --debug
        Files.write(cache, new byte[] {1, 2, 3});
        append(syslog, CRON, SUDO, ODD);
        stdout.reset();
        assertThat(check(env, args)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(stderr.toString()).isEmpty();
        Files.write(cache, new byte[] {1, 2, 3});
        append(syslog, CRON, SUDO, ODD);
        stdout.reset();
        assertThat(check(env, concat("--debug", args))).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(stderr.toString())
                .startsWith("logsentry check: automata cache " + cache + " ignored (")
                .hasLineCount(1);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private List<String> base(String... more) {
        List<String> a =
                new ArrayList<>(List.of("--rules", rules.toString(), "--state", state.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isRegisteredAndItsHelpShowsExamplesAndExitCodes() {
        CommandLine cl = LogSentryCommand.commandLine();
        StringWriter help = new StringWriter();
        cl.setOut(new PrintWriter(help));
        assertThat(cl.execute("check", "--help")).isZero();
        assertThat(help.toString())
                .contains("Examples:")
                .contains("logsentry check /var/log/syslog")
                .contains("Exit codes:")
                .contains("4  another check holds the lock");
    }

    @Test
    void reportsNewLinesOnceToStandardOutput() throws IOException {
        assertThat(check(base(syslog.toString()).toArray(String[]::new))).isZero();
        assertThat(out())
                .contains("Security Events")
                .contains(SUDO)
                .contains("System Events")
                .contains(ODD)
                .doesNotContain(CRON);
        assertThat(Files.exists(state.resolve("state.json"))).isTrue();

        stdout.reset();
        assertThat(check(base(syslog.toString()).toArray(String[]::new))).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void theLevelChoosesTheIgnoreDirectories() {
        check(base("--level", "workstation", syslog.toString()).toArray(String[]::new));
        assertThat(out()).contains(SUDO).doesNotContain(ODD);
    }

    @Test
    void globsJsonAndAnOutputFileWithOwnerOnlyMode() throws IOException {
        append(tmp.resolve("log/auth.log"), SUDO.replace("alice", "bob"));
        Path report = tmp.resolve("out/report.json");
        Files.createDirectories(report.getParent());
        int rc =
                check(
                        base(
                                        "--format",
                                        "json",
                                        "--output",
                                        report.toString(),
                                        tmp.resolve("log/*").toString())
                                .toArray(String[]::new));
        assertThat(rc).isZero();
        assertThat(out()).isEmpty();
        assertThat(Files.readString(report))
                .contains("\"verdict\"")
                .contains("bob")
                .contains("alice");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingFileIsReportedAndExitsOne() {
        Path missing = tmp.resolve("log/nope.log");
        int rc = check(base(syslog.toString(), missing.toString()).toArray(String[]::new));
        assertThat(rc).isEqualTo(1);
        assertThat(out()).contains("E: File could not be read: " + missing).contains(SUDO);
    }

    @Test
    void dryRunKeepsNoState() {
        assertThat(check(base("--dry-run", syslog.toString()).toArray(String[]::new))).isZero();
        assertThat(out()).contains(SUDO);
        assertThat(state).doesNotExist();
    }

    @Test
    void nothingToCheckIsAUsageError() {
        assertThat(check(base().toArray(String[]::new))).isEqualTo(2);
        assertThat(stderr.toString()).contains("nothing to check");
        assertThat(check("--level", "loud", syslog.toString(), "--rules", rules.toString()))
                .isEqualTo(2);
        assertThat(stderr.toString()).contains("unknown report level 'loud'");
    }

    @Test
    void aHeldLockExitsFour() throws IOException {
        Files.createDirectories(state);
        try (StateLock lock = StateLock.acquire(state)) {
            assertThat(check(base(syslog.toString()).toArray(String[]::new))).isEqualTo(4);
        }
        assertThat(stderr.toString()).contains("another logsentry check is running");
        assertThat(out()).isEmpty();
    }

    @Test
    void mailsTheReportWithAuthAndAFailedMailKeepsTheLines() throws Exception {
        String port = Integer.toString(GREEN_MAIL.getSmtp().getPort());
        List<String> args =
                base(
                        "--mail-to",
                        "admin@localhost",
                        "--smtp-host",
                        "127.0.0.1",
                        "--smtp-port",
                        port,
                        "--smtp-user",
                        "checker",
                        "--smtp-password-env",
                        "SMTP_PW",
                        syslog.toString());
        assertThat(check(Map.of("SMTP_PW", "wrong"), args.toArray(String[]::new))).isEqualTo(3);
        assertThat(stderr.toString()).contains("state left unchanged");

        assertThat(check(Map.of("SMTP_PW", "s3cret"), args.toArray(String[]::new))).isZero();
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject())
                .matches("web1 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d{4} Security Events");
        assertThat(got[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat((String) got[0].getContent()).contains(SUDO);
        assertThat(out()).isEmpty();

        // Nothing new: no mail, like logcheck.
        assertThat(check(Map.of("SMTP_PW", "s3cret"), args.toArray(String[]::new))).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void readsLogcheckConfAndLogfilesListAndAYamlConfig() throws IOException {
        Path conf = tmp.resolve("logcheck.conf");
        write(
                conf,
                "# comment\nREPORTLEVEL=\"workstation\"\nSENDMAILTO=\"\"\nSORTUNIQ=1\n"
                        + "EVENTSSUBJECT=\"Odd Things\"\n$(rm -rf /)\n");
        Path list = tmp.resolve("logcheck.logfiles");
        write(list, "# logs\n\n" + syslog + "\n");
        append(syslog, SUDO); // a duplicate: SORTUNIQ=1 reports it once
        assertThat(
                        check(
                                base(
                                                "--logcheck-conf",
                                                conf.toString(),
                                                "--logfiles",
                                                list.toString())
                                        .toArray(String[]::new)))
                .isZero();
        assertThat(out().split(java.util.regex.Pattern.quote(SUDO), -1)).hasSize(2);
        assertThat(out()).doesNotContain(ODD);

        Path yaml = tmp.resolve("check.yaml");
        write(
                yaml,
                "rules:\n  dir: "
                        + rules
                        + "\n  level: paranoid\nsources:\n  files: ["
                        + syslog
                        + "]\nstate:\n  dir: "
                        + tmp.resolve("state2")
                        + "\n");
        stdout.reset();
        assertThat(check("--config", yaml.toString())).isZero();
        assertThat(out()).contains(ODD).contains(SUDO);

        write(yaml, "rules:\n  levle: paranoid\n");
        assertThat(check("--config", yaml.toString())).isEqualTo(2);
        assertThat(stderr.toString()).contains(yaml.toString()).contains("levle");
    }

    @Test
    void checksTheJournalAndResumesAfterTheSavedCursor() throws Exception {
        assumeTrue(JournalFixture.available(), "systemd-journal-remote or journalctl missing");
        JournalFixture fx = new JournalFixture(tmp);
        Path journal = tmp.resolve("j/system.journal");
        Files.createDirectories(journal.getParent());
        fx.append(
                journal,
                fx.entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "sudo",
                                "_PID",
                                "5",
                                "MESSAGE",
                                "   alice : TTY=pts/0 ; COMMAND=/bin/sh")));
        String[] args =
                base("--journal", "--journalctl-arg=--file=" + journal, "--journal-since", "all")
                        .toArray(String[]::new);
        assertThat(check(args)).isZero();
        assertThat(out()).contains("web1 sudo[5]:    alice : TTY=pts/0 ; COMMAND=/bin/sh");

        fx.append(
                journal,
                fx.entry(
                        Map.of(
                                "_HOSTNAME",
                                "web1",
                                "SYSLOG_IDENTIFIER",
                                "sudo",
                                "_PID",
                                "6",
                                "MESSAGE",
                                "   bob : TTY=pts/1 ; COMMAND=/bin/sh")));
        stdout.reset();
        assertThat(check(args)).isZero();
        assertThat(out()).contains("bob").doesNotContain("alice");
    }

    @Test
    void withoutRulesItUsesTheBundledStarterRules() throws IOException {
        Path log = tmp.resolve("log/other");
        append(log, "Mar  5 04:05:09 web1 mystery[1]: a line no starter rule knows");
        int rc = check("--state", state.toString(), log.toString());
        assertThat(rc).as(stderr.toString()).isZero();
        assertThat(out()).contains("mystery[1]: a line no starter rule knows");
        assertThat(stderr.toString()).doesNotContain("rule problem");
    }

    @Test
    void logcheckConfRecipientsGetMailUnlessStdoutIsAsked() throws Exception {
        Path conf = tmp.resolve("logcheck.conf");
        write(conf, "SENDMAILTO=\"logcheck\"\nMAILASATTACH=1\n");
        String port = Integer.toString(GREEN_MAIL.getSmtp().getPort());
        assertThat(
                        check(
                                base(
                                                "--logcheck-conf",
                                                conf.toString(),
                                                "--dry-run",
                                                "--stdout",
                                                syslog.toString())
                                        .toArray(String[]::new)))
                .isZero();
        assertThat(out()).contains(SUDO);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

        stdout.reset();
        assertThat(
                        check(
                                base(
                                                "--logcheck-conf",
                                                conf.toString(),
                                                "--smtp-host",
                                                "127.0.0.1",
                                                "--smtp-port",
                                                port,
                                                syslog.toString())
                                        .toArray(String[]::new)))
                .as(stderr.toString())
                .isZero();
        assertThat(out()).isEmpty();
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getAllRecipients())
                .extracting(Object::toString)
                .containsExactly("logcheck");
        assertThat(got[0].getContentType()).startsWith("multipart/mixed");
    }

    @Test
    void theClassicProfileUsesTheBundled1996RulesAndHeadings() throws IOException {
        Path log = tmp.resolve("log/messages");
        append(log, CRON, "Mar  5 04:05:09 web1 sendmail[7]: VRFY decode from evil", ODD);
        Path report = tmp.resolve("classic.txt");
        int rc =
                check(
                        "--profile",
                        "classic",
                        "--state",
                        state.toString(),
                        "--output",
                        report.toString(),
                        log.toString());
        assertThat(rc).as(stderr.toString()).isZero();
        assertThat(Files.readString(report))
                .contains("Active System Attack Alerts")
                .contains("VRFY decode from evil")
                .contains("Unusual System Events")
                .contains(ODD)
                .doesNotContain(CRON);
    }

    @Test
    void aStateFileHoldingNullIsAStateErrorNotATrace() throws IOException {
        write(state.resolve("state.json"), "null");
        Files.setPosixFilePermissions(
                state.resolve("state.json"), PosixFilePermissions.fromString("rw-------"));
        assertThat(check(base(syslog.toString()).toArray(String[]::new))).isEqualTo(5);
        assertThat(stderr.toString()).contains("not a valid state file").doesNotContain("\tat ");
    }

    @Test
    void anExistingLogPathWithGlobCharactersIsTakenLiterally() throws IOException {
        Path odd = tmp.resolve("log/app[1].log");
        append(odd, ODD);
        Path broken = tmp.resolve("log/unclosed[.log");
        append(broken, SUDO);
        assertThat(check(base(odd.toString(), broken.toString()).toArray(String[]::new)))
                .as(stderr.toString())
                .isZero();
        assertThat(out()).contains(ODD).contains(SUDO);
    }

    @Test
    void anUnreadableLogSaysPermissionDenied() throws IOException {
        Path locked = tmp.resolve("log/locked.log");
        append(locked, ODD);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "root reads anything: nothing to deny");
        check(base(locked.toString(), syslog.toString()).toArray(String[]::new));
        assertThat(out() + stderr).contains("permission denied").doesNotContain("Exception");
    }

    @Test
    void aStateDirectoryWritableByEveryoneOrOwnedByAnotherUserIsRefused() throws IOException {
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(check(base(syslog.toString()).toArray(String[]::new))).isEqualTo(5);
        assertThat(stderr.toString()).contains("writable by every user");
        assertThat(out()).isEmpty();

        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        assumeTrue(SafeFilesAccess.isRoot(), "only root can give a directory to another user");
        Files.setAttribute(state, "unix:uid", 65534);
        stderr.getBuffer().setLength(0);
        assertThat(check(base(syslog.toString()).toArray(String[]::new))).isEqualTo(5);
        assertThat(stderr.toString()).contains("is owned by uid 65534");
    }

    @Test
    void lineBreaksInMailSettingsAreAUsageError() {
        int code =
                check(
                        base(
                                        "--mail-to",
                                        "root@example.org",
                                        "--smtp-host",
                                        "mail.example.org\r\nRCPT TO:<x@evil>",
                                        syslog.toString())
                                .toArray(String[]::new));
        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString()).contains("control characters");
        assertThat(state.resolve("state.json")).doesNotExist();
    }

    @Test
    void aDryRunReportsAFinishedLastLineWithoutNewlineOnlyWithoutState() throws IOException {
        Path log = tmp.resolve("log/partial.log");
        Files.writeString(log, ODD + "\n" + SUDO);
        assertThat(check(base("-t", log.toString()).toArray(String[]::new))).isZero();
        assertThat(out()).contains(ODD).contains(SUDO);
    }

    @Test
    void logcheckConfWithTrailingCommentsIsReadAsBashWouldAndOddLinesWarn() throws IOException {
        Path conf = tmp.resolve("logcheck.conf");
        Files.writeString(conf, "REPORTLEVEL=\"workstation\" # quieter\nSENDMAILTO=$(whoami)\n");
        int code =
                check(
                        base("--logcheck-conf", conf.toString(), syslog.toString())
                                .toArray(String[]::new));
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(out()).doesNotContain(ODD); // workstation ignores it
        assertThat(stderr.toString()).contains("warning: " + conf + ":2:");
    }

    /** Whether this test runs as root. */
    private static final class SafeFilesAccess {
        static boolean isRoot() throws IOException {
            return dev.logsentry.core.io.SafeFiles.currentUid() == 0;
        }
    }
}
