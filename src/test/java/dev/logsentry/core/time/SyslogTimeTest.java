package dev.logsentry.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogTimeTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void decemberLinesOfAFileWrittenInJanuaryBelongToTheOldYear() {
        SyslogTime t = new SyslogTime(Instant.parse("2026-01-02T10:00:00Z"), UTC);
        assertThat(t.parse("Dec 31 23:59:59 host x", 0))
                .isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
        assertThat(t.parse("Jan  1 00:00:01 host x", 0))
                .isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(t.parse("Jan 02 10:00:00 host x", 0))
                .isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
    }

    @Test
    void aDateAfterTheReferenceIsLastYearButADayOfClockSkewIsTolerated() {
        SyslogTime t = new SyslogTime(Instant.parse("2026-06-15T12:00:00Z"), UTC);
        assertThat(t.parse("Jun 16 08:00:00", 0)).isEqualTo(Instant.parse("2026-06-16T08:00:00Z"));
        assertThat(t.parse("Jul  1 08:00:00", 0)).isEqualTo(Instant.parse("2025-07-01T08:00:00Z"));
        assertThat(t.parse("Dec 24 18:00:00", 0)).isEqualTo(Instant.parse("2025-12-24T18:00:00Z"));
    }

    @Test
    void february29thFindsALeapYear() {
        SyslogTime t = new SyslogTime(Instant.parse("2025-03-01T00:00:00Z"), UTC);
        assertThat(t.parse("Feb 29 12:00:00", 0)).isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
    }

    @Test
    void readsInTheGivenZoneAndRejectsGarbage() {
        SyslogTime t =
                new SyslogTime(Instant.parse("2026-11-25T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        assertThat(t.parse("Nov 25 08:00:00", 0)).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(t.parse("Foo 25 08:00:00", 0)).isNull();
        assertThat(t.parse("Nov 25 25:00:00", 0)).isNull();
        assertThat(t.parse("Nov 25 08:00", 0)).isNull();
    }

    @Test
    void isoTimestampsWithAndWithoutOffsets() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(IsoTime.parse("2026-11-25T07:33:43.123456+01:00 host", 0, UTC).instant())
                .isEqualTo(Instant.parse("2026-11-25T06:33:43.123456Z"));
        IsoTime.Parsed z = IsoTime.parse("2026-11-25T07:33:43Z x", 0, berlin);
        assertThat(z.instant()).isEqualTo(Instant.parse("2026-11-25T07:33:43Z"));
        assertThat(z.length()).isEqualTo(20);
        assertThat(IsoTime.parse("2026-11-25 07:33:43,5 x", 0, berlin).instant())
                .isEqualTo(Instant.parse("2026-11-25T06:33:43.5Z"));
        assertThat(IsoTime.parse("2026-02-31T07:33:43Z", 0, UTC)).isNull();
        assertThat(IsoTime.parse("2026-11-25X07:33:43Z", 0, UTC)).isNull();
    }

    @Test
    void lineTimesRecognisesEachFormat() {
        LineTimes lt = new LineTimes(Instant.parse("2026-11-25T12:00:00Z"), UTC);
        assertThat(lt.parse("@4000000063f1a2b30c1d2e3f x"))
                .isEqualTo(Instant.parse("2023-02-19T04:16:41.203238975Z"));
        assertThat(lt.parse("2026-11-25T07:33:43Z h p: m"))
                .isEqualTo(Instant.parse("2026-11-25T07:33:43Z"));
        assertThat(lt.parse("Nov 25 07:33:43 h p: m"))
                .isEqualTo(Instant.parse("2026-11-25T07:33:43Z"));
        assertThat(lt.parse("no time here")).isNull();
        assertThat(lt.parse("")).isNull();
    }
}
