package dev.logsentry.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.time.SyslogTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogHeaderBytesTest {
    private static final Instant REF = Instant.parse("2026-11-25T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final SyslogLine.Parser parser = new SyslogLine.Parser(REF, ZONE);
    private final SyslogHeaderBytes header = new SyslogHeaderBytes(new SyslogTime(REF, ZONE));

    @Test
    void agreesWithTheStringParserOrDeclines() {
        List<String> lines =
                List.of(
                        "Nov 25 07:33:43 gw sshd[1234]: Accepted publickey for root",
                        "Nov  5 07:33:43 gw kernel: [ 12.5] eth0: link up",
                        "Nov 25 07:33:60 gw su: leap second",
                        "Nov 25 07:33:43 gw CRON[7]:",
                        "Dec 31 23:59:59 gw sshd[1]: last year (after the reference)",
                        "Mar 29 02:30:10 gw sshd[1]: inside the spring gap",
                        "Oct 25 02:30:10 gw sshd[1]: the autumn hour",
                        "Feb 29 00:00:01 gw sshd[1]: no such day",
                        "Nov 25 07:33:43 gw cron:amd64 a package, not a tag",
                        "Nov 25 07:33:43 gw no tag here",
                        "Nov 25 07:33:43 gw sshd[12: broken pid",
                        "Nov 25 07:33:43 gw sshd[12]x: broken pid",
                        "Nov 25 07:33:43 gwonly",
                        "Nov 25 07:33:43 hôte sshd[1]: non-ASCII host",
                        "Nov 25 07:33:43 gw sshd[1]: message with ünïcödé and \uFFFD",
                        "2026-11-25T07:33:43.123456+01:00 gw kernel: RFC 3339",
                        "@400000006926e2bc1b2a3c4d multilog",
                        "Xyz 25 07:33:43 gw sshd[1]: bad month",
                        "");
        for (String l : lines) {
            byte[] b = ("xx" + l + "yy").getBytes(StandardCharsets.UTF_8);
            int len = l.getBytes(StandardCharsets.UTF_8).length;
            SyslogLine s = parser.parse(l);
            if (!header.read(b, 2, len) || header.time() == null) {
                continue; // declined: the caller asks the String parser
            }
            assertThat(header.time()).as(l).isEqualTo(s.time());
            assertThat(header.host()).as(l).isEqualTo(s.host());
            assertThat(new String(b, header.tagStart(), header.tagEnd() - header.tagStart()))
                    .as(l)
                    .isEqualTo(s.program());
            assertThat(header.message()).as(l).isEqualTo(s.message());
        }
    }

    @Test
    void readsTheCommonLineAndDeclinesTheOthers() {
        assertThat(read("Nov 25 07:33:43 gw sshd[1234]: Accepted")).isTrue();
        assertThat(read("Nov 25 07:33:43 gw cron:amd64 x")).isFalse();
        assertThat(read("2026-11-25T07:33:43+01:00 gw kernel: x")).isFalse();
        assertThat(read("Nov 25 07:33:43 hôte sshd[1]: x")).isFalse();
    }

    @Test
    void secondsOfOneMinuteShareItsStartButStayExact() {
        for (int s = 0; s <= 59; s += 7) {
            String l = String.format("Nov 25 07:33:%02d gw sshd[1]: x", s);
            assertThat(read(l)).isTrue();
            assertThat(header.time()).isEqualTo(parser.parse(l).time());
        }
    }

    private boolean read(String l) {
        byte[] b = l.getBytes(StandardCharsets.UTF_8);
        return header.read(b, 0, b.length);
    }
}
