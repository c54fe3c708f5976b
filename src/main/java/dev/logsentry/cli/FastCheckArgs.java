package dev.logsentry.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The arguments of a plain {@code logsentry check ...} read without picocli. Building picocli's
 * model costs about 0.3 s of CPU at every start (picocli 4.7 ships Java 5 class files, which the
 * JVM verifies with its old verifier and AppCDS cannot archive), more than a cron run with nothing
 * new does otherwise. Only what is unambiguous is read here: known options, each at most once
 * (lists may repeat), with a value that does not look like an option; anything else (help, version,
 * an unknown or repeated option, {@code --}, {@code @file}, an empty, quoted or odd value, a number
 * picocli might read differently) returns null, and picocli parses the command as before, with its
 * own messages. {@code FastCheckArgsTest} holds every field to picocli's.
 */
public final class FastCheckArgs {
    private FastCheckArgs() {}

    /**
     * Runs {@code args} ({@code check} first) when they are read here, returning the exit code; -1
     * when picocli should run them.
     */
    public static int run(String[] args) {
        CheckCommand check = parse(args);
        return check == null ? -1 : check.callDirect(args);
    }

    private static final Map<String, BiConsumer<CheckCommand, String>> VALUES =
            Map.ofEntries(
                    Map.entry("--rules", (c, v) -> c.rules = v),
                    Map.entry("--level", (c, v) -> c.level = v),
                    Map.entry("--profile", (c, v) -> c.profile = v),
                    Map.entry("--logfiles", (c, v) -> c.logfiles = v),
                    Map.entry("--logcheck-conf", (c, v) -> c.logcheckConf = Path.of(v)),
                    Map.entry("--config", (c, v) -> c.config = Path.of(v)),
                    Map.entry("--journal-since", (c, v) -> c.journalSince = v),
                    Map.entry("--state", (c, v) -> c.state = v),
                    Map.entry("--format", (c, v) -> c.format = v),
                    Map.entry("--output", (c, v) -> c.output = v),
                    Map.entry("--host", (c, v) -> c.host = v),
                    Map.entry("--max-line-bytes", (c, v) -> c.maxLineBytes = number(v)),
                    Map.entry("--mail-from", (c, v) -> c.mailFrom = v),
                    Map.entry("--smtp-host", (c, v) -> c.smtpOptions.host = v),
                    Map.entry("--smtp-port", (c, v) -> c.smtpOptions.port = number(v)),
                    Map.entry("--smtp-security", (c, v) -> c.smtpOptions.security = v),
                    Map.entry("--smtp-user", (c, v) -> c.smtpOptions.user = v),
                    Map.entry("--smtp-password-file", (c, v) -> c.smtpOptions.passwordFile = v),
                    Map.entry("--smtp-password-env", (c, v) -> c.smtpOptions.passwordEnv = v),
                    Map.entry("--smtp-trust", (c, v) -> c.smtpOptions.trust = v),
                    // lists: repeatable
                    Map.entry("--journalctl-arg", (c, v) -> list(c.journalctlArgs, c, v, false)),
                    Map.entry("--mail-to", (c, v) -> list(c.mailTo, c, v, true)),
                    Map.entry("-m", (c, v) -> list(c.mailTo, c, v, true)));

    private static final Set<String> LISTS = Set.of("--journalctl-arg", "--mail-to", "-m");

    private static final Map<String, Consumer<CheckCommand>> FLAGS =
            Map.ofEntries(
                    Map.entry("--journal", c -> c.journal = Boolean.TRUE),
                    Map.entry("-t", c -> c.dryRun = Boolean.TRUE),
                    Map.entry("--dry-run", c -> c.dryRun = Boolean.TRUE),
                    Map.entry("--stdout", c -> c.toStdout = Boolean.TRUE),
                    Map.entry("-R", c -> c.reboot = Boolean.TRUE),
                    Map.entry("--reboot", c -> c.reboot = Boolean.TRUE),
                    Map.entry("--sort-uniq", c -> c.sortUniq = Boolean.TRUE),
                    Map.entry("--support-cracking-ignore", c -> c.crackingIgnore = Boolean.TRUE),
                    Map.entry("--mail-attach", c -> c.mailAttach = Boolean.TRUE),
                    Map.entry("--no-cache", c -> c.noCache = true),
                    Map.entry("--automata-cache", c -> c.automataCache = true),
                    Map.entry("--debug", c -> c.debug = true));

    /** Names of one option (a flag or an option given either way counts once). */
    private static final Map<String, String> SAME =
            Map.of("-t", "--dry-run", "-R", "--reboot", "-m", "--mail-to");

    /** Not decided here. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * The command {@code args} ({@code check} first) describe, or null when picocli should parse
     * them.
     */
    static CheckCommand parse(String[] args) {
        if (args.length == 0 || !"check".equals(args[0])) {
            return null;
        }
        CheckCommand c = new CheckCommand();
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.isEmpty() || a.startsWith("@")) {
                    throw new Declined();
                }
                if (!a.startsWith("-")) {
                    if (c.files == null) {
                        c.files = new ArrayList<>();
                    }
                    c.files.add(a);
                    continue;
                }
                int eq = a.startsWith("--") ? a.indexOf('=') : -1;
                String name = eq < 0 ? a : a.substring(0, eq);
                String canonical = SAME.getOrDefault(name, name);
                if (!LISTS.contains(name) && !seen.add(canonical)) {
                    throw new Declined(); // picocli: "should be specified only once"
                }
                Consumer<CheckCommand> flag = FLAGS.get(name);
                if (flag != null) {
                    if (eq >= 0) {
                        throw new Declined();
                    }
                    flag.accept(c);
                    continue;
                }
                BiConsumer<CheckCommand, String> option = VALUES.get(name);
                if (option == null) {
                    throw new Declined();
                }
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                    if (value.startsWith("-") || value.startsWith("@")) {
                        throw new Declined();
                    }
                } else {
                    throw new Declined();
                }
                if (value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
                    throw new Declined();
                }
                option.accept(c, value);
            }
        } catch (Declined | InvalidPathException e) {
            return null;
        }
        return c;
    }

    /** A plain decimal int; anything else is left to picocli. */
    private static Integer number(String v) {
        if (v.length() > 9 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new Declined();
        }
        return Integer.valueOf(v);
    }

    private static void list(List<String> list, CheckCommand c, String v, boolean split) {
        List<String> target = list;
        if (target == null) {
            target = new ArrayList<>();
            if (split) {
                c.mailTo = target;
            } else {
                c.journalctlArgs = target;
            }
        }
        if (!split) {
            target.add(v);
            return;
        }
        if (v.startsWith(",") || v.endsWith(",") || v.contains(",,")) {
            throw new Declined();
        }
        target.addAll(List.of(v.split(",")));
    }
}
