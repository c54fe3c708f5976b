package dev.logsentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code check}'s arguments read without picocli ({@link FastCheckArgs}) set every option field as
 * picocli does, or are left to picocli: never a different reading. Each vector is parsed both ways;
 * where the fast reader takes it, every field of the command and its SMTP options must be equal,
 * and whatever picocli refuses the fast reader must decline.
 */
class FastCheckArgsTest {
    private static final List<String[]> VECTORS =
            List.of(
                    a("check"),
                    a("check", "/var/log/syslog"),
                    a("check", "/var/log/syslog", "/var/log/auth.log", "--stdout"),
                    a(
                            "check",
                            "--rules",
                            "/etc/logcheck",
                            "--level",
                            "server",
                            "--stdout",
                            "--dry-run",
                            "--state",
                            "/tmp/s",
                            "f"),
                    a("check", "--rules=/etc/logcheck", "--level=paranoid", "-t", "-R", "f", "g"),
                    a(
                            "check",
                            "--logcheck-conf",
                            "/etc/logcheck/logcheck.conf",
                            "--logfiles",
                            "/etc/logcheck/logcheck.logfiles"),
                    a("check", "--config", "/etc/logsentry/check.yaml"),
                    a(
                            "check",
                            "--journal",
                            "--journalctl-arg=--file=/x.journal",
                            "--journalctl-arg=--merge",
                            "--journal-since",
                            "all"),
                    a(
                            "check",
                            "-m",
                            "a@example.org,b@example.org",
                            "--mail-to",
                            "c@example.org",
                            "--mail-from",
                            "x@example.org",
                            "--mail-attach"),
                    a(
                            "check",
                            "--smtp-host",
                            "mail",
                            "--smtp-port",
                            "587",
                            "--smtp-security",
                            "starttls",
                            "--smtp-user",
                            "u",
                            "--smtp-password-file",
                            "/p",
                            "--smtp-trust",
                            "*",
                            "f"),
                    a(
                            "check",
                            "--smtp-password-env",
                            "PW",
                            "--host",
                            "web1",
                            "--format",
                            "json",
                            "--output",
                            "/tmp/r.json"),
                    a(
                            "check",
                            "--max-line-bytes",
                            "4096",
                            "--sort-uniq",
                            "--support-cracking-ignore",
                            "--profile",
                            "classic"),
                    a("check", "--no-cache", "--debug", "f"),
                    a("check", "--automata-cache", "f"),
                    // picocli's business: help, version, errors, odd forms
                    a("check", "--help"),
                    a("check", "-h"),
                    a("check", "--version"),
                    a("check", "--bogus"),
                    a("check", "--rules"),
                    a("check", "--rules", "a", "--rules", "b"),
                    a("check", "-t", "--dry-run"),
                    a("check", "--max-line-bytes", "0x10"),
                    a("check", "--max-line-bytes", "-5"),
                    a("check", "--max-line-bytes", "99999999999"),
                    a("check", "--smtp-port", "+25"),
                    a("check", "--stdout=true"),
                    a("check", "--journal=false"),
                    a("check", "-tR"),
                    a("check", "--", "-f"),
                    a("check", "-"),
                    a("check", "@args.txt"),
                    a("check", "--level", "--stdout"),
                    a("check", "--level="),
                    a("check", "-m", "a@x,,b@x"),
                    a("check", "-m", "\"a,b\"@x"),
                    a("check", "-mroot@x"),
                    a("check", "--Rules", "x"),
                    a("check", "--rul", "x"),
                    a("check", ""),
                    a("dnscache", "x"),
                    a("--version"),
                    a());

    @Test
    void everyVectorIsReadAsPicocliReadsItOrLeftToIt() throws Exception {
        int taken = 0;
        for (String[] v : VECTORS) {
            CheckCommand fast = FastCheckArgs.parse(v);
            CheckCommand viaPicocli = null;
            boolean help = false;
            try {
                CommandLine root = LogSentryCommand.commandLine();
                CommandLine.ParseResult r = root.parseArgs(v);
                help =
                        r.isUsageHelpRequested()
                                || r.isVersionHelpRequested()
                                || (r.hasSubcommand()
                                        && (r.subcommand().isUsageHelpRequested()
                                                || r.subcommand().isVersionHelpRequested()));
                if (r.hasSubcommand() && r.subcommand().commandSpec().name().equals("check")) {
                    viaPicocli = (CheckCommand) r.subcommand().commandSpec().userObject();
                }
            } catch (CommandLine.ParameterException e) {
                viaPicocli = null;
            }
            String what = String.join(" ", v);
            if (viaPicocli == null || help) {
                assertThat(fast).as(what).isNull();
                continue;
            }
            if (fast != null) {
                taken++;
                assertSameFields(fast, viaPicocli, what);
                assertSameFields(fast.smtpOptions, viaPicocli.smtpOptions, what);
            }
        }
        assertThat(taken).isGreaterThanOrEqualTo(13);
    }

    private static void assertSameFields(Object a, Object b, String what) throws Exception {
        List<String> differences = new ArrayList<>();
        for (Field f : a.getClass().getDeclaredFields()) {
            if (f.getAnnotation(CommandLine.Option.class) == null
                    && f.getAnnotation(CommandLine.Parameters.class) == null) {
                continue;
            }
            f.setAccessible(true);
            if (!Objects.equals(f.get(a), f.get(b))) {
                differences.add(f.getName() + ": " + f.get(a) + " / picocli " + f.get(b));
            }
        }
        assertThat(differences).as(what).isEmpty();
    }

    private static String[] a(String... args) {
        return args;
    }
}
