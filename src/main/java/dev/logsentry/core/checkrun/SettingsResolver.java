package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.report.delivery.Delivery;
import dev.logsentry.core.report.delivery.FileDelivery;
import dev.logsentry.core.report.delivery.SmtpDelivery;
import dev.logsentry.core.report.delivery.SmtpSettings;
import dev.logsentry.core.report.delivery.StreamDelivery;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.source.tail.JournalTail;
import dev.logsentry.core.source.tail.LogTail;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Applies defaults to a layered {@link CheckConfig} and checks it, giving {@link CheckSettings} and
 * the deliveries. The machine's facts (environment, host name, default directories) come in through
 * the constructor, so all of this is testable without touching /etc.
 */
public final class SettingsResolver {
    /** logcheck's default rule tree. */
    public static final Path ETC_LOGCHECK = Path.of("/etc/logcheck");

    private final Map<String, String> env;
    private final Path defaultRules;
    private final Path defaultStateDir;
    private final String hostName;

    /**
     * @param env environment variables (passwords may come from here)
     * @param defaultRules rule tree used when none is configured, or null for the bundled starter
     *     rules
     * @param defaultStateDir state directory used when none is configured
     * @param hostName the host name used when none is configured
     */
    public SettingsResolver(
            Map<String, String> env, Path defaultRules, Path defaultStateDir, String hostName) {
        this.env = Map.copyOf(env);
        this.defaultRules = defaultRules;
        this.defaultStateDir = defaultStateDir;
        this.hostName = hostName;
    }

    /** The state directory used when none is configured. */
    public Path defaultStateDir() {
        return defaultStateDir;
    }

    /** This machine's short host name (or the one given to the constructor). */
    public String hostName() {
        return hostName;
    }

    /**
     * The SMTP settings of {@code c}'s mail section, or null when it names no recipient: the one
     * reading of mail options, for check reports and for live alerts.
     */
    public SmtpSettings mail(CheckConfig c, String host) throws ConfigException {
        CheckConfig.Mail m = c.mail();
        if (m == null || m.to() == null || m.to().isEmpty()) {
            return null;
        }
        return smtp(m, host);
    }

    /** The resolver for this machine and process. */
    public static SettingsResolver forThisMachine() throws IOException {
        Map<String, String> env = System.getenv();
        Path rules = Files.isDirectory(ETC_LOGCHECK) ? ETC_LOGCHECK : null;
        return new SettingsResolver(env, rules, defaultStateDir(env), shortHostName());
    }

    /** /var/lib/logsentry for root, else $XDG_STATE_HOME/logsentry (~/.local/state/logsentry). */
    static Path defaultStateDir(Map<String, String> env) throws IOException {
        if (SafeFiles.currentUid() == 0) {
            return Path.of("/var/lib/logsentry");
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "logsentry");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "logsentry");
    }

    /**
     * Where {@code logsentry check} keeps its compiled rule automata (ADR 0014): beside the state
     * (in its directory) for root, else $XDG_CACHE_HOME/logsentry (~/.cache/logsentry).
     */
    public Path automataCacheDir(CheckSettings s) throws IOException {
        if (SafeFiles.currentUid() == 0) {
            return s.stateDir();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "logsentry");
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".cache", "logsentry");
    }

    /** {@code hostname --short}, read from the kernel without any name lookup. */
    static String shortHostName() {
        try {
            String h =
                    Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8)
                            .strip();
            int dot = h.indexOf('.');
            return dot > 0 ? h.substring(0, dot) : h;
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * The rules part of a config: which rule tree, level and options judge lines. The checker
     * ({@link #settings}) and the workbench ({@link RuleSetup#forWorkbench}) both come here, so a
     * logcheck.conf's SORTUNIQ or SUPPORT_CRACKING_IGNORE means the same to both.
     */
    public RuleSetup rules(CheckConfig c) throws ConfigException {
        CheckConfig.Rules r =
                or(
                        c.rules(),
                        new CheckConfig.Rules(
                                null, null, null, null, null, null, null, null, null));
        Level level;
        Profile profile;
        try {
            level = r.level() == null ? Level.SERVER : Level.parse(r.level());
            profile = r.profile() == null ? Profile.LOGCHECK_1_4 : Profile.parse(r.profile());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        // No rule directory given: /etc/logcheck for the logcheck profile when present, else the
        // bundled starter rules (null); the classic files are never in /etc/logcheck.
        Path rulesDir =
                r.dir() != null
                        ? Path.of(r.dir())
                        : profile == Profile.LOGCHECK_1_4 ? defaultRules : null;
        if (rulesDir != null && !Files.isDirectory(rulesDir)) {
            throw new ConfigException("rule directory " + rulesDir + " does not exist");
        }
        CheckOptions options = CheckOptions.defaults(profile);
        if (r.sortUniq() != null) {
            options = options.withSortUniq(r.sortUniq());
        }
        if (r.supportCrackingIgnore() != null) {
            options = options.withSupportCrackingIgnore(r.supportCrackingIgnore());
        }
        if (r.intro() != null) {
            options = options.withIntro(r.intro());
        }
        options =
                options.withSubjects(
                        CheckConfig.pick(options.attackSubject(), r.attackSubject()),
                        CheckConfig.pick(options.securitySubject(), r.securitySubject()),
                        CheckConfig.pick(options.eventsSubject(), r.eventsSubject()));
        return new RuleSetup(rulesDir, level, options);
    }

    /** Validated settings for a run. */
    public CheckSettings settings(CheckConfig c) throws ConfigException {
        RuleSetup rules = rules(c);
        Path rulesDir = rules.rulesDir();
        Level level = rules.level();
        CheckOptions options = rules.options();
        CheckConfig.Sources s =
                or(c.sources(), new CheckConfig.Sources(null, null, null, null, null, null));
        CheckConfig.State st = or(c.state(), new CheckConfig.State(null, null));
        CheckConfig.Report rep =
                or(c.report(), new CheckConfig.Report(null, null, null, null, null, null, null));

        List<String> named = new ArrayList<>(s.files() == null ? List.of() : s.files());
        if (s.logfilesList() != null) {
            named.addAll(ConfigFiles.readLogfilesList(Path.of(s.logfilesList())));
        }
        boolean journal = Boolean.TRUE.equals(s.journal()) || named.remove("journal");
        while (named.remove("journal")) {
            // logcheck.logfiles may name it more than once
        }
        List<Path> files = expand(named);
        if (files.isEmpty() && !journal) {
            throw new ConfigException(
                    "nothing to check: give log files, --logfiles FILE or --journal");
        }
        JournalTail.Config journalConfig = null;
        if (journal) {
            List<String> cmd =
                    s.journalCommand() == null ? List.of("journalctl") : s.journalCommand();
            String since =
                    s.journalSince() == null
                            ? JournalTail.LOGCHECK_FIRST_RUN_SINCE
                            : s.journalSince();
            journalConfig =
                    new JournalTail.Config(
                            cmd, "all".equals(since) ? null : since, ZoneId.systemDefault());
        }
        int maxLine = s.maxLineBytes() == null ? LogTail.DEFAULT_MAX_LINE_BYTES : s.maxLineBytes();
        if (maxLine < 1024) {
            throw new ConfigException("maxLineBytes must be at least 1024, not " + maxLine);
        }
        Path stateDir = st.dir() != null ? Path.of(st.dir()) : defaultStateDir;
        ReportFormat format =
                rep.format() == null ? ReportFormat.TEXT : ReportFormat.parse(rep.format());
        String host = rep.host() != null ? rep.host() : hostName;
        if (rep.host() == null && Boolean.TRUE.equals(rep.fqdn())) {
            host = fullHostName();
        }
        return new CheckSettings(
                rulesDir,
                level,
                options,
                files,
                journalConfig,
                maxLine,
                stateDir,
                Boolean.TRUE.equals(st.dryRun()),
                format,
                host,
                Boolean.TRUE.equals(rep.reboot()),
                Boolean.TRUE.equals(rep.addTag()));
    }

    /**
     * Where reports go: the output file and/or mail when configured, otherwise {@code stdout};
     * {@code --stdout} prints it and suppresses mail.
     */
    public List<Delivery> deliveries(CheckConfig c, String host, OutputStream stdout)
            throws ConfigException {
        List<Delivery> out = new ArrayList<>();
        CheckConfig.Report rep = c.report();
        if (rep != null && rep.output() != null) {
            out.add(new FileDelivery(checkOutput(rep.output())));
        }
        boolean stdoutOnly = rep != null && Boolean.TRUE.equals(rep.stdout());
        CheckConfig.Mail m = c.mail();
        if (!stdoutOnly && m != null && m.to() != null && !m.to().isEmpty()) {
            out.add(new SmtpDelivery(smtp(m, host)));
        }
        if (out.isEmpty() || stdoutOnly) {
            out.add(new StreamDelivery(stdout, "standard output"));
        }
        return out;
    }

    /**
     * The report file, refused before the run when writing it can never work: a directory, a device
     * such as /dev/null (the report replaces the file atomically), a missing or unwritable
     * directory, a symlink or another user's file.
     */
    static Path checkOutput(String name) throws ConfigException {
        Path file = Path.of(name).toAbsolutePath().normalize();
        String why = null;
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            why = "is a directory";
        } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(file)) {
            why =
                    "is not a regular file (the report replaces the file; to throw it away, use"
                            + " --stdout > /dev/null)";
        } else if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            why = "cannot be created: directory " + file.getParent() + " does not exist";
        } else if (!Files.isWritable(file.getParent())) {
            why = "cannot be created: directory " + file.getParent() + " is not writable";
        } else {
            try {
                SafeFiles.checkPrivateFile(file);
            } catch (IOException e) {
                throw new ConfigException("--output: " + e.getMessage(), e);
            }
        }
        if (why != null) {
            throw new ConfigException("--output " + file + " " + why);
        }
        return file;
    }

    /** Refuses control characters (CR/LF would inject SMTP commands or mail headers). */
    private static String noControl(String what, String value) throws ConfigException {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ConfigException(
                    what + " must not contain control characters (line breaks): " + value.strip());
        }
        return value;
    }

    /** SMTP settings from mail options (shared by check, summary and serve). */
    public SmtpSettings smtp(CheckConfig.Mail m, String host) throws ConfigException {
        noControl("the SMTP host", m.smtpHost());
        noControl("the mail sender", m.from());
        noControl("the SMTP user", m.user());
        noControl("the SMTP trust list", m.sslTrust());
        for (String to : m.to()) {
            noControl("a mail recipient", to);
        }
        SmtpSettings.Security security =
                switch (Objects.requireNonNullElse(m.security(), "none")
                        .toLowerCase(java.util.Locale.ROOT)) {
                    case "none", "plain" -> SmtpSettings.Security.NONE;
                    case "starttls", "starttls-required" -> SmtpSettings.Security.STARTTLS;
                    case "starttls-optional" -> SmtpSettings.Security.STARTTLS_OPTIONAL;
                    case "smtps", "ssl", "tls" -> SmtpSettings.Security.SMTPS;
                    default ->
                            throw new ConfigException(
                                    "unknown mail security '"
                                            + m.security()
                                            + "' (expected none, starttls, starttls-optional or smtps)");
                };
        int port =
                m.smtpPort() != null
                        ? m.smtpPort()
                        : security == SmtpSettings.Security.SMTPS ? 465 : 25;
        String password = password(m);
        if (password != null && m.user() == null) {
            throw new ConfigException("a mail password is set but no mail user");
        }
        if (m.user() != null && password == null) {
            throw new ConfigException(
                    "mail user "
                            + m.user()
                            + " needs a password: give --mail-password-file or --mail-password-env");
        }
        try {
            return new SmtpSettings(
                    m.smtpHost() == null ? "localhost" : m.smtpHost(),
                    port,
                    security,
                    m.user(),
                    password,
                    m.from() == null ? "logcheck@" + host : m.from(),
                    m.to(),
                    Boolean.TRUE.equals(m.attach()),
                    m.sslTrust(),
                    60_000,
                    Map.of());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private String password(CheckConfig.Mail m) throws ConfigException {
        if (m.passwordFile() != null) {
            Path f = Path.of(m.passwordFile());
            try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                return lines.findFirst().orElse("");
            } catch (IOException e) {
                throw new ConfigException(
                        "cannot read the mail password file " + f + ": " + e.getMessage(), e);
            }
        }
        if (m.passwordEnv() != null) {
            String v = env.get(m.passwordEnv());
            if (v == null) {
                throw new ConfigException(
                        "environment variable " + m.passwordEnv() + " (mail password) is not set");
            }
            return v;
        }
        return null;
    }

    /**
     * Expands globs in the last path component ({@code /var/log/*.log}), in name order. A pattern
     * that matches nothing stays as it is, so the run reports it as a file that could not be read.
     */
    static List<Path> expand(List<String> names) throws ConfigException {
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            Path p = Path.of(name.strip());
            String last = p.getFileName() == null ? "" : p.getFileName().toString();
            // an existing path is itself, even when its name holds glob characters ([, *, ...)
            if (!last.matches(".*[*?\\[{].*") || Files.exists(p)) {
                add(out, p.toAbsolutePath().normalize());
                continue;
            }
            Path dir =
                    (p.getParent() == null ? Path.of(".") : p.getParent())
                            .toAbsolutePath()
                            .normalize();
            PathMatcher m;
            try {
                m = FileSystems.getDefault().getPathMatcher("glob:" + last);
            } catch (java.util.regex.PatternSyntaxException e) {
                // not a valid glob: a name, which the run reports when it cannot be read
                add(out, p.toAbsolutePath().normalize());
                continue;
            }
            List<Path> hits = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> listing = Files.list(dir)) {
                    listing.filter(f -> m.matches(f.getFileName()) && Files.isRegularFile(f))
                            .sorted()
                            .forEach(hits::add);
                } catch (IOException e) {
                    throw new ConfigException(
                            "cannot list " + dir + " for " + name + ": " + e.getMessage(), e);
                }
            }
            if (hits.isEmpty()) {
                add(out, dir.resolve(last));
            }
            hits.forEach(h -> add(out, h));
        }
        return out;
    }

    private static void add(List<Path> out, Path p) {
        if (!out.contains(p)) {
            out.add(p);
        }
    }

    private static String fullHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return shortHostName();
        }
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
