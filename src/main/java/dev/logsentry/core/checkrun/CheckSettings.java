package dev.logsentry.core.checkrun;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.source.tail.JournalTail;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated check run: every default applied, every path resolved. Built by {@link
 * SettingsResolver}; read by {@link CheckService}.
 *
 * @param rulesDir the rule tree (or the classic files' directory); null for the bundled starter
 *     rules
 * @param level report level (ignored by the classic profile)
 * @param options engine options, including the profile
 * @param logFiles log files to read, globs expanded
 * @param journal how to read the journal, or null to leave it out
 * @param maxLineBytes bytes kept of one line
 * @param stateDir where offsets and the lock live
 * @param dryRun read and report, keep no state and take no lock (logcheck -t)
 * @param format report format
 * @param host host name for the subject and the JSON report
 * @param reboot subject prefix "Reboot: "
 * @param addTag subject prefix "[logcheck] "
 */
public record CheckSettings(
        Path rulesDir,
        Level level,
        CheckOptions options,
        List<Path> logFiles,
        JournalTail.Config journal,
        int maxLineBytes,
        Path stateDir,
        boolean dryRun,
        ReportFormat format,
        String host,
        boolean reboot,
        boolean addTag) {

    public CheckSettings {
        logFiles = List.copyOf(logFiles);
    }

    /** The same run without keeping state (for {@code --dry-run} after the fact, and tests). */
    public CheckSettings asDryRun() {
        return new CheckSettings(
                rulesDir,
                level,
                options,
                logFiles,
                journal,
                maxLineBytes,
                stateDir,
                true,
                format,
                host,
                reboot,
                addTag);
    }
}
