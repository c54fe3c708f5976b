package dev.logsentry.core.checkrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logsentry.core.check.Profile;
import dev.logsentry.core.report.delivery.SmtpSettings;
import dev.logsentry.core.rules.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void logcheckConfIsReadAsDataNeverRun() throws Exception {
        Path conf =
                write(
                        "logcheck.conf",
                        "# REPORTLEVEL=\"paranoid\"\n"
                                + "REPORTLEVEL=\"workstation\"\n"
                                + "SENDMAILTO='root, ops@example.org'\n"
                                + "MAILASATTACH=1\n"
                                + "SORTUNIQ=0\n"
                                + "SUPPORT_CRACKING_IGNORE=1\n"
                                + "INTRO=no\n"
                                + "ADDTAG=\"yes\"\n"
                                + "ATTACKSUBJECT=\"Attack!\"\n"
                                + "touch "
                                + tmp.resolve("pwned")
                                + "\n"
                                + "export FQDN=1\n");
        Map<String, String> vars = ConfigFiles.readShellAssignments(conf);
        assertThat(vars).containsEntry("REPORTLEVEL", "workstation").containsEntry("FQDN", "1");
        assertThat(tmp.resolve("pwned")).doesNotExist();

        CheckConfig c = ConfigFiles.fromLogcheckConf(vars);
        assertThat(c.rules().level()).isEqualTo("workstation");
        assertThat(c.rules().sortUniq()).isFalse();
        assertThat(c.rules().supportCrackingIgnore()).isTrue();
        assertThat(c.rules().intro()).isFalse();
        assertThat(c.rules().attackSubject()).isEqualTo("Attack!");
        assertThat(c.mail().to()).containsExactly("root", "ops@example.org");
        assertThat(c.mail().attach()).isTrue();
        assertThat(c.report().addTag()).isTrue();
        assertThat(c.report().fqdn()).isTrue();
    }

    @Test
    void logfilesListsSkipCommentsAndBlankLines() throws Exception {
        Path list = write("logcheck.logfiles", "# syslog\n\n   \n/var/log/syslog\njournal\n#/x\n");
        assertThat(ConfigFiles.readLogfilesList(list))
                .containsExactly("/var/log/syslog", "journal");

        SettingsResolver r = new SettingsResolver(Map.of(), tmp, tmp.resolve("st"), "web1");
        CheckConfig.Sources fromList =
                new CheckConfig.Sources(null, list.toString(), null, null, null, null);
        CheckSettings s = r.settings(new CheckConfig(null, fromList, null, null, null));
        assertThat(s.logFiles()).containsExactly(Path.of("/var/log/syslog"));
        assertThat(s.journal().command()).containsExactly("journalctl");
        assertThat(s.journal().firstRunSince()).isEqualTo("-5h");
    }

    @Test
    void laterLayersOverrideEarlierOnesFieldByField() throws Exception {
        Path yaml =
                write(
                        "c.yaml",
                        "rules:\n  level: paranoid\n  profile: classic\nmail:\n  to: [a@b]\n"
                                + "  smtpHost: mx\n");
        CheckConfig file = ConfigFiles.readConfig(yaml);
        CheckConfig cli =
                new CheckConfig(
                        new CheckConfig.Rules(
                                null, "server", null, null, null, null, null, null, null),
                        null,
                        null,
                        null,
                        null);
        CheckConfig merged = CheckConfig.empty().overriddenBy(file).overriddenBy(cli);
        assertThat(merged.rules().level()).isEqualTo("server");
        assertThat(merged.rules().profile()).isEqualTo("classic");
        assertThat(merged.mail().smtpHost()).isEqualTo("mx");
    }

    @Test
    void aJsonConfigWithATypoNamesTheFileAndTheKey() throws Exception {
        Path json = write("c.json", "{\"state\": {\"dri\": \"/x\"}}");
        assertThatThrownBy(() -> ConfigFiles.readConfig(json))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(json.toString())
                .hasMessageContaining("dri");
    }

    @Test
    void settingsApplyDefaultsExpandGlobsAndReadThePasswordFromAFile() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        write("log/b.log", "");
        write("log/a.log", "");
        write("log/a.log.1", "");
        Path pw = write("pw", "s3cret\nignored\n");
        SettingsResolver r = new SettingsResolver(Map.of(), rules, tmp.resolve("st"), "web1");
        CheckConfig c =
                new CheckConfig(
                        null,
                        new CheckConfig.Sources(
                                List.of(tmp.resolve("log/*.log").toString()),
                                null,
                                true,
                                null,
                                "all",
                                null),
                        null,
                        null,
                        new CheckConfig.Mail(
                                List.of("root@localhost"),
                                null,
                                null,
                                null,
                                "starttls",
                                "logs",
                                pw.toString(),
                                null,
                                null,
                                null));
        CheckSettings s = r.settings(c);
        assertThat(s.rulesDir()).isEqualTo(rules);
        assertThat(s.level()).isEqualTo(Level.SERVER);
        assertThat(s.options().profile()).isEqualTo(Profile.LOGCHECK_1_4);
        assertThat(s.logFiles())
                .containsExactly(tmp.resolve("log/a.log"), tmp.resolve("log/b.log"));
        assertThat(s.journal().firstRunSince()).isNull();
        assertThat(s.stateDir()).isEqualTo(tmp.resolve("st"));

        SmtpSettings smtp = r.smtp(c.mail(), "web1");
        assertThat(smtp.password()).isEqualTo("s3cret");
        assertThat(smtp.port()).isEqualTo(25);
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(smtp.from()).isEqualTo("logcheck@web1");
        assertThat(smtp.toString()).doesNotContain("s3cret");
    }

    @Test
    void aMailUserWithoutPasswordOrAMissingRuleDirectoryIsAConfigError() throws Exception {
        SettingsResolver r = new SettingsResolver(Map.of(), null, tmp, "web1");
        CheckConfig.Mail m =
                new CheckConfig.Mail(
                        List.of("a@b"), null, null, null, null, "u", null, "NOPE", null, null);
        assertThatThrownBy(() -> r.smtp(m, "h")).hasMessageContaining("NOPE");
        CheckConfig.Sources x =
                new CheckConfig.Sources(List.of("/x"), null, null, null, null, null);
        assertThat(r.settings(new CheckConfig(null, x, null, null, null)).rulesDir())
                .as("no rules configured and no /etc/logcheck: the bundled starter rules")
                .isNull();
        CheckConfig.Rules missing =
                new CheckConfig.Rules(
                        tmp.resolve("nope").toString(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        assertThatThrownBy(() -> r.settings(new CheckConfig(missing, x, null, null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void logcheckConfIsReadAsBashWouldSetIt() throws Exception {
        Path conf =
                write(
                        "bash.conf",
                        "REPORTLEVEL=\"server\" # the level\n"
                                + "SENDMAILTO=\"root\" # who\n"
                                + "  export DOMAIN=example.org\n"
                                + "MAILFROM=logcheck@$DOMAIN\n"
                                + "ATTACKSUBJECT=\"Alert on ${DOMAIN}: \\\"x\\\"\"\n"
                                + "EVENTSSUBJECT='Events $DOMAIN'\"!\"\n"
                                + "SECURITYSUBJECT=Security\\ events\n"
                                + "INTRO=1\n");
        ConfigFiles.LogcheckConf c = ConfigFiles.readLogcheckConf(conf, Map.of());
        assertThat(c.vars())
                .containsEntry("REPORTLEVEL", "server")
                .containsEntry("SENDMAILTO", "root")
                .containsEntry("MAILFROM", "logcheck@example.org")
                .containsEntry("ATTACKSUBJECT", "Alert on example.org: \"x\"")
                .containsEntry("EVENTSSUBJECT", "Events $DOMAIN!")
                .containsEntry("SECURITYSUBJECT", "Security events");
        assertThat(c.warnings()).isEmpty();
        assertThat(ConfigFiles.fromLogcheckConf(c.vars()).mail().to()).containsExactly("root");
    }

    @Test
    void shellConstructsNotFollowedAreWarningsNamingFileAndLineNeverAnotherMeaning()
            throws Exception {
        Path conf =
                write(
                        "odd.conf",
                        "REPORTLEVEL=$(cat /etc/level)\n"
                                + "SENDMAILTO=${ADMIN:-root}\n"
                                + "A=1 B=2\n"
                                + "MAILFROM=\"open quote\n"
                                + "if true; then\n"
                                + "FQDN=$UNSET\n"
                                + "INTRO=`date`\n"
                                + "SORTUNIQ=1\n");
        ConfigFiles.LogcheckConf c = ConfigFiles.readLogcheckConf(conf, Map.of());
        assertThat(c.vars()).containsOnlyKeys("SORTUNIQ");
        assertThat(c.warnings()).hasSize(7);
        assertThat(c.warnings().get(0)).startsWith(conf + ":1: ").contains("$(...)");
        assertThat(c.warnings().get(1)).startsWith(conf + ":2: ").contains("${ADMIN:-root}");
        assertThat(c.warnings().get(4)).startsWith(conf + ":5: ").contains("not a variable");
        assertThat(c.warnings().get(5)).contains("$UNSET is not set");
    }
}
