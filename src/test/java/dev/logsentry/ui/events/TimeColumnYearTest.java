package dev.logsentry.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.browse.ClassifiedSource;
import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.TimeHistogram;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.index.OpenOptions;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.MergedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3164 lines carry no year: the table's Time column, the timeline and the merged view must
 * infer the same one. An archive last written in February 2024 holds lines from December: 2023.
 */
class TimeColumnYearTest {
    @TempDir Path temp;

    @Test
    void theTimeColumnTheTimelineAndTheMergedViewAgreeOnTheYearOfAnOldArchive() throws Exception {
        Path log = temp.resolve("syslog.1");
        Files.writeString(
                log,
                "Dec 30 10:00:00 h app[1]: one\nDec 31 23:59:59 h app[1]: two\nJan  2 08:00:00 h"
                        + " app[1]: three\n");
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2024-02-01T00:00:00Z")));
        IndexedFile file = IndexedFile.open(log, OpenOptions.DEFAULT);
        file.index(IndexProgress.NONE, () -> false);
        Classifier classifier =
                new Classifier(
                        new RuleSetup(
                                        null,
                                        Level.SERVER,
                                        CheckOptions.defaults(Profile.LOGCHECK_1_4))
                                .load(),
                        CheckOptions.defaults(Profile.LOGCHECK_1_4));
        ClassifiedSource classified = new ClassifiedSource(file, classifier, 1);
        classified.classify((done, total) -> {}, () -> false);

        Instant column = new LineListAdapter(file, RowIndex.all(file)).get(0).fields().time();
        TimeHistogram timeline =
                TimeHistogram.compute(
                        classified, SourceClock.of(file), 1, (d, t) -> {}, () -> false);
        Path other = temp.resolve("other.log");
        Files.writeString(other, "Jan  1 00:00:00 h b[2]: between\n");
        Files.setLastModifiedTime(other, FileTime.from(Instant.parse("2024-01-15T00:00:00Z")));
        MergedSource merged =
                MergedSource.of(
                        List.of(LogOpener.open(log), LogOpener.open(other)),
                        ZoneId.systemDefault());
        merged.index(IndexProgress.NONE, () -> false);

        int year = column.atZone(ZoneId.systemDefault()).getYear();
        assertThat(year).isEqualTo(2023);
        assertThat(timeline.start()).isBeforeOrEqualTo(column);
        assertThat(timeline.start().atZone(ZoneId.systemDefault()).getYear()).isEqualTo(year);
        assertThat(new LineListAdapter(file, RowIndex.all(file)).get(2).fields().time())
                .isBefore(timeline.end());
        // the merged view puts New Year 2024 between the archive's Dec 31 2023 and Jan 2 2024
        assertThat(merged.lineCount()).isEqualTo(4);
        assertThat(merged.line(2)).endsWith("between");
        assertThat(merged.line(3)).endsWith("three");
        file.close();
        merged.close();
    }
}
