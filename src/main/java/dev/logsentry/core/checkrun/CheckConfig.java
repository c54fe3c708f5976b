package dev.logsentry.core.checkrun;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The settings of {@code logsentry check} as they are written down: in a YAML or JSON file ({@code
 * --config}), in logcheck.conf, or on the command line. Every field may be missing (null); {@link
 * #overriddenBy} layers them (defaults, then the config file, then logcheck.conf, then options) and
 * {@link SettingsResolver} turns the result into validated {@link CheckSettings}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record CheckConfig(Rules rules, Sources sources, State state, Report report, Mail mail) {

    public static CheckConfig empty() {
        return new CheckConfig(null, null, null, null, null);
    }

    /** This configuration with every field that {@code o} sets replaced by its value. */
    public CheckConfig overriddenBy(CheckConfig o) {
        if (o == null) {
            return this;
        }
        return new CheckConfig(
                merge(rules, o.rules),
                merge(sources, o.sources),
                merge(state, o.state),
                merge(report, o.report),
                merge(mail, o.mail));
    }

    /** {@code override} when it is set, else {@code base}. */
    static <T> T pick(T base, T override) {
        return override != null ? override : base;
    }

    /**
     * {@code base} with every component that {@code override} sets (non-null) replaced: the one
     * layering rule of every settings group, so a new setting needs no merge code of its own.
     */
    static <R extends Record> R merge(R base, R override) {
        if (base == null || override == null) {
            return base == null ? override : base;
        }
        RecordComponent[] parts = base.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                Object o = parts[i].getAccessor().invoke(override);
                values[i] = pick(parts[i].getAccessor().invoke(base), o);
                types[i] = parts[i].getType();
            }
            @SuppressWarnings("unchecked")
            R merged = (R) base.getClass().getDeclaredConstructor(types).newInstance(values);
            return merged;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot merge " + base.getClass().getSimpleName(), e);
        }
    }

    /**
     * Which rules, and how logcheck applies them.
     *
     * @param dir rule tree (logcheck profile) or directory of the four classic files
     * @param level workstation, server or paranoid (REPORTLEVEL)
     * @param profile logcheck or classic
     * @param sortUniq SORTUNIQ
     * @param supportCrackingIgnore SUPPORT_CRACKING_IGNORE
     * @param intro INTRO: header.txt and footer.txt around the report
     * @param attackSubject ATTACKSUBJECT
     * @param securitySubject SECURITYSUBJECT
     * @param eventsSubject EVENTSSUBJECT
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rules(
            String dir,
            String level,
            String profile,
            Boolean sortUniq,
            Boolean supportCrackingIgnore,
            Boolean intro,
            String attackSubject,
            String securitySubject,
            String eventsSubject) {}

    /**
     * What to read.
     *
     * @param files log files or globs (a glob in the last path component)
     * @param logfilesList a logcheck.logfiles-style list (one path per line, {@code journal} for
     *     the systemd journal)
     * @param journal also check the systemd journal
     * @param journalCommand journalctl and fixed arguments, e.g. {@code [journalctl,
     *     --file=/x.journal]}
     * @param journalSince {@code --since} of the first run ({@code -5h} like logcheck; {@code all}
     *     reads everything)
     * @param maxLineBytes bytes kept of one line (longer lines are cut)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sources(
            List<String> files,
            String logfilesList,
            Boolean journal,
            List<String> journalCommand,
            String journalSince,
            Integer maxLineBytes) {}

    /**
     * Where offsets are kept.
     *
     * @param dir state directory
     * @param dryRun read and report but keep no state (logcheck -t)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(String dir, Boolean dryRun) {}

    /**
     * The report and where it goes (standard output unless a file or mail is given).
     *
     * @param format text or json
     * @param output write the report to this file (mode 0600)
     * @param stdout print the report on standard output and send no mail (logcheck -o)
     * @param host host name in the subject (default: the short host name)
     * @param fqdn FQDN=1: use the fully qualified host name
     * @param addTag ADDTAG=yes: prefix the subject with [logcheck]
     * @param reboot prefix the subject with "Reboot: " (logcheck -R)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(
            String format,
            String output,
            Boolean stdout,
            String host,
            Boolean fqdn,
            Boolean addTag,
            Boolean reboot) {}

    /**
     * Mail delivery; active when {@code to} is set.
     *
     * @param to recipients (SENDMAILTO)
     * @param from sender (default logcheck@HOST)
     * @param smtpHost SMTP server (default localhost)
     * @param smtpPort port (default 25, 465 for smtps)
     * @param security none, starttls, starttls-optional or smtps
     * @param user login name
     * @param passwordFile file whose first line is the password
     * @param passwordEnv environment variable holding the password
     * @param attach MAILASATTACH: send the report as an attachment
     * @param sslTrust hosts trusted without certificate validation (mail.smtp.ssl.trust)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mail(
            List<String> to,
            String from,
            String smtpHost,
            Integer smtpPort,
            String security,
            String user,
            String passwordFile,
            String passwordEnv,
            Boolean attach,
            String sslTrust) {}
}
