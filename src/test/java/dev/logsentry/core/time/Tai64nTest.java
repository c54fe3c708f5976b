package dev.logsentry.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class Tai64nTest {
    @Test
    void decodesAMultilogLabelAsTai64nlocalDoes() {
        // tai64nlocal (TZ=UTC) prints 2025-11-24 07:33:20.123456789 for this label.
        Instant t =
                Tai64n.parse("@4000000069240a4a075bcd15 query 1 7f000001:0d34:a1b2 1 example.com.")
                        .orElseThrow();
        assertThat(t).isEqualTo(Instant.parse("2025-11-24T07:33:20.123456789Z"));
    }

    @Test
    void formatIsTheInverseOfParse() {
        Instant t = Instant.parse("2001-09-09T01:46:40.5Z");
        assertThat(Tai64n.parse(Tai64n.format(t))).contains(t);
    }

    @Test
    void rejectsWhatIsNotALabel() {
        assertThat(Tai64n.parse("4000000069240a4a075bcd15 x")).isEmpty();
        assertThat(Tai64n.parse("@40000000zz240a4a075bcd15")).isEmpty();
        assertThat(Tai64n.parse("@4000")).isEmpty();
        assertThat(Tai64n.parse("@4000000069240a4aFFFFFFFF")).isEmpty();
    }
}
