package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.time.LineTimes;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilteredViewTest {

    @TempDir static Path dir;

    static final SourceClock CLOCK =
            new SourceClock(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    static IndexedFile file;
    static ClassifiedSource classified;

    @BeforeAll
    static void classify() throws Exception {
        RuleTree tree = Fixtures.debianRules(Level.SERVER);
        file = Fixtures.indexed(dir, "syslog", Fixtures.corpus(99, 60_000));
        classified = Fixtures.classified(file, tree, 2);
    }

    @AfterAll
    static void close() throws Exception {
        if (file != null) {
            file.close();
        }
    }

    private static FilteredView built(LineFilter filter, int threads) {
        FilteredView v = new FilteredView(classified, filter, CLOCK, threads);
        FilterResult r = v.extend(Progress.NONE, () -> false);
        assertThat(r.error()).isEmpty();
        assertThat(v.upToDate()).isTrue();
        return v;
    }

    /** The rows a filter must give, computed the slow obvious way. */
    private static List<Long> expected(LongPredicate shown) {
        List<Long> lines = new ArrayList<>();
        for (long i = 0; i < classified.classifiedCount(); i++) {
            if (shown.test(i)) {
                lines.add(i);
            }
        }
        return lines;
    }

    private static void assertRows(FilteredView view, List<Long> want) {
        assertThat(view.size()).isEqualTo(want.size());
        for (int r = 0; r < want.size(); r++) {
            assertThat(view.lineAt(r)).isEqualTo(want.get(r));
            assertThat(view.indexOf(want.get(r))).isEqualTo(r);
        }
    }

    @Test
    void hidingIgnoredLinesLeavesExactlyTheReportableOnes() {
        LineFilter filter = LineFilter.ALL.withIgnoredHidden(true);
        List<Long> want = expected(i -> classified.verdict(i) != Verdict.IGNORED);
        assertThat(want).isNotEmpty().hasSizeLessThan((int) classified.classifiedCount());
        assertRows(built(filter, 2), want);
        assertRows(built(filter, 1), want);
        assertThat((long) want.size()).isEqualTo(classified.counts().reportable());
    }

    @Test
    void ruleFilterLeavesExactlyTheLinesThatRuleDecidedAloneOrWithText() throws Exception {
        long[] counts = classified.ruleCounts();
        int busiest = 0;
        for (int r = 0; r < counts.length; r++) {
            busiest = counts[r] > counts[busiest] ? r : busiest;
        }
        int rule = busiest;
        assertThat(counts[rule]).isPositive();
        List<Long> want = expected(i -> classified.ruleId(i) == rule);
        assertThat((long) want.size()).isEqualTo(counts[rule]);
        assertRows(built(LineFilter.ALL.withRule(rule), 2), want);
        assertRows(built(LineFilter.ALL.withRule(rule), 1), want);
        List<Long> withSeven = new ArrayList<>();
        for (long i : want) {
            if (file.fullLine(i).contains("7")) {
                withSeven.add(i);
            }
        }
        assertThat(withSeven).isNotEmpty().hasSizeLessThan(want.size());
        assertRows(
                built(LineFilter.ALL.withRule(rule).withQuick(QuickText.plain("7")), 2), withSeven);
        assertThat(LineFilter.ALL.withRule(rule).isAll()).isFalse();
        assertThat(LineFilter.ALL.withRule(rule).withRule(-1).isAll()).isTrue();
    }

    @Test
    void verdictFilterOfOnlyAttacksSkipsChunksAndFindsEveryAttack() {
        FilteredView v = built(LineFilter.ALL.withVerdicts(EnumSet.of(Verdict.ATTACK)), 2);
        assertRows(v, expected(i -> classified.verdict(i) == Verdict.ATTACK));
        assertThat(v.size()).isEqualTo(classified.counts().attack());
    }

    @Test
    void quickTextPlainIsCaseInsensitiveUnlessAsked() throws Exception {
        List<Long> any = new ArrayList<>();
        List<Long> exact = new ArrayList<>();
        for (long i = 0; i < file.lineCount(); i++) {
            String s = file.fullLine(i);
            if (s.toLowerCase(java.util.Locale.ROOT).contains("sshd")) {
                any.add(i);
            }
            if (s.contains("SSHD")) {
                exact.add(i);
            }
        }
        assertRows(built(LineFilter.ALL.withQuick(QuickText.plain("SsHd")), 2), any);
        assertRows(built(LineFilter.ALL.withQuick(new QuickText("SSHD", false, true)), 2), exact);
    }

    @Test
    void quickRegexCombinesWithTheVerdictFilter() throws Exception {
        Pattern p = Pattern.compile("port \\d+ ssh2$");
        List<Long> want =
                expected(
                        i -> {
                            try {
                                return classified.verdict(i) != Verdict.IGNORED
                                        && p.matcher(file.fullLine(i)).find();
                            } catch (java.io.IOException e) {
                                throw new AssertionError(e);
                            }
                        });
        LineFilter f =
                LineFilter.ALL
                        .withQuick(new QuickText("port \\d+ ssh2$", true, true))
                        .withIgnoredHidden(true);
        assertRows(built(f, 2), want);
    }

    @Test
    void invalidRegexGivesAMessageAndShowsNothing() {
        LineFilter f = LineFilter.ALL.withQuick(new QuickText("sshd[", true, false));
        assertThat(f.error())
                .get()
                .asString()
                .contains("Invalid regular expression")
                .contains("position");
        FilteredView v = built(f, 2);
        assertThat(v.size()).isZero();
        assertThat(f.quick().spans("sshd[1]")).isEmpty();
    }

    @Test
    void timeRangeKeepsLinesInRangeWithInheritedTimes() throws Exception {
        LineTimes times = CLOCK.lineTimes();
        Instant[] time = new Instant[(int) file.lineCount()];
        Instant current = null;
        for (int i = 0; i < time.length; i++) {
            Instant t = times.parse(file.fullLine(i));
            current = t != null ? t : current;
            time[i] = current;
        }
        Instant from = time[time.length / 3];
        Instant to = time[time.length / 2];
        LineFilter f = LineFilter.ALL.withTimeRange(from, to).withIgnoredHidden(true);
        List<Long> want =
                expected(
                        i ->
                                classified.verdict(i) != Verdict.IGNORED
                                        && time[(int) i] != null
                                        && !time[(int) i].isBefore(from)
                                        && time[(int) i].isBefore(to));
        assertThat(want).isNotEmpty();
        assertRows(built(f, 2), want);
    }

    @Test
    void indexOfAnUnshownLineGivesTheInsertionPoint() {
        FilteredView v = built(LineFilter.ALL.withVerdicts(EnumSet.of(Verdict.ATTACK)), 1);
        long first = v.lineAt(0);
        if (first > 0) {
            assertThat(v.indexOf(first - 1)).isEqualTo(-1);
        }
        long last = v.lineAt(v.size() - 1);
        assertThat(v.indexOf(last + 1)).isEqualTo(-v.size() - 1);
    }

    @Test
    void showingEverythingCostsNoMemory() {
        FilteredView v = built(LineFilter.ALL, 2);
        assertThat(v.size()).isEqualTo(file.lineCount());
        assertThat(v.lineAt(1234)).isEqualTo(1234);
        assertThat(v.indexOf(77)).isEqualTo(77);
        assertThat(v.memoryBytes()).isZero();
    }

    @Test
    void cancelledBuildContinuesToTheSameRows() {
        LineFilter f = LineFilter.ALL.withQuick(QuickText.plain("root"));
        FilteredView v = new FilteredView(classified, f, CLOCK, 2);
        AtomicInteger polls = new AtomicInteger();
        FilterResult first = v.extend(Progress.NONE, () -> polls.incrementAndGet() > 100);
        assertThat(first.cancelled()).isTrue();
        assertThat(v.scannedCount()).isLessThan(file.lineCount());
        FilterResult rest = v.extend(Progress.NONE, () -> false);
        assertThat(rest.cancelled()).isFalse();
        FilteredView whole = built(f, 1);
        assertThat(v.size()).isEqualTo(whole.size());
        for (long r = 0; r < whole.size(); r++) {
            assertThat(v.lineAt(r)).isEqualTo(whole.lineAt(r));
        }
    }

    @Test
    void viewExtendsAsClassificationProceeds() throws Exception {
        ClassifiedSource partial = new ClassifiedSource(file, classified.classifier(), 2);
        AtomicInteger polls = new AtomicInteger();
        partial.classify(Progress.NONE, () -> polls.incrementAndGet() > 50);
        LineFilter f = LineFilter.ALL.withIgnoredHidden(true);
        FilteredView v = new FilteredView(partial, f, CLOCK, 2);
        v.extend(Progress.NONE, () -> false);
        assertThat(v.scannedCount())
                .isEqualTo(partial.classifiedCount())
                .isLessThan(file.lineCount());
        partial.classify(Progress.NONE, () -> false);
        assertThat(v.upToDate()).isFalse();
        v.extend(Progress.NONE, () -> false);
        assertThat(v.upToDate()).isTrue();
        if (!v.stale()) {
            FilteredView whole = built(f, 1);
            assertThat(v.size()).isEqualTo(whole.size());
        }
    }

    @Test
    void spansHighlightEveryMatch() {
        assertThat(QuickText.plain("ab").spans("xAbyab"))
                .containsExactly(new int[] {1, 3}, new int[] {4, 6});
        assertThat(new QuickText("a+", true, true).spans("caaab a"))
                .containsExactly(new int[] {1, 4}, new int[] {6, 7});
        assertThat(new QuickText("x*", true, true).spans("abc")).isEmpty();
        assertThat(QuickText.NONE.spans("abc")).isEmpty();
    }
}
