package dev.logsentry.core.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spool line's time stamp against the JDK's own formatting of the same instant and offset. */
class SpoolLineTest {
    private static final DateTimeFormatter RSYSLOG =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    @ParameterizedTest
    @CsvSource({
        "2026-12-04T10:15:30.123456Z, +01:00",
        "2026-01-01T00:00:00Z, -09:30",
        "0999-03-09T23:59:59.000001Z, +00:00",
        "2026-06-30T12:00:00.9Z, +14:00",
        "2026-06-30T12:00:00.5Z, -00:45"
    })
    void timeAsRsyslogWritesIt(String instant, String offset) {
        Instant t = Instant.parse(instant);
        ZoneOffset off = ZoneOffset.of(offset);
        SyslogMessage m =
                new SyslogMessage(1, 13, t, off, "h", "sshd", "42", null, null, "hello\tworld");
        String line =
                new String(
                        SpoolLine.format(m, "web1", Instant.EPOCH, ZoneId.of("UTC")),
                        StandardCharsets.ISO_8859_1);
        assertEquals(
                RSYSLOG.format(OffsetDateTime.ofInstant(t, off)) + " web1 sshd[42]: hello#011world",
                line);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-29T01:30:00Z, Europe/Berlin",
        "2026-10-25T00:59:59.999999Z, Europe/Berlin"
    })
    void timeWithoutOffsetTakesTheZone(String instant, String zone) {
        Instant t = Instant.parse(instant);
        SyslogMessage m = new SyslogMessage(0, -1, t, null, null, null, null, null, null, "x");
        String line =
                new String(
                        SpoolLine.format(m, "h", Instant.EPOCH, ZoneId.of(zone)),
                        StandardCharsets.ISO_8859_1);
        assertEquals(RSYSLOG.format(t.atZone(ZoneId.of(zone))) + " h x", line);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sshd|42|' leading space\r\n'|sshd[42]: leading space",
                "cron||'a\u0001b\u007fc'|cron: a#001b#177c",
                "||'x\ny\n\n'|x#012y",
                "ap\tp|p\u0002q|m|ap#011p[p#002q]: m"
            })
    void fieldsEscapedAsRsyslogDoes(String app, String pid, String msg, String rest) {
        Instant t = Instant.parse("2026-12-04T10:15:30Z");
        SyslogMessage m =
                new SyslogMessage(
                        1,
                        13,
                        t,
                        ZoneOffset.UTC,
                        null,
                        unescape(app),
                        unescape(pid),
                        null,
                        null,
                        unescape(msg));
        String line =
                new String(
                        SpoolLine.format(m, "h", Instant.EPOCH, ZoneId.of("UTC")),
                        StandardCharsets.ISO_8859_1);
        assertEquals("2026-12-04T10:15:30.000000+00:00 h " + rest, line);
    }

    @org.junit.jupiter.api.Test
    void oneWriterForABatchWritesEachLineAsItsOwnFormatDoes() {
        // the writer keeps the text of the last second and offset: lines that change either, or
        // only the fraction, or go back in time, must each come out as formatted alone
        String[][] times = {
            {"2026-12-04T10:15:30.123456Z", "+01:00"},
            {"2026-12-04T10:15:30.999999Z", "+01:00"},
            {"2026-12-04T10:15:31Z", "+01:00"},
            {"2026-12-04T10:15:31Z", "-02:30"},
            {"2026-12-04T10:15:29.5Z", "-02:30"},
            {"2026-12-04T10:15:29.5Z", null},
            {"+12026-12-04T10:15:29.5Z", "+00:00"}
        };
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant received = Instant.parse("2026-07-01T00:00:00Z");
        SpoolLine.Writer w = new SpoolLine.Writer("web1");
        StringBuilder expected = new StringBuilder();
        for (String[] t : times) {
            SyslogMessage m =
                    new SyslogMessage(
                            1,
                            13,
                            Instant.parse(t[0]),
                            t[1] == null ? null : ZoneOffset.of(t[1]),
                            "h",
                            "sshd",
                            "42",
                            null,
                            null,
                            "a\u0001b");
            w.add(SyslogFields.of(m), received, zone);
            expected.append(
                            new String(
                                    SpoolLine.format(m, "web1", received, zone),
                                    StandardCharsets.ISO_8859_1))
                    .append('\n');
        }
        assertEquals(
                expected.toString(),
                new String(w.bytes(), 0, w.length(), StandardCharsets.ISO_8859_1));
        assertEquals(times.length, w.lines());
        assertEquals(expected.indexOf("\n") + 1, w.start(1));
    }

    @org.junit.jupiter.api.Test
    void aWriterLetsGoOfTheRoomAHostileBatchTook() {
        // a 64 KiB frame of control bytes is four times that in the spool
        SyslogMessage m =
                new SyslogMessage(
                        0, -1, null, null, null, null, null, null, null, "\u0001".repeat(65_536));
        SpoolLine.Writer w = new SpoolLine.Writer("h");
        w.add(SyslogFields.of(m), Instant.EPOCH, ZoneId.of("UTC"));
        assertEquals(true, w.bytes().length > 4 * 65_536);
        w.clear();
        assertEquals(0, w.length());
        assertEquals(true, w.bytes().length <= SpoolLine.Writer.KEEP_BYTES);
    }

    private static String unescape(String s) {
        if (s == null) {
            return null;
        }
        return s.replace("\\r", "\r")
                .replace("\\n", "\n")
                .replace("\\t", "\t")
                .replace("\\u0001", "\u0001")
                .replace("\\u007f", "\u007f")
                .replace("\\u0002", "\u0002");
    }
}
