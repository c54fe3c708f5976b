package dev.logsentry.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text, JSON and subject as logcheck 1.4 and the 1996 script produce them. */
class ReportWritersTest {

    private static final ZonedDateTime NOW =
            ZonedDateTime.of(2026, 11, 25, 7, 5, 0, 0, ZoneOffset.ofHours(1));

    private static Rule rule() throws Exception {
        return new Rule(
                Category.CRACKING,
                "kernel",
                Path.of("/etc/logcheck/cracking.d/kernel"),
                7,
                EreTranslator.compile("evil", false),
                0);
    }

    private static CheckResult result(Profile profile, Optional<String> header) throws Exception {
        InputLine attack = InputLine.ofText("/var/log/syslog", 10, "Nov 1 h kernel: evil");
        InputLine odd =
                InputLine.ofBytes("/var/log/syslog", 99, new byte[] {'o', 'd', (byte) 0xff});
        return new CheckResult(
                profile,
                Verdict.ATTACK,
                List.of(
                        new Section(
                                Verdict.ATTACK,
                                profile == Profile.CLASSIC_1996
                                        ? "Active System Attack Alerts"
                                        : "Security Alerts for kernel",
                                "kernel",
                                List.of(new ReportedLine(attack, rule()))),
                        new Section(
                                Verdict.UNUSUAL,
                                profile == Profile.CLASSIC_1996
                                        ? "Unusual System Events"
                                        : "System Events",
                                "",
                                List.of(new ReportedLine(odd, null)))),
                List.of("E: File could not be read: /var/log/gone"),
                List.of("something odd"),
                2,
                List.of(),
                header,
                header.map(h -> "footer\n"));
    }

    @Test
    void logcheckTextHasHeaderErrorsSectionsWarningsAndFooterInLogchecksLayout() throws Exception {
        byte[] text =
                new LogcheckTextReport().toBytes(result(Profile.LOGCHECK_1_4, Optional.of("Hi\n")));
        String expected =
                "Hi\n\nE: File could not be read: /var/log/gone\n\n"
                        + "Security Alerts for kernel\n=-=-=-=-=-=-=-=-=-=-=-=-=-\n"
                        + "Nov 1 h kernel: evil\n\n"
                        + "System Events\n=-=-=-=-=-=-=\nod\u00ff\n\n"
                        + "Logcheck Warnings\n=-=-=-=-=-=-=-=-=\nsomething odd\n\n"
                        + "footer\n";
        assertThat(new String(text, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
        // the invalid byte is written as itself, not as a replacement character
        assertThat(new String(text, StandardCharsets.ISO_8859_1).indexOf("od\u00ff\n"))
                .isPositive();
        assertThat(text).hasSize(expected.length());
    }

    @Test
    void classicTextPutsABlankLineBeforeEachSection() throws Exception {
        byte[] text =
                new ClassicTextReport().toBytes(result(Profile.CLASSIC_1996, Optional.empty()));
        assertThat(new String(text, StandardCharsets.ISO_8859_1))
                .isEqualTo(
                        "\nActive System Attack Alerts\n=-=-=-=-=-=-=-=-=-=-=-=-=-=\n"
                                + "Nov 1 h kernel: evil\n"
                                + "\nUnusual System Events\n=-=-=-=-=-=-=-=-=-=-=\nod\u00ff\n");
    }

    @Test
    void jsonCarriesSourceOffsetRuleAndExactBytesOfInvalidUtf8() throws Exception {
        byte[] json =
                new JsonReport("web1", NOW).toBytes(result(Profile.LOGCHECK_1_4, Optional.empty()));
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("host").asText()).isEqualTo("web1");
        assertThat(root.get("verdict").asText()).isEqualTo("ATTACK");
        JsonNode first = root.get("sections").get(0).get("lines").get(0);
        assertThat(first.get("source").asText()).isEqualTo("/var/log/syslog");
        assertThat(first.get("offset").asLong()).isEqualTo(10);
        assertThat(first.get("rule").get("file").asText()).endsWith("cracking.d/kernel");
        assertThat(first.get("rule").get("line").asInt()).isEqualTo(7);
        assertThat(first.has("bytesBase64")).isFalse();
        JsonNode odd = root.get("sections").get(1).get("lines").get(0);
        assertThat(odd.get("bytesBase64").asText()).isEqualTo("b2T/");
        assertThat(odd.has("rule")).isFalse();
    }

    @Test
    void logcheckSubjectIsHostDateAndTheMostSevereSubject() throws Exception {
        CheckOptions options = CheckOptions.defaults(Profile.LOGCHECK_1_4);
        CheckResult r = result(Profile.LOGCHECK_1_4, Optional.empty());
        assertThat(ReportSubject.of(r, options, "web1", NOW, false, false))
                .isEqualTo("web1 2026-11-25 07:05 +0100 Security Alerts");
        assertThat(ReportSubject.of(r, options, "web1", NOW, true, true))
                .isEqualTo("[logcheck] Reboot: web1 2026-11-25 07:05 +0100 Security Alerts");
    }

    @Test
    void classicSubjectsFollowTheSeedScript() throws Exception {
        CheckOptions options = CheckOptions.defaults(Profile.CLASSIC_1996);
        CheckResult attack = result(Profile.CLASSIC_1996, Optional.empty());
        assertThat(ReportSubject.of(attack, options, "web1", NOW, false, false))
                .isEqualTo("web1 11/25/26:07.05 ACTIVE SYSTEM ATTACK!");
        CheckResult events =
                new CheckResult(
                        Profile.CLASSIC_1996,
                        Verdict.UNUSUAL,
                        List.of(attack.sections().get(1)),
                        List.of(),
                        List.of(),
                        1,
                        List.of(),
                        Optional.empty(),
                        Optional.empty());
        assertThat(ReportSubject.of(events, options, "web1", NOW, false, false))
                .isEqualTo("Systems Check: web1 11/25/26:07.05");
    }
}
