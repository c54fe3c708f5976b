package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The --range forms logwatch's help documents, read as Date::Manip reads them. */
class RangeParserTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    // Friday 2026-12-04 15:30:20 in Berlin
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T14:30:20Z"), ZONE);
    private final RangeParser p = new RangeParser(NOW, ZONE);

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private void assertRange(String range, String start, String end) {
        DateRange r = p.parse(range);
        assertThat(r.all()).as(range).isFalse();
        assertThat(r.start()).as(range + " start").isEqualTo(at(start));
        assertThat(r.end()).as(range + " end").isEqualTo(at(end));
    }

    @Test
    void yesterdayTodayAndAll() {
        assertRange("Yesterday", "2026-12-03T00:00", "2026-12-04T00:00");
        assertRange("today", "2026-12-04T00:00", "2026-12-05T00:00");
        assertRange(null, "2026-12-03T00:00", "2026-12-04T00:00");
        assertThat(p.parse("All").all()).isTrue();
        assertThat(p.parse("all").contains(null)).isTrue();
    }

    @Test
    void relativeDatesAreThatWholeDay() {
        assertRange("-3 days", "2026-12-01T00:00", "2026-12-02T00:00");
        assertRange("3 days ago", "2026-12-01T00:00", "2026-12-02T00:00");
        assertRange("4 hours ago for that hour", "2026-12-04T11:00", "2026-12-04T12:00");
    }

    @Test
    void sinceRunsToNowAtThePeriodsResolution() {
        assertRange("since 2 hours ago for those hours", "2026-12-04T13:00", "2026-12-04T16:00");
        assertRange("since yesterday", "2026-12-03T00:00", "2026-12-05T00:00");
    }

    @Test
    void betweenTwoDatesCoversBothWholeDays() {
        assertRange("between -7 days and -1 days", "2026-11-27T00:00", "2026-12-04T00:00");
        assertRange("between -10 days and -2 days", "2026-11-24T00:00", "2026-12-03T00:00");
        assertRange("between 11/01/2026 and 11/03/2026", "2026-11-01T00:00", "2026-11-04T00:00");
        assertRange("between 4/23/2005 and 4/30/2005", "2005-04-23T00:00", "2005-05-01T00:00");
        // logwatch swaps dates given the wrong way round
        assertRange("between -1 days and -7 days", "2026-11-27T00:00", "2026-12-04T00:00");
    }

    @Test
    void absoluteDates() {
        assertRange("2026/11/25", "2026-11-25T00:00", "2026-11-26T00:00");
        assertRange("2026-11-25", "2026-11-25T00:00", "2026-11-26T00:00");
        assertRange("Apr 15, 2005", "2005-04-15T00:00", "2005-04-16T00:00");
        assertRange("15 April 2005", "2005-04-15T00:00", "2005-04-16T00:00");
        assertRange("first Monday in May", "2026-05-04T00:00", "2026-05-05T00:00");
        assertRange(
                "2005/05/03 10:24:17 for that second",
                "2005-05-03T10:24:17",
                "2005-05-03T10:24:18");
        assertRange("2026/11/25 for that month", "2026-11-01T00:00", "2026-12-01T00:00");
        assertRange("2026/11/25 for this year", "2026-01-01T00:00", "2027-01-01T00:00");
    }

    @Test
    void containsIsHalfOpenAndLinesWithoutTimeAreOutside() {
        DateRange r = p.parse("today");
        assertThat(r.contains(at("2026-12-04T00:00"))).isTrue();
        assertThat(r.contains(at("2026-12-04T23:59:59"))).isTrue();
        assertThat(r.contains(at("2026-12-05T00:00"))).isFalse();
        assertThat(r.contains(null)).isFalse();
    }

    @Test
    void nonsenseIsRefusedWithTheDateNamed() {
        assertThatThrownBy(() -> p.parse("between fish and chips"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the date 'fish'");
        assertThatThrownBy(() -> p.parse("2026/02/30")).hasMessageContaining("not a valid date");
    }

    @Test
    void detailLevels() {
        assertThat(Detail.parse("Low").level()).isZero();
        assertThat(Detail.parse("med").level()).isEqualTo(5);
        assertThat(Detail.parse("HIGH").level()).isEqualTo(10);
        assertThat(Detail.parse("7").showsItems()).isTrue();
        assertThat(Detail.parse("7").showsAll()).isFalse();
        assertThatThrownBy(() -> Detail.parse("11")).hasMessageContaining("0 to 10");
        assertThatThrownBy(() -> Detail.parse("lots")).hasMessageContaining("not Low, Med, High");
    }
}
