package dev.logsentry.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogParserTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final SyslogParser parser = new SyslogParser(UTC);

    @Test
    void rfc5424WithStructuredDataAndBom() {
        SyslogMessage m =
                parser.parse(
                        "<165>1 2026-12-04T10:15:30.123456+01:00 web1.example.org sshd 4242 ID47"
                                + " [exampleSDID@32473 iut=\"3\" eventSource=\"App\\\"l]\"][x@1 a=\"b\"]"
                                + " \u00ef\u00bb\u00bfFailed password for root",
                        NOW);
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.facility()).isEqualTo(20);
        assertThat(m.severity()).isEqualTo(5);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-12-04T09:15:30.123456Z"));
        assertThat(m.offset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(m.host()).isEqualTo("web1.example.org");
        assertThat(m.app()).isEqualTo("sshd");
        assertThat(m.procId()).isEqualTo("4242");
        assertThat(m.msgId()).isEqualTo("ID47");
        assertThat(m.structuredData())
                .isEqualTo("[exampleSDID@32473 iut=\"3\" eventSource=\"App\\\"l]\"][x@1 a=\"b\"]");
        assertThat(m.message()).isEqualTo("Failed password for root");
    }

    @Test
    void rfc5424NilFields() {
        SyslogMessage m = parser.parse("<13>1 - - - - - -", NOW);
        assertThat(m.timestamp()).isNull();
        assertThat(m.host()).isNull();
        assertThat(m.app()).isNull();
        assertThat(m.structuredData()).isNull();
        assertThat(m.message()).isEmpty();
    }

    @Test
    void rfc3164WithHostTagAndPid() {
        SyslogMessage m =
                parser.parse("<38>Dec  4 10:15:30 web1 sshd[123]: Accepted password", NOW);
        assertThat(m.version()).isZero();
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-12-04T10:15:30Z"));
        assertThat(m.host()).isEqualTo("web1");
        assertThat(m.app()).isEqualTo("sshd");
        assertThat(m.procId()).isEqualTo("123");
        assertThat(m.message()).isEqualTo("Accepted password");
    }

    @Test
    void rfc3164WithoutHostName() {
        SyslogMessage m = parser.parse("<38>Dec  4 10:15:30 su: pam_unix(su:auth) failure", NOW);
        assertThat(m.host()).isNull();
        assertThat(m.app()).isEqualTo("su");
        assertThat(m.message()).isEqualTo("pam_unix(su:auth) failure");
    }

    @Test
    void rfc3164FromLastYearInJanuary() {
        SyslogMessage m =
                parser.parse(
                        "<38>Dec 31 23:59:59 h cron[1]: x", Instant.parse("2027-01-01T00:00:05Z"));
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    }

    @Test
    void rsyslogForwardFormatWithIsoTime() {
        SyslogMessage m =
                parser.parse("<30>2026-12-04T10:15:30.5-05:00 db2 postgres[77]: ready", NOW);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-12-04T15:15:30.5Z"));
        assertThat(m.offset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(m.host()).isEqualTo("db2");
        assertThat(m.app()).isEqualTo("postgres");
    }

    @Test
    void withoutPriOrTimeEverythingIsTheMessage() {
        SyslogMessage m = parser.parse("just some words", NOW);
        assertThat(m.priority()).isEqualTo(-1);
        assertThat(m.timestamp()).isNull();
        assertThat(m.message()).isEqualTo("just some words");
    }

    @Test
    void spoolLineIsRsyslogFileFormatWithControlCharactersEscaped() {
        SyslogMessage m =
                parser.parse("<38>1 2026-12-04T10:15:30Z web1 sshd 12 - - two\nlines\u0007", NOW);
        byte[] line = SpoolLine.format(m, "web1", NOW, UTC);
        assertThat(new String(line, StandardCharsets.ISO_8859_1))
                .isEqualTo("2026-12-04T10:15:30.000000+00:00 web1 sshd[12]: two#012lines#007");
    }

    @Test
    void spoolLineUsesArrivalTimeWhenTheSenderGaveNone() {
        SyslogMessage m = parser.parse("<38>hello", NOW);
        assertThat(new String(SpoolLine.format(m, "h", NOW, UTC), StandardCharsets.ISO_8859_1))
                .isEqualTo("2026-12-04T12:00:00.000000+00:00 h hello");
    }

    @Test
    void hostileHostNamesCannotLeaveTheSpool() {
        assertThat(HostNames.sanitize("../../etc", "1.2.3.4")).isEqualTo("_.._etc");
        assertThat(HostNames.sanitize("..", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(HostNames.sanitize("/root/.ssh", "x")).isEqualTo("_root_.ssh");
        assertThat(HostNames.sanitize("Web1.Example.ORG", "x")).isEqualTo("web1.example.org");
        assertThat(HostNames.sanitize(null, "::1")).isEqualTo("__1");
        assertThat(HostNames.sanitize("-", "10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(HostNames.sanitize("a\u0000b\nc", "x")).isEqualTo("a_b_c");
        assertThat(HostNames.sanitize("x".repeat(1000), "y")).hasSize(HostNames.MAX_LENGTH);
    }
}
