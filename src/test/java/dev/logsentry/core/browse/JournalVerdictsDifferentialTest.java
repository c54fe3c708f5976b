package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.tail.JournalTail;
import dev.logsentry.core.source.tail.TailLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-line journal entry is judged the same by {@code logsentry check} (the cron tail, {@link
 * JournalTail}) and by the workbench ({@link JournalSource} under {@link ClassifiedSource}): the
 * same lines, the same verdict for each.
 */
class JournalVerdictsDifferentialTest {
    @TempDir Path temp;

    @Test
    void aMultiLineEntryGetsTheSameLinesAndVerdictsInCheckAndViewer() throws Exception {
        Path journalctl = temp.resolve("journalctl");
        // journalctl -o json prints one object per entry; this one has a three-line message
        Files.writeString(
                journalctl,
                "#!/bin/sh\ncat <<'EOF'\n"
                        + "{\"__REALTIME_TIMESTAMP\":\"1772683506000000\",\"_HOSTNAME\":\"gw\","
                        + "\"SYSLOG_IDENTIFIER\":\"app\",\"_PID\":\"42\",\"__CURSOR\":\"c1\","
                        + "\"MESSAGE\":\"started worker\\nFAILED password for root\\nretrying\"}\n"
                        + "EOF\n");
        Files.setPosixFilePermissions(journalctl, PosixFilePermissions.fromString("rwx------"));
        Path rules = temp.resolve("rules");
        for (String d :
                List.of("cracking.d", "violations.d", "violations.ignore.d", "ignore.d.server")) {
            Files.createDirectories(rules.resolve(d));
        }
        Files.writeString(rules.resolve("violations.d/app"), "FAILED password\n");
        Files.writeString(
                rules.resolve("ignore.d.server/app"),
                "^\\w{3} [ :0-9]{11} gw app\\[42\\]: started worker$\n");
        Classifier classifier =
                new Classifier(
                        RuleTreeLoader.load(rules, Level.SERVER),
                        CheckOptions.defaults(Profile.LOGCHECK_1_4));

        List<String> checkLines = new ArrayList<>();
        List<Verdict> checkVerdicts = new ArrayList<>();
        new JournalTail(
                        new JournalTail.Config(
                                List.of(journalctl.toString()), null, ZoneOffset.UTC))
                .read(
                        "journal",
                        null,
                        (TailLine l) -> {
                            checkLines.add(new String(l.bytes(), StandardCharsets.UTF_8));
                            checkVerdicts.add(
                                    classifier
                                            .classify(
                                                    InputLine.ofBytes(
                                                            "journal", l.offset(), l.bytes()))
                                            .verdict());
                        });

        List<String> viewLines = new ArrayList<>();
        List<Verdict> viewVerdicts = new ArrayList<>();
        try (JournalSource j =
                JournalSource.open(journalctl.toString(), List.of(), ZoneOffset.UTC)) {
            j.index(IndexProgress.NONE, () -> false);
            ClassifiedSource c = new ClassifiedSource(j, classifier, 1);
            c.classify((done, total) -> {}, () -> false);
            for (long i = 0; i < j.lineCount(); i++) {
                viewLines.add(j.line(i));
                viewVerdicts.add(c.verdict(i));
            }
        }

        assertThat(viewLines).containsExactlyElementsOf(checkLines).hasSize(3);
        assertThat(viewVerdicts).containsExactlyElementsOf(checkVerdicts);
        assertThat(checkVerdicts)
                .containsExactly(Verdict.IGNORED, Verdict.VIOLATION, Verdict.UNUSUAL);
    }
}
