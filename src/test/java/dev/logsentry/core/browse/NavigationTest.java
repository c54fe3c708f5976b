package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NavigationTest {

    @TempDir static Path dir;

    static IndexedFile file;
    static ClassifiedSource classified;
    static Navigation nav;

    static final List<Set<Verdict>> SETS =
            List.of(
                    EnumSet.of(Verdict.ATTACK),
                    EnumSet.of(Verdict.VIOLATION),
                    EnumSet.of(Verdict.UNUSUAL),
                    Navigation.REPORTABLE,
                    EnumSet.of(Verdict.IGNORED));

    @BeforeAll
    static void classify() throws Exception {
        file = Fixtures.indexed(dir, "syslog", Fixtures.corpus(7, 50_000));
        classified = Fixtures.classified(file, Fixtures.debianRules(Level.SERVER), 2);
        nav = new Navigation(classified);
    }

    @AfterAll
    static void close() throws Exception {
        file.close();
    }

    private static long bruteNext(Rows rows, long from, Set<Verdict> set) {
        for (long r = from + 1; r < rows.size(); r++) {
            if (set.contains(classified.verdict(rows.lineAt(r)))) {
                return r;
            }
        }
        return -1;
    }

    private static long brutePrevious(Rows rows, long from, Set<Verdict> set) {
        for (long r = Math.min(from, rows.size()) - 1; r >= 0; r--) {
            if (set.contains(classified.verdict(rows.lineAt(r)))) {
                return r;
            }
        }
        return -1;
    }

    @Test
    void verdictJumpsInTheWholeSourceFindTheNearestLine() {
        Rows all = Rows.range(0, classified.classifiedCount());
        Random random = new Random(1);
        for (Set<Verdict> set : SETS) {
            for (int k = 0; k < 40; k++) {
                long from = k == 0 ? -1 : random.nextInt((int) classified.classifiedCount());
                assertThat(nav.nextLine(from, set))
                        .as("next %s from %d", set, from)
                        .isEqualTo(bruteNext(all, from, set));
                long back = k == 0 ? Long.MAX_VALUE : from;
                assertThat(nav.previousLine(back, set))
                        .as("previous %s from %d", set, from)
                        .isEqualTo(brutePrevious(all, back, set));
            }
        }
        long lastAttack = nav.previousLine(Long.MAX_VALUE, EnumSet.of(Verdict.ATTACK));
        assertThat(nav.nextLine(lastAttack, EnumSet.of(Verdict.ATTACK))).isEqualTo(-1);
    }

    @Test
    void verdictJumpsWithinAFilteredViewReturnRows() {
        SourceClock clock = new SourceClock(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        FilteredView view =
                new FilteredView(
                        classified, LineFilter.ALL.withQuick(QuickText.plain("root")), clock, 2);
        view.extend(Progress.NONE, () -> false);
        Random random = new Random(2);
        for (Set<Verdict> set : SETS) {
            for (int k = 0; k < 30; k++) {
                long from = k == 0 ? -1 : random.nextInt((int) view.size());
                assertThat(nav.nextRow(view, from, set)).isEqualTo(bruteNext(view, from, set));
                assertThat(nav.previousRow(view, from, set))
                        .isEqualTo(brutePrevious(view, from, set));
            }
        }
        FilteredView all = new FilteredView(classified, LineFilter.ALL, clock, 1);
        all.extend(Progress.NONE, () -> false);
        assertThat(nav.nextRow(all, 10, Navigation.REPORTABLE))
                .isEqualTo(bruteNext(all, 10, Navigation.REPORTABLE));
    }

    @Test
    void searchFindsNextAndPreviousMatchingRows() throws Exception {
        Rows rows = Rows.range(0, file.lineCount());
        QuickText q = QuickText.plain("Failed password");
        long first = nav.nextMatch(rows, -1, q, () -> false);
        assertThat(first).isNotNegative();
        assertThat(file.fullLine(first)).containsIgnoringCase("failed password");
        for (long r = 0; r < first; r++) {
            assertThat(file.fullLine(r).toLowerCase()).doesNotContain("failed password");
        }
        long second = nav.nextMatch(rows, first, q, () -> false);
        assertThat(second).isGreaterThan(first);
        assertThat(nav.previousMatch(rows, second, q, () -> false)).isEqualTo(first);
        assertThat(nav.previousMatch(rows, first, q, () -> false)).isEqualTo(-1);
        assertThat(nav.nextMatch(rows, -1, QuickText.plain("no such text anywhere"), () -> false))
                .isEqualTo(-1);
        assertThat(nav.nextMatch(rows, -1, q, () -> true)).isEqualTo(-1);
    }
}
