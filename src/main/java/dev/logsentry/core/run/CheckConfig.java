package dev.logsentry.core.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
                Rules.merge(rules, o.rules),
                Sources.merge(sources, o.sources),
                State.merge(state, o.state),
                Report.merge(report, o.report),
                Mail.merge(mail, o.mail));
    }

    static <T> T pick(T base, T override) {
        return override != null ? override : base;
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
            String eventsSubject) {
        static Rules merge(Rules a, Rules b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return new Rules(
                    pick(a.dir, b.dir),
                    pick(a.level, b.level),
                    pick(a.profile, b.profile),
                    pick(a.sortUniq, b.sortUniq),
                    pick(a.supportCrackingIgnore, b.supportCrackingIgnore),
                    pick(a.intro, b.intro),
                    pick(a.attackSubject, b.attackSubject),
                    pick(a.securitySubject, b.securitySubject),
                    pick(a.eventsSubject, b.eventsSubject));
        }
    }

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
            Integer maxLineBytes) {
        static Sources merge(Sources a, Sources b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return new Sources(
                    pick(a.files, b.files),
                    pick(a.logfilesList, b.logfilesList),
                    pick(a.journal, b.journal),
                    pick(a.journalCommand, b.journalCommand),
                    pick(a.journalSince, b.journalSince),
                    pick(a.maxLineBytes, b.maxLineBytes));
        }
    }

    /**
     * Where offsets are kept.
     *
     * @param dir state directory
     * @param dryRun read and report but keep no state (logcheck -t)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(String dir, Boolean dryRun) {
        static State merge(State a, State b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return new State(pick(a.dir, b.dir), pick(a.dryRun, b.dryRun));
        }
    }

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
            Boolean reboot) {
        static Report merge(Report a, Report b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return new Report(
                    pick(a.format, b.format),
                    pick(a.output, b.output),
                    pick(a.stdout, b.stdout),
                    pick(a.host, b.host),
                    pick(a.fqdn, b.fqdn),
                    pick(a.addTag, b.addTag),
                    pick(a.reboot, b.reboot));
        }
    }

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
            String sslTrust) {
        static Mail merge(Mail a, Mail b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return new Mail(
                    pick(a.to, b.to),
                    pick(a.from, b.from),
                    pick(a.smtpHost, b.smtpHost),
                    pick(a.smtpPort, b.smtpPort),
                    pick(a.security, b.security),
                    pick(a.user, b.user),
                    pick(a.passwordFile, b.passwordFile),
                    pick(a.passwordEnv, b.passwordEnv),
                    pick(a.attach, b.attach),
                    pick(a.sslTrust, b.sslTrust));
        }
    }
}
