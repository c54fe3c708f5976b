package dev.logsentry.cli;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.source.tail.LogTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code logsentry rules lint|test}: checks for logcheck rule trees, usable in CI. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Check a logcheck rule tree, for people and for CI.",
            "'rules lint DIR' validates every rule as grep -E reads it;",
            "'rules test DIR --log FILE' shows what each rule matches and",
            "verifies the '# sample: <line>' comments written above rules."
        },
        subcommands = {RulesLintCommand.class, RulesTestCommand.class},
        footer = {"", "Exit codes: see 'logsentry rules lint --help' and 'rules test --help'."})
public final class RulesCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit code: clean. */
    static final int OK = 0;

    /** Exit code: findings that fail the check. */
    static final int FINDINGS = 1;

    /** Exit code: usage error or unreadable input. */
    static final int USAGE = 2;

    /** The lines of {@code logs} (plain or .gz), as logcheck 1.4 matches them, with their names. */
    static Loaded readLogs(List<Path> logs) throws IOException {
        List<InputLine> lines = new ArrayList<>();
        LogTail tail = new LogTail();
        for (Path log : logs) {
            if (!Files.isReadable(log) || Files.isDirectory(log)) {
                throw new IOException(log + ": not a readable file");
            }
            tail.read(
                    log, null, l -> lines.add(InputLine.ofBytes(l.file(), l.offset(), l.bytes())));
        }
        return new Loaded(lines, CheckLines.of(lines, Profile.LOGCHECK_1_4));
    }

    /** Lines read, and the same prepared for the rules. */
    record Loaded(List<InputLine> lines, CheckLines prepared) {}

    /** picocli converter for report levels. */
    static final class LevelConverter implements CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            return Level.parse(value);
        }
    }
}
