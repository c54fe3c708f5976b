package dev.logsentry.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3339 times against the JDK's own parsing of the same text. */
class IsoTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2026-12-04T10:15:30.123456+01:00",
        "2026-12-04T10:15:30Z",
        "2026-12-04T10:15:30.5-09:30",
        "1999-12-31T23:59:59.999999999+14:00",
        "2024-02-29T00:00:00-18:00",
        "0001-01-01T00:00:00+00:00"
    })
    void withAnOffsetAsTheJdkReadsIt(String text) {
        IsoTime.Parsed p = IsoTime.parse(text + " rest", 0, ZoneId.of("Europe/Berlin"));
        assertThat(p.instant()).isEqualTo(OffsetDateTime.parse(text).toInstant());
        assertThat(p.length()).isEqualTo(text.length());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-29T02:30:00, Europe/Berlin",
        "'2026-07-01 12:00:00,5', UTC",
        "2026-07-01T12:00:00, +05:45"
    })
    void withoutAnOffsetInTheGivenZone(String text, String zone) {
        ZoneId z = ZoneId.of(zone);
        IsoTime.Parsed p = IsoTime.parse(text, 0, z);
        LocalDateTime local = LocalDateTime.parse(text.replace(' ', 'T').replace(',', '.'));
        assertThat(p.instant()).isEqualTo(local.atZone(z).toInstant());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-02-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-12-04T10:15:30+18:30",
        "2026-12-04X10:15:30Z",
        "2026-12-04T10:15"
    })
    void impossibleTimesAreNone(String text) {
        assertThat(IsoTime.parse(text, 0, ZoneOffset.UTC)).isNull();
    }

    @org.junit.jupiter.api.Test
    void aLeapSecondIsTheSecondBefore() {
        assertThat(IsoTime.parse("2016-12-31T23:59:60Z", 0, ZoneOffset.UTC).instant())
                .isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
    }
}
