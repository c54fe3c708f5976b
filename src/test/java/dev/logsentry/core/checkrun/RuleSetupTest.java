package dev.logsentry.core.checkrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.rules.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench and the checker get their rules and options from the same place. */
class RuleSetupTest {
    @TempDir Path temp;

    @Test
    void logcheckConfOptionsReachTheWorkbenchAsTheyReachTheChecker() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("rules/ignore.d.server"));
        Path conf = temp.resolve("logcheck.conf");
        Files.writeString(conf, "SORTUNIQ=1\nSUPPORT_CRACKING_IGNORE=1\n");

        RuleSetup viewer = RuleSetup.forWorkbench(rules.getParent().toString(), Level.SERVER, conf);
        RuleSetup checker =
                new SettingsResolver(Map.of(), null, temp, "host")
                        .rules(
                                ConfigFiles.fromLogcheckConf(ConfigFiles.readShellAssignments(conf))
                                        .overriddenBy(
                                                new CheckConfig(
                                                        new CheckConfig.Rules(
                                                                rules.getParent().toString(),
                                                                "server",
                                                                null,
                                                                null,
                                                                null,
                                                                null,
                                                                null,
                                                                null,
                                                                null),
                                                        null,
                                                        null,
                                                        null,
                                                        null)));

        assertThat(viewer).isEqualTo(checker);
        assertThat(viewer.options().sortUniq()).isTrue();
        assertThat(viewer.options().supportCrackingIgnore()).isTrue();
        assertThat(viewer.options()).isNotEqualTo(CheckOptions.defaults(Profile.LOGCHECK_1_4));
    }

    @Test
    void withoutAFolderTheBundledRulesAreUnpackedLoadedAndRemoved() throws Exception {
        RuleSetup bundled =
                new RuleSetup(null, Level.SERVER, CheckOptions.defaults(Profile.LOGCHECK_1_4));

        assertThat(bundled.load().rules()).isNotEmpty();
        assertThat(bundled.describe()).isEqualTo("the bundled starter rules");
    }
}
