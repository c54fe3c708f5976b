package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Which rules judge lines, at which level, with which options: the one answer that {@code logsentry
 * check} and the workbench share. Found by {@link SettingsResolver#rules} (a chosen folder, else
 * {@code /etc/logcheck}, else the bundled starter rules; options from logcheck.conf), loaded by
 * {@link #load} (the bundled rules unpacked into a private temporary folder and removed again).
 *
 * @param rulesDir the rule tree, or null for the bundled starter rules
 */
public record RuleSetup(Path rulesDir, Level level, CheckOptions options) {
    /** logcheck's own configuration, read (never executed) when present. */
    public static final Path LOGCHECK_CONF = SettingsResolver.ETC_LOGCHECK.resolve("logcheck.conf");

    /**
     * The rules the workbench uses: {@code chosenDir} when the user picked a folder, else what
     * {@code logsentry check} would use on this machine; options and level as logcheck.conf sets
     * them unless {@code level} is given.
     *
     * @param logcheckConf logcheck.conf to honour, or null for none
     */
    public static RuleSetup forWorkbench(String chosenDir, Level level, Path logcheckConf)
            throws ConfigException, IOException {
        CheckConfig c = CheckConfig.empty();
        if (logcheckConf != null && Files.isReadable(logcheckConf)) {
            c = ConfigFiles.fromLogcheckConf(ConfigFiles.readShellAssignments(logcheckConf));
        }
        CheckConfig.Rules chosen =
                new CheckConfig.Rules(
                        chosenDir == null || chosenDir.isBlank() ? null : chosenDir,
                        level == null ? null : level.configName(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        c = c.overriddenBy(new CheckConfig(chosen, null, null, null, null));
        return SettingsResolver.forThisMachine().rules(c);
    }

    /** Where the rules come from, for messages: the folder, or "the bundled starter rules". */
    public String describe() {
        return rulesDir == null ? "the bundled starter rules" : rulesDir.toString();
    }

    /** Loads the rule tree (unpacking the bundled rules when no folder is set). */
    public RuleTree load() throws IOException {
        boolean classic = options.profile() == Profile.CLASSIC_1996;
        if (rulesDir != null) {
            return classic
                    ? RuleTreeLoader.loadClassic(rulesDir)
                    : RuleTreeLoader.load(rulesDir, level);
        }
        Path tmp = Files.createTempDirectory("logsentry-rules");
        try {
            BundledRules.extractTo(tmp);
            return classic
                    ? RuleTreeLoader.loadClassic(BundledRules.classicDir(tmp))
                    : RuleTreeLoader.load(BundledRules.logcheckTree(tmp), level);
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The rules loaded and compiled into the classifier both the checker and the viewer use. */
    public Classifier classifier() throws IOException {
        return new Classifier(load(), options);
    }
}
