package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckOptions;
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
 * The rules a run uses and how it applies them, as {@link SettingsResolver#rules} chose them: the
 * one locator of rule trees, shared by {@code check} and by the live classification of {@code
 * serve}, so both judge a line the same way.
 *
 * @param rulesDir the rule tree (or the classic files' directory); null for the bundled starter
 *     rules
 * @param level report level (ignored by the classic profile)
 * @param options engine options, including the profile
 */
public record RuleChoice(Path rulesDir, Level level, CheckOptions options) {

    /**
     * Loads the chosen rule tree; the bundled starter rules are unpacked into a private temp
     * directory that is removed again once loaded (the rules are compiled into memory).
     */
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
}
