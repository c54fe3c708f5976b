package dev.logsentry.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogLineTest {
    private final SyslogLine.Parser parser =
            new SyslogLine.Parser(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void parsesAClassicHeader() {
        SyslogLine l = parser.parse("Nov 25 07:33:43 gw sshd[1234]: Accepted publickey for root");
        assertThat(l.time()).isEqualTo(Instant.parse("2026-11-25T07:33:43Z"));
        assertThat(l.host()).isEqualTo("gw");
        assertThat(l.program()).isEqualTo("sshd");
        assertThat(l.pid()).isEqualTo(1234);
        assertThat(l.message()).isEqualTo("Accepted publickey for root");
    }

    @Test
    void parsesAnRfc3339HeaderWithoutPid() {
        SyslogLine l =
                parser.parse("2026-11-25T07:33:43.123456+01:00 gw kernel: [ 12.5] eth0: link up");
        assertThat(l.time()).isEqualTo(Instant.parse("2026-11-25T06:33:43.123456Z"));
        assertThat(l.host()).isEqualTo("gw");
        assertThat(l.program()).isEqualTo("kernel");
        assertThat(l.pid()).isEqualTo(-1);
        assertThat(l.message()).isEqualTo("[ 12.5] eth0: link up");
    }

    @Test
    void aLineWithoutTagKeepsItsTextAsMessage() {
        SyslogLine l = parser.parse("Nov 25 07:33:43 gw last message repeated 3 times");
        assertThat(l.host()).isEqualTo("gw");
        assertThat(l.program()).isNull();
        assertThat(l.message()).isEqualTo("last message repeated 3 times");
    }

    @Test
    void tagsWithOddCharactersAndBrokenPids() {
        assertThat(parser.parse("Nov 25 07:33:43 gw postfix/smtpd[77]: connect").program())
                .isEqualTo("postfix/smtpd");
        SyslogLine broken = parser.parse("Nov 25 07:33:43 gw foo[12 oops");
        assertThat(broken.program()).isNull();
        assertThat(broken.message()).isEqualTo("foo[12 oops");
        assertThat(parser.parse("Nov 25 07:33:43 gw foo[x]: m").pid()).isEqualTo(-1);
    }

    @Test
    void aLineWithoutHeaderIsAllMessage() {
        SyslogLine l = parser.parse("just text");
        assertThat(l.time()).isNull();
        assertThat(l.host()).isNull();
        assertThat(l.message()).isEqualTo("just text");
        assertThat(parser.parse("").message()).isEmpty();
        assertThat(parser.parse("12345 not iso").time()).isNull();
    }

    @Test
    void multilogLinesTakeTheirTimeFromTheTai64nLabel() {
        SyslogLine.Parser parser =
                new SyslogLine.Parser(
                        java.time.Instant.parse("2025-12-01T00:00:00Z"), java.time.ZoneOffset.UTC);

        SyslogLine l =
                parser.parse("@4000000069240a4a075bcd15 query 1 7f000001:0d34:a1b2 1 example.com.");

        org.assertj.core.api.Assertions.assertThat(l.time())
                .isEqualTo(java.time.Instant.parse("2025-11-24T07:33:20.123456789Z"));
        org.assertj.core.api.Assertions.assertThat(l.message())
                .isEqualTo("query 1 7f000001:0d34:a1b2 1 example.com.");
        org.assertj.core.api.Assertions.assertThat(l.program()).isNull();
    }
}
